import { describe, expect, it } from '@jest/globals'
import type { Alert } from '../../src/definition/model.js'
import type { EngineEvent } from '../../src/engine/events.js'
import { AlertMonitor } from '../../src/notify/alerts.js'
import type { FiredAlert } from '../../src/notify/fired-alert.js'
import { step, stepResult, workflow, workflowResult } from './fixtures.js'

function alert(condition: string, message: string, severity: Alert['severity'] = 'warning'): Alert {
  return { condition: { source: condition, stepRefs: [], usesStatusFunction: false, ast: null }, severity, message, location: { file: 'wf.yml', line: 7, column: 9 } }
}

function monitor(alerts: Alert[], fired: FiredAlert[], warnings: string[] = []): AlertMonitor {
  return new AlertMonitor({
    alerts,
    workflow: workflow('Nightly', [step('build', 'Build it'), step('test', 'Test it')]),
    context: { environment: 'prod' },
    env: { REGION: 'eu' },
    onAlert: (a) => fired.push(a),
    warn: (m) => warnings.push(m),
    intervalMs: 100,
  })
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

describe('alerts', () => {
  it('fires during a long step, before the step ends, and only once', async () => {
    const fired: FiredAlert[] = []
    const m = monitor([alert('step.duration > 500', 'Step {step.name} is taking longer than expected')], fired)
    const t0 = Date.now()
    m.onEvent({ type: 'workflow_start', time: t0, workflowId: 'wf-1', name: 'Nightly', stepIds: ['build'] })
    m.onEvent({ type: 'step_start', time: t0, stepId: 'build', attempt: 1, pid: 1 })
    await sleep(2000)
    expect(fired).toHaveLength(1)
    const firedAfter = (fired[0]?.time ?? 0) - t0
    expect(firedAfter).toBeGreaterThanOrEqual(500)
    expect(firedAfter).toBeLessThan(1900)
    m.onEvent({ type: 'step_end', time: Date.now(), stepId: 'build', result: stepResult('build', 'completed', Date.now() - t0, null, 'Build it') })
    await m.close()
    expect(fired).toEqual([{ severity: 'warning', message: 'Step Build it is taking longer than expected', stepId: 'build', location: { file: 'wf.yml', line: 7, column: 9 }, time: fired[0]?.time }])
  })

  it('judges each step at its end, once per step', async () => {
    const fired: FiredAlert[] = []
    const m = monitor([alert("step.status == 'failed' && context.environment == 'prod'", '{step.id} failed: {step.error}', 'error')], fired)
    m.onEvent({ type: 'workflow_start', time: 0, workflowId: 'wf-1', name: 'Nightly', stepIds: ['build', 'test'] })
    m.onEvent({ type: 'step_end', time: 10, stepId: 'build', result: stepResult('build', 'failed', 10, 'exit code 2') })
    m.onEvent({ type: 'step_end', time: 20, stepId: 'test', result: stepResult('test', 'failed', 10, 'exit code 1') })
    m.onEvent({ type: 'step_end', time: 30, stepId: 'build', result: stepResult('build', 'failed', 10, 'exit code 2') })
    await m.close()
    expect(fired.map((a) => [a.stepId, a.severity, a.message])).toEqual([
      ['build', 'error', 'build failed: exit code 2'],
      ['test', 'error', 'test failed: exit code 1'],
    ])
  })

  it('fires a workflow-only condition once per run, at the end', async () => {
    const fired: FiredAlert[] = []
    const m = monitor([alert("workflow.status == 'failed' && env.REGION == 'eu'", 'Run {workflow.name} failed after {workflow.duration} ms', 'error')], fired)
    m.onEvent({ type: 'workflow_start', time: 1000, workflowId: 'wf-1', name: 'Nightly', stepIds: ['build'] })
    m.onEvent({ type: 'step_end', time: 1100, stepId: 'build', result: stepResult('build', 'failed', 100, 'exit code 1') })
    m.onEvent({ type: 'step_end', time: 1200, stepId: 'test', result: stepResult('test', 'failed', 100, 'exit code 1') })
    expect(fired).toHaveLength(0)
    m.onEvent({ type: 'workflow_end', time: 1500, result: workflowResult('Nightly', 'failed', []) })
    await m.close()
    expect(fired.map((a) => [a.stepId, a.message])).toEqual([[undefined, 'Run Nightly failed after 500 ms']])
  })

  it('stops judging once closed', async () => {
    const fired: FiredAlert[] = []
    const m = monitor([alert('step.duration > 300', 'slow')], fired)
    m.onEvent({ type: 'workflow_start', time: Date.now(), workflowId: 'wf-1', name: 'Nightly', stepIds: ['build'] })
    m.onEvent({ type: 'step_start', time: Date.now(), stepId: 'build', attempt: 1, pid: 1 })
    await m.close()
    await sleep(700)
    expect(fired).toHaveLength(0)
  })

  it('masks secrets in messages', async () => {
    const fired: FiredAlert[] = []
    const m = monitor([alert("step.status == 'failed'", 'failed: {step.error}')], fired)
    m.onEvent({ type: 'secret', time: 0, value: 'p4ss' })
    m.onEvent({ type: 'step_end', time: 10, stepId: 'build', result: stepResult('build', 'failed', 10, 'bad password p4ss') })
    await m.close()
    expect(fired[0]?.message).toBe('failed: bad password ***')
  })

  it('reports a condition that fails to evaluate once, then ignores it', async () => {
    const fired: FiredAlert[] = []
    const warnings: string[] = []
    const m = monitor([alert("fromJSON(step.error) == 1", 'x')], fired, warnings)
    m.onEvent({ type: 'step_end', time: 10, stepId: 'build', result: stepResult('build', 'failed', 10, 'not json') })
    m.onEvent({ type: 'step_end', time: 20, stepId: 'test', result: stepResult('test', 'failed', 10, 'not json either') })
    await m.close()
    expect(fired).toHaveLength(0)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('fromJSON(step.error) == 1')
  })
})
