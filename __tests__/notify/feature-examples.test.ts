import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { loadDefinitionFile } from '../../src/definition/load.js'
import { startAutoScaler } from '../../src/engine/autoscaler.js'
import { startWorkflow } from '../../src/engine/run-workflow.js'
import type { FiredAlert } from '../../src/notify/fired-alert.js'
import { notificationListeners } from '../../src/notify/notification-listeners.js'
import { DebugLog, debugEnabled } from '../../src/report/debug-log.js'
import type { WorkflowResult } from '../../src/report/result.js'

const folder = join(process.cwd(), 'examples', 'features')

interface Outcome {
  readonly result: WorkflowResult
  readonly alerts: readonly FiredAlert[]
  readonly warnings: readonly string[]
  readonly debug: readonly string[]
  readonly wall: number
}

/** Runs an example as the CLI does: notifications, debug log and autoscaler wired in. */
async function runExample(name: string): Promise<Outcome> {
  const loaded = await loadDefinitionFile(join(folder, name))
  if (!loaded.ok) throw new Error(loaded.error.map((d) => d.message).join('\n'))
  const request = loaded.value
  const env = { ...process.env, SLACK_WEBHOOK_URL: undefined }
  const alerts: FiredAlert[] = []
  const warnings: string[] = []
  const debug: string[] = []
  const listeners = notificationListeners({ request, env, slackWebhookUrl: undefined, warn: (m) => warnings.push(m), onAlert: (a) => alerts.push(a) })
  if (debugEnabled(request.debug, env)) listeners.push(new DebugLog((l) => debug.push(l)))
  const began = Date.now()
  const run = startWorkflow(request, { workflowId: `wf-example-${name}`, listeners, env })
  if (request.resources.autoScaling) startAutoScaler(run, request.resources.autoScaling)
  const result = await run.done
  return { result, alerts, warnings, debug, wall: Date.now() - began }
}

const statuses = (r: WorkflowResult): Record<string, string> => Object.fromEntries(r.steps.map((s) => [s.id, s.status]))

describe('examples/features', () => {
  it('has one example per feature', () => {
    expect(readdirSync(folder).filter((f) => f.endsWith('.yml')).sort()).toEqual([
      'alerts.yml', 'autoscaling.yml', 'circuit-breaker.yml', 'conditions.yml', 'continue-on-error.yml', 'debug.yml',
      'dependency-kinds.yml', 'outputs.yml', 'resources.yml', 'retries.yml', 'rollback.yml', 'timeouts.yml', 'webhooks.yml',
    ])
  })

  it('alerts: the slow-step alert fires during the step, the failure and run alerts once each', async () => {
    const { result, alerts } = await runExample('alerts.yml')
    expect(result.status).toBe('completed')
    const slowEnd = Date.parse(result.steps.find((s) => s.id === 'slow')?.endTime ?? '')
    const slow = alerts.find((a) => a.stepId === 'slow')
    expect(slow?.message).toBe('Step Slow query is taking longer than expected')
    expect(slow?.time).toBeLessThan(slowEnd)
    expect(alerts.filter((a) => a.severity === 'error').map((a) => a.stepId)).toEqual(['flaky'])
    expect(alerts.filter((a) => a.stepId === undefined)).toHaveLength(1)
  })

  it('webhooks: passes with nothing listening, and warns about the unserved channels', async () => {
    const { result, warnings } = await runExample('webhooks.yml')
    expect(result.status).toBe('completed')
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining("'email' is not supported"), expect.stringContaining("'slack' has no webhook URL")]))
  })

  it('debug, conditions, outputs, continueOnError, dependency kinds, timeouts, retries, resources', async () => {
    const [debug, conditions, outputs, continued, kinds, timeouts, retries, resources] = await Promise.all(
      ['debug.yml', 'conditions.yml', 'outputs.yml', 'continue-on-error.yml', 'dependency-kinds.yml', 'timeouts.yml', 'retries.yml', 'resources.yml'].map(runExample),
    )
    expect(debug?.debug.some((l) => l.startsWith("[debug] deploy: skipped: condition `context.environment == 'production'`"))).toBe(true)
    expect(debug?.result.steps.find((s) => s.id === 'fetch')?.outputTail).toBe('fetched')
    expect(statuses(conditions?.result as WorkflowResult)).toEqual({ build: 'completed', tests: 'failed', notify_failure: 'completed', release: 'skipped', docs: 'completed', cleanup: 'completed', disabled: 'skipped' })
    expect(outputs?.result.steps.find((s) => s.id === 'package')?.output).toBe('app-1.4.2.tar.gz')
    expect(continued?.result.status).toBe('completed')
    expect(statuses(kinds?.result as WorkflowResult)).toMatchObject({ report: 'completed', docs: 'completed', on_error: 'skipped' })
    expect(timeouts?.result.steps.find((s) => s.id === 'hang')?.timedOut).toBe(true)
    expect(retries?.result.steps.map((s) => s.attempts)).toEqual([3, 2])
    expect(resources?.result.status).toBe('completed')
    for (const outcome of [debug, conditions, outputs, continued, kinds, timeouts, retries, resources]) expect(outcome?.result.status).toBe('completed')
  })

  it('rollback and circuit breaker', async () => {
    const [rollback, breaker] = await Promise.all(['rollback.yml', 'circuit-breaker.yml'].map(runExample))
    expect(rollback?.result.status).toBe('failed')
    expect(rollback?.result.steps.map((s) => s.rollback?.status ?? null)).toEqual(['completed', 'completed', null, null])
    expect(breaker?.result.status).toBe('completed')
    expect(breaker?.result.metrics.circuitBreaker).toEqual({ state: 'closed', trips: 1 })
  })

  it('autoscaling: the limit changes and every change is in the metrics', async () => {
    const { result } = await runExample('autoscaling.yml')
    expect(result.status).toBe('completed')
    expect((result.metrics.concurrencyChanges ?? []).length).toBeGreaterThan(0)
  })
})
