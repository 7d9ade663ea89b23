/**
 * The GitHub backend against the local GitHub REST API server (requests checked against GitHub's
 * OpenAPI description): a run with GitHub state is paused, resumed and cancelled from a second process in
 * the action's `mode: monitor`; an unresponsive runner is cancelled through the Actions API; restart of a
 * finished run re-dispatches its workflow.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ActionSettings } from '../../src/action/inputs.js'
import { runMonitor } from '../../src/action/monitor-mode.js'
import { GitHubStateStore } from '../../src/state/github-store.js'
import { startGitHubApiServer } from '../support/github-api-server.js'
import type { GitHubApiServer } from '../support/github-api-server.js'
import { driverBundle } from './support/driver-bundle.js'
import { isAlive, runDriver, spawnDriver } from './support/processes.js'
import { recordFor, stepResult, tempDir } from './fixtures.js'

const SHA = 'a'.repeat(40)
let bundle = ''
let dir: ReturnType<typeof tempDir>
let server: GitHubApiServer

beforeAll(async () => {
  bundle = driverBundle()
  dir = tempDir('github')
  server = await startGitHubApiServer()
}, 240_000)
afterAll(async () => {
  await server.close()
  dir.remove()
})
afterEach(() => {
  expect(server.violations).toEqual([])
})

const githubEnv = (): Record<string, string> => ({
  GITHUB_API_URL: server.url,
  GITHUB_REPOSITORY: 'octo/repo',
  GITHUB_SHA: SHA,
  GITHUB_ACTIONS: 'true',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_WORKFLOW_REF: 'octo/repo/.github/workflows/orchestrate.yml@refs/heads/main',
  GITHUB_REF: 'refs/heads/main',
  INPUT_TOKEN: 'test-token',
})

const store = (): GitHubStateStore =>
  new GitHubStateStore({ token: 't', repository: 'octo/repo', baseUrl: server.url, baseSha: SHA, pollInterval: 300, saveInterval: 200, heartbeatInterval: 1000 })

async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (check(value)) return value
    if (Date.now() > deadline) throw new Error(`condition not reached; last: ${JSON.stringify(value)}`)
    await new Promise((wake) => setTimeout(wake, 100))
  }
}

describe('GitHub state store', () => {
  it('keeps the record on a state branch and control requests as refs, within the REST API', async () => {
    const github = store()
    const record = recordFor('wf-unit', [{ id: 'a' }])
    await github.beginRun(record, { file: 'wf.yml', root: '/w', definition: { steps: [] } })
    expect(server.state.refs.get('octo/repo')?.get('refs/heads/task-orchestrator-state')).toBe(SHA)
    await github.appendEvents('wf-unit', [
      { type: 'step_start', time: 1, stepId: 'a', attempt: 1, pid: 5 },
      { type: 'step_output', time: 2, stepId: 'a', stream: 'stdout', line: 'not journaled on GitHub' },
    ])
    await github.saveRecord({ ...record, status: 'paused' })
    const other = store()
    expect((await other.readRun('wf-unit'))?.record.status).toBe('paused')
    expect(await other.readEvents('wf-unit')).toEqual([{ type: 'step_start', time: 1, stepId: 'a', attempt: 1, pid: 5 }])
    expect(await other.readDefinition('wf-unit')).toEqual({ file: 'wf.yml', root: '/w', definition: { steps: [] } })

    await other.sendControl('wf-unit', 'pause')
    await other.sendControl('wf-unit', 'cancel')
    expect((await github.readControl('wf-unit')).map((r) => r.action)).toEqual(['pause', 'cancel'])
    await github.clearControl('wf-unit')
    expect(await github.readControl('wf-unit')).toEqual([])

    await github.addHistory('test', [stepResult('a', 'completed', 0, 1200)])
    expect(await other.readHistory('test')).toEqual({ a: 1200 })
  })

  it('retries a save whose file changed under it (another writer on the branch)', async () => {
    const first = store()
    const second = store()
    const record = recordFor('wf-race', [{ id: 'a' }])
    await first.beginRun(record, { file: 'wf.yml', root: '/w', definition: {} })
    await second.saveRecord({ ...record, attempt: 5 })
    await first.saveRecord({ ...record, attempt: 6 })
    expect((await second.readRun('wf-race'))?.record.attempt).toBe(6)
  })
})

describe('mode: monitor against a run with GitHub state', () => {
  it('pauses, resumes and cancels a run in another process', async () => {
    const log = join(dir.path, 'gh.log')
    const gate = join(dir.path, 'gh.gate')
    const sleeperPid = join(dir.path, 'gh.sleeper')
    const file = join(dir.path, 'gh.yml')
    writeFileSync(
      file,
      [
        'name: on-github',
        'steps:',
        `  - { id: a, command: "echo a >> ${log}; while [ ! -f ${gate} ]; do sleep 0.05; done" }`,
        `  - { id: b, command: "echo b >> ${log}; sleep 60 & echo $! > ${sleeperPid}; wait" }`,
        'dependencies:',
        '  - { from: a, to: b }',
      ].join('\n'),
    )
    const env = { ...githubEnv(), WORKFLOW_ID: 'wf-gh' }
    const run = spawnDriver(bundle, ['github-run', file], { cwd: dir.path, env })
    const reader = store()
    await until(() => reader.readRun('wf-gh'), (r) => r?.record.steps[0]?.status === 'running')

    const monitor = async (action: string) => {
      const outputs = join(dir.path, `out-${action}`)
      const summary = join(dir.path, `summary-${action}`)
      writeFileSync(outputs, '')
      writeFileSync(summary, '')
      const done = await runDriver(bundle, ['github-monitor'], {
        cwd: dir.path,
        env: {
          ...githubEnv(),
          GITHUB_RUN_ID: '5000',
          GITHUB_OUTPUT: outputs,
          GITHUB_STEP_SUMMARY: summary,
          INPUT_MODE: 'monitor',
          'INPUT_WORKFLOW-ID': 'wf-gh',
          INPUT_ACTION: action,
          INPUT_STATE: 'github',
          INPUT_SUMMARY: 'true',
        },
      })
      return { ...done, outputs: readFileSync(outputs, 'utf8'), summary: readFileSync(summary, 'utf8') }
    }

    const paused = await monitor('pause')
    expect(paused.code).toBe(0)
    expect(paused.outputs).toMatch(/status<<.*\npaused\n/)
    expect(paused.summary).toContain('acknowledged')
    writeFileSync(gate, '')
    await until(() => reader.readRun('wf-gh'), (r) => r?.record.steps[0]?.status === 'completed')
    await new Promise((wake) => setTimeout(wake, 1500))
    expect(readFileSync(log, 'utf8')).toBe('a\n')

    const resumed = await monitor('resume')
    expect(resumed.code).toBe(0)
    await until(async () => existsSync(sleeperPid), (found) => found)
    const sleeper = Number(readFileSync(sleeperPid, 'utf8'))

    const cancelled = await monitor('cancel')
    expect(cancelled.code).toBe(0)
    const end = await run.exit
    expect(end.stdout.trim()).toBe('cancelled')
    expect(isAlive(sleeper)).toBe(false)
    expect((await reader.readRun('wf-gh'))?.record.status).toBe('cancelled')
    // The runner answered: no fallback to the Actions API was needed.
    expect(server.state.cancelledRuns).toEqual([])
    // Control refs are tidied away when the run ends.
    expect([...(server.state.refs.get('octo/repo')?.keys() ?? [])].filter((r) => r.includes('wf-gh'))).toEqual([])
  }, 90_000)

  it('cancels the Actions run through the API when the runner does not answer', async () => {
    const seeded = store()
    const base = recordFor('wf-silent', [{ id: 'a' }])
    await seeded.beginRun({ ...base, owner: { pid: 1, hostname: 'runner-gone', github: { repository: 'octo/repo', runId: 777, runAttempt: 1 } } }, { file: 'w.yml', root: '/', definition: {} })
    await withProcessEnv(githubEnv(), () => runMonitor(settings('wf-silent', 'cancel'), { env: { ...process.env, ...githubEnv() }, acknowledgeTimeout: 800, checkEvery: 200 }))
    expect(server.state.cancelledRuns).toEqual([{ owner: 'octo', repo: 'repo', runId: 777 }])
  })

  it('re-dispatches the workflow of a finished run to restart it', async () => {
    const seeded = store()
    const base = recordFor('wf-again', [{ id: 'a' }])
    const owner = { pid: 1, hostname: 'gone', github: { repository: 'octo/repo', runId: 88, runAttempt: 1, workflowRef: 'octo/repo/.github/workflows/orchestrate.yml@refs/heads/main' } }
    await seeded.beginRun({ ...base, owner, status: 'failed', steps: [{ ...base.steps[0]!, status: 'failed', result: stepResult('a', 'failed', 0, 10) }] }, {
      file: 'w.yml',
      root: '/',
      definition: { steps: [{ id: 'a', command: 'true' }] },
    })
    await withProcessEnv(githubEnv(), () => runMonitor(settings('wf-again', 'restart'), { env: { ...process.env, ...githubEnv() } }))
    expect(server.state.dispatches).toEqual([{ owner: 'octo', repo: 'repo', workflowId: 'orchestrate.yml', body: { ref: 'refs/heads/main', inputs: { 'workflow-id': 'wf-again' } } }])
  })
})

function settings(workflowId: string, action: ActionSettings['action']): ActionSettings {
  return {
    workspace: dir.path,
    definition: { kind: 'file', path: join(dir.path, 'none.yml') },
    definitionLabel: undefined,
    context: undefined,
    parameters: undefined,
    templatesDir: undefined,
    mode: 'monitor',
    workflowId,
    workflowIdGiven: true,
    action,
    concurrency: undefined,
    token: 'test-token',
    state: 'github',
    checkRun: false,
    summary: false,
    failOnError: true,
    slackWebhookUrl: undefined,
  }
}

/** @actions/core writes outputs through process.env's GITHUB_OUTPUT; give it a file for the test. */
async function withProcessEnv(extra: Record<string, string>, work: () => Promise<void>): Promise<void> {
  const outputs = join(dir.path, `outputs-${Date.now()}`)
  writeFileSync(outputs, '')
  const saved = { ...process.env }
  Object.assign(process.env, extra, { GITHUB_OUTPUT: outputs })
  try {
    await work()
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}
