import { afterEach, describe, expect, it } from '@jest/globals'
import type { Alert } from '../../src/definition/model.js'
import { startWorkflow } from '../../src/engine/run-workflow.js'
import type { FiredAlert } from '../../src/notify/fired-alert.js'
import { notificationListeners } from '../../src/notify/notification-listeners.js'
import { deadUrl, recordingServer, request } from './fixtures.js'
import type { RecordingServer } from './fixtures.js'

const servers: RecordingServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const location = { file: 'wf.yml', line: 9, column: 7 }

describe('notifications in a real run', () => {
  it('delivers start, step and completion events in order, and fires an alert during a 2-second step', async () => {
    const s = await recordingServer()
    servers.push(s)
    const slowAlert: Alert = { condition: { source: 'step.duration > 500', stepRefs: [], usesStatusFunction: false, ast: null }, severity: 'warning', message: 'Step {step.name} is taking longer than expected', location }
    const req = request('E2E', [['quick', 'echo hi'], ['slow', 'sleep 2']], {
      notifications: { webhooks: [{ url: s.url, events: ['start', 'step_start', 'step_completion', 'completion', 'alert'], headers: {} }], alerts: [slowAlert] },
    })
    const fired: FiredAlert[] = []
    const warnings: string[] = []
    const run = startWorkflow(req, {
      workflowId: 'wf-e2e',
      concurrency: 2,
      listeners: notificationListeners({ request: req, env: process.env, slackWebhookUrl: undefined, warn: (m) => warnings.push(m), onAlert: (a) => fired.push(a) }),
    })
    const result = await run.done
    expect(result.status).toBe('completed')
    const slowStep = result.steps.find((r) => r.id === 'slow')
    const slowEnd = Date.parse(slowStep?.endTime ?? '')
    expect(fired.map((a) => [a.stepId, a.message])).toEqual([['slow', 'Step slow is taking longer than expected']])
    // Fired during the step: well before its end, not after it.
    expect(fired[0]?.time).toBeLessThan(slowEnd - 500)
    const events = s.received.map((r) => {
      const body = JSON.parse(r.body) as { event: string; step?: { id: string } }
      return body.step ? `${body.event}:${body.step.id}` : body.event
    })
    expect(events).toEqual(['start', 'step_start:quick', 'step_completion:quick', 'step_start:slow', 'alert', 'step_completion:slow', 'completion'])
    expect(warnings).toEqual([])
  })

  it('a dead and a 30-second-slow endpoint leave the run duration unchanged within a second', async () => {
    const slow = await recordingServer((_i, res) => {
      const timer = setTimeout(() => res.end(), 30_000)
      res.on('close', () => clearTimeout(timer))
    })
    servers.push(slow)
    const steps: [string, string][] = [['a', 'sleep 0.5'], ['b', 'sleep 0.5']]
    const plain = request('plain', steps)
    const began = Date.now()
    await startWorkflow(plain, { workflowId: 'wf-plain', listeners: [] }).done
    const baseline = Date.now() - began

    const hooked = request('hooked', steps, {
      notifications: {
        webhooks: [
          { url: await deadUrl(), events: ['start', 'step_start', 'step_completion', 'completion'], headers: {} },
          { url: slow.url, events: ['start', 'step_start', 'step_completion', 'completion'], headers: {} },
        ],
        alerts: [],
      },
    })
    const warnings: string[] = []
    const listeners = notificationListeners({ request: hooked, env: process.env, slackWebhookUrl: undefined, warn: (m) => warnings.push(m), onAlert: () => {}, delivery: { closeTimeoutMs: 500 } })
    const hookedBegan = Date.now()
    const result = await startWorkflow(hooked, { workflowId: 'wf-hooked', listeners }).done
    const hookedWall = Date.now() - hookedBegan
    expect(result.status).toBe('completed')
    expect(Math.abs(result.metrics.totalDuration - baseline)).toBeLessThan(1000)
    // The close bound (0.5 s here) is the only wait the endpoints can add.
    expect(hookedWall - baseline).toBeLessThan(1500)
    expect(slow.received.length).toBeGreaterThanOrEqual(1)
    expect(warnings.some((w) => w.includes('gave up'))).toBe(true)
  })
})
