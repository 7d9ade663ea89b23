import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCondition } from '../../src/definition/conditions.js'
import type { Condition } from '../../src/definition/conditions.js'
import type { EngineEvent } from '../../src/engine/events.js'
import { startWorkflow } from '../../src/engine/run-workflow.js'
import type { RunOptions } from '../../src/engine/run-types.js'
import { buildRequest } from '../support/model.js'
import type { DepSpec, StepSpec } from '../support/model.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'engine-test-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cond(text: string): Condition {
  const parsed = parseCondition(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

async function run(steps: StepSpec[], deps: DepSpec[] = [], extra: Parameters<typeof buildRequest>[2] = {}, options: Partial<RunOptions> = {}) {
  const events: EngineEvent[] = []
  const request = buildRequest(steps, deps, { source: { file: 'test.yml', root: dir }, ...extra })
  const handle = startWorkflow(request, { workflowId: 'wf-test', concurrency: 4, listeners: [{ onEvent: (e) => events.push(e) }], ...options })
  const result = await handle.done
  const step = (id: string) => {
    const r = result.steps.find((s) => s.id === id)
    if (!r) throw new Error(`no result for ${id}`)
    return r
  }
  return { result, events, step, handle }
}

/** Processes whose command line carries `marker`, other than pgrep itself. */
function alive(marker: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).split('\n').filter(Boolean)
  } catch {
    return []
  }
}

