import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Webhook } from '../../src/definition/model.js'
import type { EngineEvent } from '../../src/engine/events.js'
import { WebhookNotifier } from '../../src/notify/webhooks.js'
import { recordingServer, step, stepResult, workflow, workflowResult } from './fixtures.js'
import type { RecordingServer } from './fixtures.js'

const servers: RecordingServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function server(): Promise<RecordingServer> {
  const s = await recordingServer()
  servers.push(s)
  return s
}

function notifier(webhooks: Webhook[], name = 'Data "pipeline"', warnings: string[] = []): WebhookNotifier {
  return new WebhookNotifier({ webhooks, workflow: workflow(name, [step('build', 'Build it')]), warn: (m) => warnings.push(m), backoffMs: 10 })
}

function run(name: string, status: 'completed' | 'failed', stepStatus: 'completed' | 'failed'): EngineEvent[] {
  const result = stepResult('build', stepStatus, 1200, stepStatus === 'failed' ? 'exit code 1' : null, 'Build it')
  return [
    { type: 'workflow_start', time: 1000, workflowId: 'wf-1', name, stepIds: ['build'] },
    { type: 'step_start', time: 1010, stepId: 'build', attempt: 1, pid: 1 },
    { type: 'step_output', time: 1100, stepId: 'build', stream: 'stdout', line: 'hello' },
    { type: 'step_end', time: 2210, stepId: 'build', result },
    { type: 'workflow_end', time: 2500, result: workflowResult(name, status, [result]) },
  ]
}

describe('webhook payloads', () => {
  it('fills placeholders and keeps the body valid JSON when values hold quotes and newlines', async () => {
    const s = await server()
    const name = 'Data "pipeline"\nline two \\ end'
    const n = notifier([{ url: s.url, events: ['start', 'completion'], headers: {}, payload: { workflow: '{workflow.name}', status: '{workflow.status}', text: 'took {workflow.duration} ms', nested: ['{workflow.id}', 7, null] } }], name)
    for (const e of run(name, 'completed', 'completed')) n.onEvent(e)
    await n.close()
    expect(s.received.map((r) => JSON.parse(r.body))).toEqual([
      { workflow: name, status: 'running', text: 'took 0 ms', nested: ['wf-1', 7, null] },
      { workflow: name, status: 'completed', text: 'took 1500 ms', nested: ['wf-1', 7, null] },
    ])
  })

  it('leaves unknown placeholders as written and empties step placeholders on workflow events', async () => {
    const s = await server()
    const n = notifier([{ url: s.url, events: ['start'], headers: {}, payload: { a: '{not.known} {step.name}!', b: '{plain}' } }])
    for (const e of run('w', 'completed', 'completed')) n.onEvent(e)
    await n.close()
    expect(JSON.parse(s.received[0]?.body ?? '')).toEqual({ a: '{not.known} !', b: '{plain}' })
  })

  it('sends the default body with step facts when no payload is given', async () => {
    const s = await server()
    const n = notifier([{ url: s.url, events: ['step_start', 'step_completion', 'step_failure', 'failure'], headers: {} }], 'w')
    for (const e of run('w', 'failed', 'failed')) n.onEvent(e)
    await n.close()
    const bodies = s.received.map((r) => JSON.parse(r.body) as Record<string, unknown>)
    expect(bodies.map((b) => b['event'])).toEqual(['step_start', 'step_completion', 'step_failure', 'failure'])
    expect(bodies[0]).toMatchObject({ workflow: { id: 'wf-1', name: 'w', status: 'running', duration: 10 }, step: { id: 'build', name: 'Build it', status: 'running', duration: null } })
    expect(bodies[2]).toMatchObject({ step: { id: 'build', status: 'failed', duration: 1200, error: 'exit code 1' } })
    expect(bodies[3]).toMatchObject({ event: 'failure', workflow: { status: 'failed', duration: 1500 } })
    expect(typeof bodies[3]?.['timestamp']).toBe('string')
  })

  it('sends only the subscribed events, failure only for a failed run', async () => {
    const s = await server()
    const n = notifier([{ url: s.url, events: ['completion', 'failure'], headers: {} }])
    for (const e of run('w', 'completed', 'completed')) n.onEvent(e)
    for (const e of run('w', 'failed', 'failed')) n.onEvent(e)
    await n.close()
    expect(s.received.map((r) => r.headers['x-task-orchestrator-event'])).toEqual(['completion', 'completion', 'failure'])
  })

  it('posts JSON with the event header, custom headers and a verifiable signature', async () => {
    const s = await server()
    const n = notifier([{ url: s.url, events: ['start'], headers: { Authorization: 'Bearer abc', 'X-Team': 'ops' }, secret: 's3cr3t' }])
    for (const e of run('w', 'completed', 'completed')) n.onEvent(e)
    await n.close()
    const [request] = s.received
    expect(request?.method).toBe('POST')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers['x-task-orchestrator-event']).toBe('start')
    expect(request?.headers['authorization']).toBe('Bearer abc')
    expect(request?.headers['x-team']).toBe('ops')
    const expected = `sha256=${createHmac('sha256', 's3cr3t').update(request?.body ?? '').digest('hex')}`
    expect(request?.headers['x-task-orchestrator-signature-256']).toBe(expected)
    expect(createHmac('sha256', 'wrong').update(request?.body ?? '').digest('hex')).not.toBe(expected.slice(7))
  })

  it('sends no signature header without a secret', async () => {
    const s = await server()
    const n = notifier([{ url: s.url, events: ['start'], headers: {} }])
    for (const e of run('w', 'completed', 'completed')) n.onEvent(e)
    await n.close()
    expect(s.received[0]?.headers['x-task-orchestrator-signature-256']).toBeUndefined()
  })

  it('masks values the caller knows and values masked by steps', async () => {
    const s = await server()
    const n = new WebhookNotifier({
      webhooks: [{ url: s.url, events: ['start', 'completion'], headers: {}, payload: { text: '{workflow.name}' } }],
      workflow: workflow('w', [step('build')]),
      warn: () => {},
      mask: (t) => t.replaceAll('hunter2', '***'),
    })
    const name = 'deploy hunter2 with tok-42'
    const events = run(name, 'completed', 'completed')
    n.onEvent(events[0] as EngineEvent)
    n.onEvent({ type: 'secret', time: 1005, value: 'tok-42' })
    for (const e of events.slice(1)) n.onEvent(e)
    await n.close()
    const texts = s.received.map((r) => (JSON.parse(r.body) as { text: string }).text)
    expect(texts[0]).toBe('deploy *** with tok-42')
    expect(texts[1]).toBe('deploy *** with ***')
  })

  it('delivers fired alerts as the alert event', async () => {
    const s = await server()
    const n = notifier([{ url: s.url, events: ['alert'], headers: {}, payload: { text: '[{alert.severity}] {alert.message} ({step.name})' } }])
    n.onEvent(run('w', 'completed', 'completed')[0] as EngineEvent)
    n.alert({ severity: 'warning', message: 'slow "build"', stepId: 'build', location: { file: 'wf.yml', line: 3, column: 5 }, time: 1500 })
    await n.close()
    expect(s.received.map((r) => r.headers['x-task-orchestrator-event'])).toEqual(['alert'])
    expect(JSON.parse(s.received[0]?.body ?? '')).toEqual({ text: '[warning] slow "build" (Build it)' })
  })
})
