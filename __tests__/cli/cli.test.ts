import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliBundle, repoRoot } from '../support/cli-bundle.js'

let cli: string
let dir: string
beforeAll(() => {
  cli = cliBundle()
  dir = mkdtempSync(join(tmpdir(), 'cli-test-'))
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

function cliRun(args: string[], env: Record<string, string> = {}, cwd = dir) {
  const r = spawnSync('node', [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', TASK_ORCHESTRATOR_STATE_DIR: join(dir, 'state'), ...env }, timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * `run FILE --json` in the background, for tests that signal it: resolves `ready` once its stderr holds
 * `marker`, `closed` with its exit code; `output` is what it printed so far.
 */
function cliRunInBackground(file: string, marker: string, options: { env?: Record<string, string>; detached?: boolean } = {}) {
  const child = spawn('node', [cli, 'run', file, '--json'], { cwd: dir, detached: options.detached ?? false, env: { ...process.env, CI: 'true', TASK_ORCHESTRATOR_STATE_DIR: join(dir, 'state'), ...options.env } })
  const output = { stdout: '', stderr: '' }
  child.stdout.on('data', (d) => (output.stdout += d))
  child.stderr.on('data', (d) => (output.stderr += d))
  const ready = new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (output.stderr.includes(marker)) {
        clearInterval(poll)
        resolve()
      }
    }, 50)
  })
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
  return { child, output, ready, closed }
}

describe('task-orchestrator run', () => {
  it('runs a workflow, prefixes step lines and exits 0', () => {
    const file = write('ok.yml', 'name: ok\nsteps:\n  - id: hello\n    command: echo hello from a step\n')
    const r = cliRun(['run', file])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('[hello] hello from a step')
  })

  it('--json prints the result object alone on stdout, logs on stderr, and exits 1 on failure', () => {
    const file = write('fail.yml', 'name: failing\nsteps:\n  - id: a\n    command: echo out; exit 3\n  - id: b\n    command: "true"\ndependencies:\n  - { from: a, to: b }\n')
    const r = cliRun(['run', file, '--json'])
    expect(r.code).toBe(1)
    const result = JSON.parse(r.stdout)
    expect(result).toMatchObject({ success: false, status: 'failed', name: 'failing' })
    expect(result.steps.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      ['a', 'failed'],
      ['b', 'skipped'],
    ])
    expect(result.steps[0]).toMatchObject({ exitCode: 3, error: 'Exit code 3', output: 'out' })
    expect(r.stderr).toContain('[a] out')
  })

  it('--output writes the result, --context and --param reach the steps', () => {
    const file = write('ctx.yml', 'name: ctx\ncontext: { environment: dev, keep: yes }\nsteps:\n  - id: show\n    command: echo "${{ context.environment }} ${{ context.keep }}"\n')
    const out = join(dir, 'result.json')
    const r = cliRun(['run', file, '--context', '{"environment":"production"}', '--output', out])
    expect(r.code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8')).steps[0].output).toBe('production yes')
  })

  it('an invalid definition prints file:line:col errors, runs nothing and exits 2', () => {
    const marker = join(dir, 'must-not-exist')
    const file = write('bad.yml', `name: bad\nsteps:\n  - id: a\n    command: touch ${marker}\n  - id: a\n    command: "true"\n`)
    const r = cliRun(['run', file])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:5:\\d+: error: .*duplicate`, 'i'))
    expect(() => readFileSync(marker)).toThrow()
  })

  it('a usage mistake exits 2', () => {
    expect(cliRun(['run']).code).toBe(2)
    expect(cliRun(['run', 'x.yml', '--concurrency', 'zero']).code).toBe(2)
    expect(cliRun(['frobnicate']).code).toBe(2)
  })

  it('SIGINT cancels cleanly: the step tree is killed and the exit code is 130', async () => {
    const sleep = `sleep ${400 + (process.pid % 300)}.${Date.now() % 10000}`
    const file = write('long.yml', `name: long\nsteps:\n  - id: wait\n    command: ${sleep} & wait\n`)
    const r = cliRunInBackground(file, '[wait]')
    await r.ready
    r.child.kill('SIGINT')
    expect(await r.closed).toBe(130)
    expect(JSON.parse(r.output.stdout).status).toBe('cancelled')
    let survivors = ''
    try {
      survivors = execFileSync('pgrep', ['-f', sleep], { encoding: 'utf8' })
    } catch {
      survivors = ''
    }
    expect(survivors).toBe('')
  })

  it.each(['python', 'perl'])('a Ctrl-C to the whole process group still cancels gracefully (%s spawner)', async (spawner) => {
    const sleep = `sleep ${400 + (process.pid % 300)}.${Date.now() % 10000}`
    const file = write('trap.yml', `name: trap\nsteps:\n  - id: wait\n    command: "trap 'echo got-term; exit 3' TERM; echo ready; ${sleep} & wait"\n`)
    // Its own process group, as a terminal's foreground job is: the signal reaches the spawner helper too.
    const r = cliRunInBackground(file, 'ready', { detached: true, env: { TASK_ORCHESTRATOR_SPAWNER: spawner } })
    await r.ready
    process.kill(-(r.child.pid as number), 'SIGINT')
    expect(await r.closed).toBe(130)
    expect(JSON.parse(r.output.stdout).status).toBe('cancelled')
    // The step got its SIGTERM and the grace period (not the SIGKILL a dead helper's steps get).
    expect(r.output.stderr).toContain('got-term')
    expect(r.output.stderr).not.toMatch(/spawner exited unexpectedly|Traceback/)
  })
})

describe('task-orchestrator validate, plan and graph', () => {
  const seedCiCd = () =>
    write(
      'cicd.json',
      JSON.stringify({
        workflow: {
          name: 'CI/CD Pipeline',
          steps: [
            { id: 'test', command: 'true', condition: 'always' },
            { id: 'security_scan', command: 'true', condition: 'on_success(test)' },
            { id: 'deploy_staging', command: 'true', condition: 'on_success(test, security_scan)' },
            { id: 'integration_tests', command: 'true', condition: 'on_success(deploy_staging)' },
            { id: 'deploy_production', command: 'true', condition: 'on_success(integration_tests)' },
          ],
        },
      }),
    )

  it('plan orders the seed CI/CD example from its conditions alone', () => {
    const r = cliRun(['plan', seedCiCd(), '--json'])
    expect(r.code).toBe(0)
    const plan = JSON.parse(r.stdout)
    expect(plan.levels).toEqual([['test'], ['security_scan'], ['deploy_staging'], ['integration_tests'], ['deploy_production']])
    expect(plan.steps.find((s: { id: string }) => s.id === 'deploy_staging').dependsOn).toEqual(['test', 'security_scan'])
    expect(plan.criticalPath.steps).toEqual(['test', 'security_scan', 'deploy_staging', 'integration_tests', 'deploy_production'])
  })

  it('validate --json reports valid and invalid files', () => {
    expect(JSON.parse(cliRun(['validate', seedCiCd(), '--json']).stdout)).toEqual({ valid: true, errors: [] })
    const bad = write('cycle.yml', 'steps:\n  - id: a\n    command: "true"\n  - id: b\n    command: "true"\ndependencies:\n  - { from: a, to: b }\n  - { from: b, to: a }\n')
    const r = cliRun(['validate', bad, '--json'])
    expect(r.code).toBe(2)
    const out = JSON.parse(r.stdout)
    expect(out.valid).toBe(false)
    expect(out.errors.some((e: { message: string }) => /a -> b -> a|b -> a -> b/.test(e.message))).toBe(true)
  })

  it('graph draws mermaid and dot', () => {
    const mermaid = cliRun(['graph', seedCiCd()])
    expect(mermaid.code).toBe(0)
    expect(mermaid.stdout).toMatch(/^flowchart/m)
    const dot = cliRun(['graph', seedCiCd(), '--format', 'dot'])
    expect(dot.stdout).toMatch(/digraph/)
  })

  it('runs the README quickstart', () => {
    const r = cliRun(['run', 'examples/quickstart.yml'], {}, repoRoot)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  })
})

describe('the invalid-definition corpus through the CLI', () => {
  it('every fixture exits 2 with its file:line:col and nothing runs', async () => {
    const folder = join(repoRoot, '__tests__', 'fixtures', 'invalid')
    const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, { line: number; column: number; message: string }>
    const names = Object.keys(expected)
    expect(names.length).toBeGreaterThanOrEqual(30)
    const check = (name: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn('node', [cli, 'validate', name], { cwd: folder })
        let stderr = ''
        child.stderr.on('data', (d) => (stderr += d))
        child.on('close', (code) => {
          const want = expected[name] as { line: number; column: number; message: string }
          try {
            expect({ name, code }).toEqual({ name, code: 2 })
            expect(stderr).toContain(`${name}:${want.line}:${want.column}: error: `)
            expect(stderr).toContain(want.message)
            resolve()
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)))
          }
        })
      })
    for (let i = 0; i < names.length; i += 4) await Promise.all(names.slice(i, i + 4).map(check))
  }, 120_000)
})
