import { afterEach, describe, expect, it } from '@jest/globals'
import type { EngineEvent } from '../../src/engine/events.js'
import { SlackNotifier } from '../../src/notify/slack.js'
import { recordingServer, stepResult, workflowResult } from './fixtures.js'
import type { RecordingServer } from './fixtures.js'

const servers: RecordingServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

function events(status: 'completed' | 'failed'): EngineEvent[] {
  const step = stepResult('deploy', status, 50, status === 'failed' ? 'exit code 3' : null)
  return [
    { type: 'workflow_start', time: 0, workflowId: 'wf-9', name: 'Ship <it> & go', stepIds: ['deploy'] },
    { type: 'step_end', time: 50, stepId: 'deploy', result: step },
    { type: 'workflow_end', time: 60, result: workflowResult('Ship <it> & go', status, [step], 'wf-9') },
  ]
}

describe('Slack notifications', () => {
  it('posts start and failure messages to the incoming webhook, escaping mrkdwn', async () => {
    const s = await recordingServer()
    servers.push(s)
    const warnings: string[] = []
    const n = new SlackNotifier({ context: { notifications: { on_start: true, on_completion: true, on_failure: true, channels: ['slack'] } }, webhookUrl: s.url, warn: (m) => warnings.push(m) })
    for (const e of events('failed')) n.onEvent(e)
    await n.close()
    const bodies = s.received.map((r) => JSON.parse(r.body) as { text: string; blocks: { text: { text: string } }[] })
    expect(bodies).toHaveLength(2)
    expect(bodies[0]?.text).toBe(':arrow_forward: Workflow *Ship &lt;it&gt; &amp; go* started (wf-9)')
    expect(bodies[1]?.text).toMatch(/^:x: Workflow \*Ship &lt;it&gt; &amp; go\* failed in [\d.]+ s \(wf-9\)$/)
    expect(bodies[1]?.blocks[1]?.text.text).toContain('`deploy`: exit code 3')
    expect(warnings).toEqual([])
  })

  it('posts nothing for a completed run when only on_failure is set', async () => {
    const s = await recordingServer()
    servers.push(s)
    const n = new SlackNotifier({ context: { notifications: { on_completion: false, on_failure: true, channels: ['slack'] } }, webhookUrl: s.url, warn: () => {} })
    for (const e of events('completed')) n.onEvent(e)
    await n.close()
    expect(s.received).toHaveLength(0)
  })

  it('warns about email and about slack without a URL, and posts nothing', async () => {
    const warnings: string[] = []
    const n = new SlackNotifier({ context: { notifications: { on_start: true, channels: ['email', 'slack'] } }, webhookUrl: undefined, warn: (m) => warnings.push(m) })
    expect(n.active).toBe(false)
    for (const e of events('failed')) n.onEvent(e)
    await n.close()
    expect(warnings).toEqual([
      "notification channel 'email' is not supported (only 'slack' is); ignored",
      "notification channel 'slack' has no webhook URL (set the slack-webhook-url input or SLACK_WEBHOOK_URL); ignored",
    ])
  })

  it('is inactive and silent without context.notifications', () => {
    const warnings: string[] = []
    const n = new SlackNotifier({ context: {}, webhookUrl: 'http://127.0.0.1:1/x', warn: (m) => warnings.push(m) })
    expect(n.active).toBe(false)
    expect(warnings).toEqual([])
  })
})
