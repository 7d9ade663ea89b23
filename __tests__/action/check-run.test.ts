import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { CheckRunReporter, checkRunTitle } from '../../src/report/check-run.js'
import type { CheckRunLog } from '../../src/report/check-run.js'
import type { EngineEvent } from '../../src/engine/events.js'
import { startGitHubApiServer } from '../support/github-api-server.js'
import type { GitHubApiServer } from '../support/github-api-server.js'
import { step, workflowResult } from './support/results.js'

let server: GitHubApiServer
beforeAll(async () => {
  server = await startGitHubApiServer()
})
afterAll(() => server.close())

function recordingLog(): CheckRunLog & { notices: string[]; warnings: string[] } {
  const notices: string[] = []
  const warnings: string[] = []
  return { notices, warnings, notice: (m) => notices.push(m), warning: (m) => warnings.push(m), debug: () => undefined }
}

function reporter(log: CheckRunLog, updateInterval: number, annotations = 0): CheckRunReporter {
  return new CheckRunReporter({
    checks: getOctokit('t', { baseUrl: server.url }).rest.checks,
    owner: 'octo',
    repo: 'demo',
    headSha: 'f'.repeat(40),
    name: 'Task Orchestrator: demo',
    externalId: 'wf-1-1',
    updateInterval,
    log,
    finalOutput: (result) => ({
      title: checkRunTitle(result),
      summary: 'table',
      annotations: Array.from({ length: annotations }, (_v, i) => ({ path: 'wf.yml', start_line: i + 1, end_line: i + 1, annotation_level: 'failure' as const, message: `a${i}` })),
    }),
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('check run reporter', () => {
  it('creates the check run at start, throttles updates, and completes it with the conclusion and every annotation', async () => {
    const log = recordingLog()
    const checkRun = reporter(log, 60_000, 120)
    const before = server.state.checkRuns.length
    checkRun.onEvent({ type: 'workflow_start', time: Date.now(), workflowId: 'wf-1-1', name: 'demo', stepIds: ['build', 'test'] })
    // Many changes inside one interval: no update goes out before close.
    for (let i = 0; i < 20; i += 1) checkRun.onEvent({ type: 'step_start', time: Date.now(), stepId: 'build', attempt: i + 1, pid: 1 })
    await sleep(300)
    const result = workflowResult([step('build', 'completed', 0, 10), step('test', 'failed', 10, 20)])
    checkRun.onEvent({ type: 'workflow_end', time: Date.now(), result } as EngineEvent)
    await checkRun.close()

    const run = server.state.checkRuns[before]
    expect(run).toMatchObject({ name: 'Task Orchestrator: demo', head_sha: 'f'.repeat(40), status: 'completed', conclusion: 'failure', external_id: 'wf-1-1' })
    expect(run?.output.title).toBe('Step test failed')
    expect(run?.annotations).toHaveLength(120)
    // One create, then two batches of 50 and the final one with the last 20: no progress update.
    expect(run?.updates).toBe(3)
    expect(server.violations).toEqual([])
    expect(log.notices).toEqual([])
  })

  it('sends progress updates as steps change when the interval allows', async () => {
    const checkRun = reporter(recordingLog(), 50)
    const before = server.state.checkRuns.length
    checkRun.onEvent({ type: 'workflow_start', time: Date.now(), workflowId: 'w', name: 'demo', stepIds: ['a'] })
    await sleep(100)
    checkRun.onEvent({ type: 'step_start', time: Date.now(), stepId: 'a', attempt: 1, pid: 1 })
    await sleep(400)
    const run = server.state.checkRuns[before]
    expect(run?.status).toBe('in_progress')
    expect(run?.output.summary).toContain('🔄 running')
    checkRun.onEvent({ type: 'workflow_end', time: Date.now(), result: workflowResult([step('a', 'completed', 0, 1)]) } as EngineEvent)
    await checkRun.close()
    expect(run?.conclusion).toBe('success')
    expect(server.violations).toEqual([])
  })

  it("cuts a summary over GitHub's 65535-character limit instead of sending a request GitHub would refuse", async () => {
    const checkRun = new CheckRunReporter({
      checks: getOctokit('t', { baseUrl: server.url }).rest.checks,
      owner: 'octo',
      repo: 'demo',
      headSha: 'e'.repeat(40),
      name: 'huge',
      log: recordingLog(),
      finalOutput: () => ({ title: 't', summary: 's'.repeat(100_000), text: 'x'.repeat(70_000), annotations: [] }),
    })
    checkRun.onEvent({ type: 'workflow_start', time: Date.now(), workflowId: 'w', name: 'huge', stepIds: [] })
    checkRun.onEvent({ type: 'workflow_end', time: Date.now(), result: workflowResult([]) } as EngineEvent)
    await checkRun.close()
    const run = server.state.checkRuns.find((r) => r.name === 'huge')
    expect(run?.conclusion).toBe('success')
    expect(run?.output.summary?.length).toBeLessThanOrEqual(65_535)
    expect(run?.output.summary).toMatch(/cut at GitHub's size limit\)$/)
    expect(server.violations).toEqual([])
  })

  it('turns itself off with a notice when the token may not write checks, and never throws', async () => {
    const separate = await startGitHubApiServer()
    separate.respondWith('checks/create', 403, { message: 'Resource not accessible by integration' })
    const log = recordingLog()
    const checkRun = new CheckRunReporter({
      checks: getOctokit('t', { baseUrl: separate.url, request: { retries: 0 } }).rest.checks,
      owner: 'o',
      repo: 'r',
      headSha: 'a'.repeat(40),
      name: 'x',
      log,
      finalOutput: () => ({ title: 't', summary: 's', annotations: [] }),
    })
    checkRun.onEvent({ type: 'workflow_start', time: Date.now(), workflowId: 'w', name: 'x', stepIds: [] })
    checkRun.onEvent({ type: 'workflow_end', time: Date.now(), result: workflowResult([]) } as EngineEvent)
    await checkRun.close()
    expect(log.notices[0]).toMatch(/^Check run skipped: Resource not accessible by integration.*checks: write/)
    expect(separate.requests.filter((r) => r.operationId === 'checks/update')).toHaveLength(0)
    expect(separate.violations).toEqual([])
    await separate.close()
  })
})
