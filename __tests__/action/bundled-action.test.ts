/**
 * The bundled action, run as the runner runs it, against the local GitHub API server: outputs,
 * summary, annotations, the check run, grouped logs, cancellation and the post step.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { startGitHubApiServer } from '../support/github-api-server.js'
import type { GitHubApiServer } from '../support/github-api-server.js'
import { actionBundle } from './support/bundle.js'
import { HEAD_SHA, newJob, readFileCommands, runAction, startAction, waitFor } from './support/run-action.js'

const DEFINITION = '.github/task-orchestrator.yml'
const FAILING = `name: demo-pipeline
steps:
  - id: build
    command: |
      echo "version=1.4.2" >> "$TASK_OUTPUT"
      echo "::add-mask::hunter2"
      echo "the password is hunter2"
      echo built
  - id: test
    command: |
      echo "running 3 tests"
      echo "::error file=src/app.ts,line=7,col=3::expected 2, got 3"
      echo "::set-output name=evil::1"
      echo "AssertionError: expected 2, got 3" >&2
      exit 3
  - id: deploy
    command: echo deploying
dependencies:
  - from: build
    to: test
  - from: test
    to: deploy
`

let server: GitHubApiServer
let bundle: string

beforeAll(async () => {
  server = await startGitHubApiServer()
  bundle = actionBundle()
}, 300_000)
afterAll(() => server.close())

describe('the bundled action', () => {
  it('fails a failing workflow: exit 1, ::error at the step line, summary with the cause, check run concluded failure', async () => {
    const job = newJob({ [DEFINITION]: FAILING }, {}, server.url)
    const run = await runAction(bundle, job)
    const outputs = readFileCommands(job.files.output)
    const summary = readFileSync(job.files.summary, 'utf8')

    expect(run.code).toBe(1)
    // The failed step, annotated at its line in the definition file.
    expect(run.stdout).toMatch(/^::error title=Step test failed,file=\.github\/task-orchestrator\.yml,line=9,endLine=9,col=\d+::Exit code 3$/m)
    // The step's own ::error keeps its file and line.
    expect(run.stdout).toMatch(/^::error title=Step test,file=src\/app\.ts,line=7,col=3::expected 2, got 3$/m)
    // Live lines are prefixed, so the step's ::set-output never reaches the runner as a command.
    expect(run.stdout).toContain('[test] running 3 tests')
    const beforeGroups = run.stdout.slice(0, run.stdout.indexOf('::group::'))
    expect(beforeGroups).not.toMatch(/^::set-output/m)
    expect(run.stdout).toMatch(/^::add-mask::hunter2$/m)
    expect(run.stdout).not.toContain('the password is hunter2')
    // Each step's whole log in a group, its lines unable to issue commands.
    expect(run.stdout).toMatch(/^::group::❌ test \(failed, [^)]*\)\n::stop-commands::([0-9a-f]{32})\n[\s\S]*?::set-output name=evil::1\n[\s\S]*?::\1::\n::endgroup::$/m)

    expect(outputs).toMatchObject({ status: 'failed', success: 'false', 'workflow-id': 'wf-77-1', 'failed-steps': '["test"]', 'build-version': '1.4.2' })
    expect(JSON.parse(outputs['result'] ?? '{}')).toMatchObject({ status: 'failed', steps: [{ id: 'build', status: 'completed' }, { id: 'test', status: 'failed' }, { id: 'deploy', status: 'skipped' }] })
    expect(Number(outputs['duration'])).toBeGreaterThan(0)

    expect(summary).toMatch(/^## ❌ demo-pipeline failed: Step test failed/)
    expect(summary).toMatch(/<tr><td><code>test<\/code><\/td><td>❌ failed<\/td><td>[^<]+<\/td><td>1<\/td><td>Exit code 3<\/td><\/tr>/)
    expect(summary).toContain('```mermaid\ngantt')
    expect(summary).toMatch(/<summary><code>test<\/code>: Exit code 3<\/summary>[\s\S]*AssertionError: expected 2, got 3/)

    const checkRun = server.state.checkRuns.find((r) => r.external_id === 'wf-77-1' && r.conclusion === 'failure')
    expect(checkRun).toMatchObject({ name: 'demo-pipeline', head_sha: HEAD_SHA, status: 'completed', details_url: 'https://github.com/octo/demo/actions/runs/77' })
    expect(checkRun?.annotations).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: DEFINITION, start_line: 9, annotation_level: 'failure', title: 'Step test failed' })]),
    )
    expect(checkRun?.output.summary).toContain('<code>test</code>')
    expect(server.violations).toEqual([])
  })

  it('succeeds with step outputs, and goes on with a notice when the token may not write checks', async () => {
    const denied = await startGitHubApiServer()
    denied.respondWith('checks/create', 403, { message: 'Resource not accessible by integration' })
    const job = newJob({ 'flows/ok.json': JSON.stringify({ workflow: { name: 'ok', steps: [{ id: 'a', command: 'echo "answer=42" >> "$TASK_OUTPUT"' }, { id: 'b', command: 'echo b' }] } }) }, { 'workflow-file': 'flows/ok.json', concurrency: '2' }, denied.url)
    const run = await runAction(bundle, job)
    await denied.close()
    expect(run.code).toBe(0)
    expect(readFileCommands(job.files.output)).toMatchObject({ status: 'completed', success: 'true', 'failed-steps': '[]', 'a-answer': '42' })
    expect(run.stdout).toMatch(/^::notice::Check run skipped: Resource not accessible by integration/m)
    expect(readFileSync(job.files.summary, 'utf8')).toMatch(/^## ✅ ok completed/)
    expect(denied.violations).toEqual([])
  })

  it('runs an inline workflow with the context input, and only warns on failure with fail-on-error: false', async () => {
    const inline = 'name: inline\nsteps:\n  - id: show\n    command: echo "env=${{ context.environment }}" >> "$TASK_OUTPUT"\n  - id: boom\n    command: exit 4\n'
    const job = newJob({}, { workflow: inline, context: '{"environment": "staging"}', 'fail-on-error': 'false', 'check-run': 'false', state: 'local' }, server.url)
    const run = await runAction(bundle, job)
    expect(run.code).toBe(0)
    expect(readFileCommands(job.files.output)).toMatchObject({ status: 'failed', 'show-env': 'staging', 'failed-steps': '["boom"]' })
    expect(run.stdout).toMatch(/^::warning::Step boom failed \(fail-on-error is false\)$/m)
    // No file to point at: the failed step's annotation carries no location.
    expect(run.stdout).toMatch(/^::error title=Step boom failed::Exit code 4$/m)
  })

  it('annotates an invalid definition at the line of each problem and runs nothing', async () => {
    const job = newJob({ [DEFINITION]: 'name: bad\nsteps:\n  - id: a\n    command: touch ran\n  - id: b\n    command: echo b\ndependencies:\n  - from: a\n    to: nowhere\n' }, {}, server.url)
    const run = await runAction(bundle, job)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error title=Invalid workflow definition,file=\.github\/task-orchestrator\.yml,line=9,endLine=9,col=\d+::.*nowhere/m)
    expect(readFileCommands(job.files.output)).toMatchObject({ status: 'invalid', success: 'false' })
    expect(readFileSync(job.files.summary, 'utf8')).toMatch(/^## ❌ Invalid workflow definition: 1 error/)
    expect(() => readFileSync(`${job.workspace}/ran`)).toThrow()
  })

  it('validates without running in mode: validate', async () => {
    const job = newJob({ [DEFINITION]: FAILING }, { mode: 'validate' }, server.url)
    const run = await runAction(bundle, job)
    expect(run.code).toBe(0)
    expect(readFileCommands(job.files.output)).toMatchObject({ status: 'valid', success: 'true' })
    expect(run.stdout).not.toContain('[build]')
  })

  it('rejects a bad input value with a clear message', async () => {
    const job = newJob({ [DEFINITION]: FAILING }, { concurrency: 'lots' }, server.url)
    const run = await runAction(bundle, job)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error::Input 'concurrency' must be a whole number of at least 1; got "lots"$/m)
  })

  it('cancels cleanly on SIGINT: step trees killed, summary and outputs written, exit 1', async () => {
    const definition = `name: long
steps:
  - id: slow
    command: |
      sleep 300 &
      echo "started $!"
      wait
  - id: after
    command: echo never
dependencies:
  - from: slow
    to: after
`
    const job = newJob({ [DEFINITION]: definition }, {}, server.url)
    const action = startAction(bundle, job)
    let out = ''
    action.child.stdout?.on('data', (d: string) => (out += d))
    await waitFor(() => /\[slow\] started \d+/.test(out), 20_000, 'the step to start')
    const sleeper = Number(/\[slow\] started (\d+)/.exec(out)?.[1])
    action.child.kill('SIGINT')
    const run = await action.done
    expect(run.code).toBe(1)
    expect(readFileCommands(job.files.output)).toMatchObject({ status: 'cancelled', success: 'false' })
    expect(readFileSync(job.files.summary, 'utf8')).toMatch(/^## ⏹️ long cancelled/)
    expect(alive(sleeper)).toBe(false)
    expect(server.state.checkRuns.find((r) => r.name === 'long')?.conclusion).toBe('cancelled')
    expect(server.violations).toEqual([])
  })

  it('post step: after the main process is SIGKILLed, kills the step processes left behind and writes the summary', async () => {
    const definition = `name: orphaned
steps:
  - id: detached
    command: |
      setsid sleep 300 &
      echo "started $!"
      sleep 300
`
    const job = newJob({ [DEFINITION]: definition }, {}, server.url)
    const action = startAction(bundle, job)
    let out = ''
    action.child.stdout?.on('data', (d: string) => (out += d))
    await waitFor(() => /\[detached\] started \d+/.test(out), 20_000, 'the step to start')
    const escaped = Number(/\[detached\] started (\d+)/.exec(out)?.[1])
    // The journal the post step reads is written at most once a second.
    await new Promise((r) => setTimeout(r, 1500))
    action.child.kill('SIGKILL')
    await action.done
    expect(alive(escaped)).toBe(true)

    const post = await runAction(bundle, job, true)
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/^::warning::Killed \d+ step process\(es\) left running/m)
    expect(alive(escaped)).toBe(false)
    const summary = readFileSync(job.files.summary, 'utf8')
    expect(summary).toMatch(/^## ⏹️ orphaned cancelled: The orchestrator was stopped/)
    expect(summary).toMatch(/<code>detached<\/code><\/td><td>⏹️ cancelled/)
    const checkRun = server.state.checkRuns.find((r) => r.name === 'orphaned')
    expect(checkRun?.conclusion).toBe('cancelled')
    expect(server.violations).toEqual([])
  })
})

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  // A zombie still answers signal 0; it is dead for our purposes.
  try {
    return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).startsWith('Z')
  } catch {
    return false
  }
}