describe('running real processes', () => {
  it('passes outputs between steps through $TASK_OUTPUT and ${{ steps.<id>.outputs.<name> }}', async () => {
    const { result, step } = await run(
      [
        { id: 'produce', command: 'echo "greeting=hello world" >> "$TASK_OUTPUT"; printf "multi<<EOF\\nline 1\\nline 2\\nEOF\\n" >> "$TASK_OUTPUT"' },
        { id: 'consume', command: 'echo "got ${{ steps.produce.outputs.greeting }}"; test "${{ steps.produce.outputs.multi }}" = "$(printf "line 1\\nline 2")"' },
      ],
      [{ from: 'produce', to: 'consume' }],
    )
    expect(result.status).toBe('completed')
    expect(step('produce').outputs).toEqual({ greeting: 'hello world', multi: 'line 1\nline 2' })
    expect(step('consume').output).toBe('got hello world')
  })

  it('gives each step TASK_STEP_ID, TASK_WORKFLOW_ID, TASK_ATTEMPT and TASK_CONTEXT', async () => {
    const { step } = await run([{ id: 'env', command: 'echo "$TASK_STEP_ID $TASK_WORKFLOW_ID $TASK_ATTEMPT $TASK_CONTEXT"' }], [], { context: { environment: 'staging' } })
    expect(step('env').output).toBe('env wf-test 1 {"environment":"staging"}')
  })

  it('runs bash with -eo pipefail: a failing command in a pipeline fails the step', async () => {
    const { result, step } = await run([{ id: 'pipe', command: 'false | cat; echo unreachable' }])
    expect(step('pipe')).toMatchObject({ status: 'failed', exitCode: 1, error: 'Exit code 1' })
    expect(result).toMatchObject({ status: 'failed', success: false, error: 'Step pipe failed' })
  })

  it('retries with the configured delays between attempts', async () => {
    const counter = join(dir, 'attempts')
    const { step, events } = await run(
      [{ id: 'flaky', command: `echo x >> ${counter}; test $(wc -l < ${counter}) -ge 3`, retries: 3, retryDelay: 300 }],
      [],
      { errorHandling: { retryPolicy: { maxRetries: 0, backoffMultiplier: 2, maxDelay: 10000 }, rollbackStrategy: 'none' } },
    )
    expect(step('flaky')).toMatchObject({ status: 'completed', attempts: 3 })
    const starts = events.filter((e) => e.type === 'step_start').map((e) => e.time)
    expect(starts).toHaveLength(3)
    const ends = events.filter((e) => e.type === 'step_retry').map((e) => (e.type === 'step_retry' ? e.delay : 0))
    expect(ends).toEqual([300, 600])
    expect((starts[1] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(300)
    expect((starts[2] as number) - (starts[1] as number)).toBeGreaterThanOrEqual(600)
  })

  it('a step timeout kills the whole process tree, background and escaped grandchildren included', async () => {
    // A duration no other process on the machine uses: pgrep finds exactly our sleeps.
    const sleep = `sleep ${300 + (process.pid % 500)}.${Date.now() % 100000}`
    const { step } = await run([
      { id: 'hang', command: `${sleep} & (${sleep}) & bash -c "${sleep}" & setsid ${sleep} & wait`, timeout: 500, killGracePeriod: 300 },
    ])
    expect(step('hang')).toMatchObject({ status: 'failed', timedOut: true })
    expect(step('hang').error).toMatch(/Timed out after 500 ms/)
    expect(alive(sleep)).toEqual([])
  })

  it('workflow.timeout stops running steps and cancels pending ones', async () => {
    const { result, step } = await run(
      [{ id: 'long', command: 'sleep 30' }, { id: 'after', command: 'true' }],
      [{ from: 'long', to: 'after' }],
      { workflow: { timeout: 400 } },
    )
    expect(result.status).toBe('failed')
    expect(result.error).toBe('Workflow timed out after 400 ms')
    expect(step('long').status).toBe('cancelled')
    expect(step('after')).toMatchObject({ status: 'cancelled', startTime: null })
  })

  it('continueOnError keeps the workflow green and lets dependents run', async () => {
    const { result, step } = await run([{ id: 'soft', command: 'exit 4', continueOnError: true }, { id: 'next', command: 'true' }], [{ from: 'soft', to: 'next' }])
    expect(step('soft').status).toBe('failed')
    expect(step('next').status).toBe('completed')
    expect(result.status).toBe('completed')
  })

  it('holds to the concurrency limit with real processes', async () => {
    const log = join(dir, 'overlap')
    const body = `echo "start $(date +%s%N)" >> ${log}; sleep 0.3; echo "end $(date +%s%N)" >> ${log}`
    const { result } = await run(Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, command: body })), [], {}, { concurrency: 2 })
    expect(result.metrics.maxConcurrency).toBe(2)
    let open = 0
    let max = 0
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => l.split(' ') as [string, string])
    for (const [kind] of lines.sort((a, b) => Number(BigInt(a[1]) - BigInt(b[1])))) {
      open += kind === 'start' ? 1 : -1
      max = Math.max(max, open)
    }
    expect(max).toBeLessThanOrEqual(2)
  })

  it('cancel kills running trees, cancels pending steps, and still runs cleanup steps', async () => {
    const events: EngineEvent[] = []
    const request = buildRequest(
      [
        { id: 'busy', command: 'sleep 30' },
        { id: 'later', command: 'true' },
        { id: 'cleanup', command: 'echo cleaned', condition: cond('always()') },
      ],
      [{ from: 'busy', to: 'later' }, { from: 'busy', to: 'cleanup' }],
      { source: { file: 'test.yml', root: dir } },
    )
    const handle = startWorkflow(request, { workflowId: 'wf-cancel', listeners: [{ onEvent: (e) => events.push(e) }] })
    await new Promise((r) => setTimeout(r, 500))
    handle.cancel('user asked')
    const result = await handle.done
    expect(result.status).toBe('cancelled')
    const byId = new Map(result.steps.map((s) => [s.id, s]))
    expect(byId.get('busy')).toMatchObject({ status: 'cancelled', reason: 'user asked' })
    expect(byId.get('later')?.status).toBe('cancelled')
    expect(byId.get('cleanup')).toMatchObject({ status: 'completed', output: 'cleaned' })
  })

  it('masks values a step registers with ::add-mask:: in logs, outputs and the result', async () => {
    const { result, events } = await run([{ id: 'secret', command: 'echo "::add-mask::hunter2-secret"; echo "token is hunter2-secret"; echo "t=hunter2-secret" >> "$TASK_OUTPUT"' }])
    const text = JSON.stringify(result) + JSON.stringify(events.filter((e) => e.type !== 'secret'))
    expect(text).not.toContain('hunter2-secret')
    expect(result.steps[0]?.output).toBe('token is ***')
  })

  it('runs rollback commands of completed steps in reverse order when the workflow fails', async () => {
    const log = join(dir, 'rollback-log')
    const { step } = await run(
      [
        { id: 'one', command: 'true', rollback: `echo one >> ${log}` },
        { id: 'two', command: 'true', rollback: `echo two >> ${log}` },
        { id: 'boom', command: 'exit 1', rollback: `echo boom >> ${log}` },
      ],
      [{ from: 'one', to: 'two' }, { from: 'two', to: 'boom' }],
      { errorHandling: { retryPolicy: { maxRetries: 0, backoffMultiplier: 1, maxDelay: 1000 }, rollbackStrategy: 'automatic' } },
    )
    expect(readFileSync(log, 'utf8')).toBe('two\none\n')
    expect(step('two').rollback).toMatchObject({ status: 'completed', exitCode: 0 })
    expect(step('boom').rollback).toBeUndefined()
  })
})
