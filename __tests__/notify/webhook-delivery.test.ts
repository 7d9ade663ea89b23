import { afterEach, describe, expect, it } from '@jest/globals'
import type { EngineEvent } from '../../src/engine/events.js'
import { WebhookNotifier } from '../../src/notify/webhooks.js'
import { deadUrl, recordingServer, step, workflow } from './fixtures.js'
import type { RecordingServer } from './fixtures.js'

const servers: RecordingServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const start: EngineEvent = { type: 'workflow_start', time: 1000, workflowId: 'wf-1', name: 'w', stepIds: ['a'] }

describe('webhook delivery', () => {
  it('retries a 500 twice and succeeds on the third try', async () => {
    const s = await recordingServer((index, res) => {
      res.statusCode = index < 2 ? 500 : 200
      res.end()
    })
    servers.push(s)
    const warnings: string[] = []
    const n = new WebhookNotifier({ webhooks: [{ url: s.url, events: ['start'], headers: {} }], workflow: workflow('w', [step('a')]), warn: (m) => warnings.push(m), backoffMs: 50 })
    n.onEvent(start)
    await n.close()
    expect(s.received).toHaveLength(3)
    expect(new Set(s.received.map((r) => r.body)).size).toBe(1)
    expect(warnings).toEqual([])
  })

  it('retries 429 but gives up at once on a 400, with a warning naming only the host', async () => {
    const s = await recordingServer((_i, res) => {
      res.statusCode = 400
      res.end()
    })
    servers.push(s)
    const warnings: string[] = []
    const n = new WebhookNotifier({ webhooks: [{ url: `${s.url}/T000/secret-token`, events: ['start'], headers: {} }], workflow: workflow('w', [step('a')]), warn: (m) => warnings.push(m), backoffMs: 10 })
    n.onEvent(start)
    await n.close()
    expect(s.received).toHaveLength(1)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/start notification to 127\.0\.0\.1:\d+ failed: HTTP 400/)
    expect(warnings[0]).not.toContain('secret-token')
  })

  it('warns after the last try when nothing listens', async () => {
    const warnings: string[] = []
    const n = new WebhookNotifier({ webhooks: [{ url: await deadUrl(), events: ['start'], headers: {} }], workflow: workflow('w', [step('a')]), warn: (m) => warnings.push(m), backoffMs: 10 })
    n.onEvent(start)
    await n.close()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/failed: fetch failed: .*ECONNREFUSED/)
  })

  it('tries a URL that failed a whole delivery once per later event, warning once, until it answers again', async () => {
    const s = await recordingServer((index, res) => {
      res.statusCode = index < 4 ? 503 : 200
      res.end()
    })
    servers.push(s)
    const warnings: string[] = []
    const n = new WebhookNotifier({ webhooks: [{ url: s.url, events: ['start', 'step_start'], headers: {} }], workflow: workflow('w', [step('a'), step('b'), step('c')]), warn: (m) => warnings.push(m), backoffMs: 10 })
    n.onEvent(start)
    n.onEvent({ type: 'step_start', time: 1001, stepId: 'a', attempt: 1, pid: 1 })
    n.onEvent({ type: 'step_start', time: 1002, stepId: 'b', attempt: 1, pid: 2 })
    n.onEvent({ type: 'step_start', time: 1003, stepId: 'c', attempt: 1, pid: 3 })
    await n.close()
    // start: 3 tries (503s); a: 1 try (503); b: 1 try (200, recovered); c: 1 try.
    expect(s.received.map((r) => (JSON.parse(r.body) as { step?: { id: string } }).step?.id ?? 'start')).toEqual(['start', 'start', 'start', 'a', 'b', 'c'])
    expect(warnings).toHaveLength(1)
  })

  it('keeps the order of events to one URL', async () => {
    const s = await recordingServer((index, res) => setTimeout(() => res.end(), index === 0 ? 300 : 0))
    servers.push(s)
    const n = new WebhookNotifier({ webhooks: [{ url: s.url, events: ['start', 'step_start'], headers: {} }], workflow: workflow('w', [step('a'), step('b')]), warn: () => {} })
    n.onEvent(start)
    n.onEvent({ type: 'step_start', time: 1001, stepId: 'a', attempt: 1, pid: 1 })
    n.onEvent({ type: 'step_start', time: 1002, stepId: 'b', attempt: 1, pid: 2 })
    n.onEvent({ type: 'step_start', time: 1003, stepId: 'a', attempt: 2, pid: 3 })
    await n.close()
    expect(s.received.map((r) => (JSON.parse(r.body) as { step?: { id: string } }).step?.id ?? 'start')).toEqual(['start', 'a', 'b'])
  })

  it('bounds close() when one endpoint is dead and another answers after 30 seconds', async () => {
    const slow = await recordingServer((_i, res) => {
      const timer = setTimeout(() => res.end(), 30_000)
      res.on('close', () => clearTimeout(timer))
    })
    servers.push(slow)
    const warnings: string[] = []
    const n = new WebhookNotifier({
      webhooks: [
        { url: await deadUrl(), events: ['start'], headers: {} },
        { url: slow.url, events: ['start'], headers: {} },
      ],
      workflow: workflow('w', [step('a')]),
      warn: (m) => warnings.push(m),
      closeTimeoutMs: 1000,
    })
    const began = Date.now()
    n.onEvent(start)
    await n.close()
    expect(Date.now() - began).toBeLessThan(5000)
    expect(slow.received).toHaveLength(1)
    expect(warnings.some((w) => /gave up on \d+ notification deliver/.test(w))).toBe(true)
  })

  it('ignores events after close', async () => {
    const s = await recordingServer()
    servers.push(s)
    const n = new WebhookNotifier({ webhooks: [{ url: s.url, events: ['start'], headers: {} }], workflow: workflow('w', [step('a')]), warn: () => {} })
    await n.close()
    n.onEvent(start)
    await new Promise((r) => setTimeout(r, 200))
    expect(s.received).toHaveLength(0)
  })
})
