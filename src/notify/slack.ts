/**
 * The seed's `context.notifications {on_start, on_completion, on_failure, channels}`. Channel `slack`
 * posts an incoming-webhook message; any channel that cannot be served (no URL, `email`) is a warning at
 * construction, never an error: a notification must not decide whether a workflow runs.
 */
import type { EngineEvent, EngineListener } from '../engine/events.js'
import type { WorkflowResult } from '../report/result.js'
import { DeliveryQueue } from './http-delivery.js'
import type { DeliveryOptions } from './http-delivery.js'
import { maskStrings } from './placeholders.js'
import { SecretValues } from './secret-events.js'

export interface SlackSettings {
  readonly onStart: boolean
  readonly onCompletion: boolean
  readonly onFailure: boolean
}

export interface SlackNotifierOptions extends DeliveryOptions {
  /** The request's context; only its `notifications` key is read. */
  readonly context: Readonly<Record<string, unknown>>
  /** From the `slack-webhook-url` input or SLACK_WEBHOOK_URL, resolved by the entry point. */
  readonly webhookUrl: string | undefined
  readonly mask?: (text: string) => string
}

/** A Slack incoming-webhook message. */
export interface SlackMessage {
  readonly text: string
  readonly blocks: readonly unknown[]
}

export class SlackNotifier implements EngineListener {
  readonly #settings: SlackSettings | null
  readonly #url: string
  readonly #queue: DeliveryQueue
  readonly #secrets: SecretValues

  constructor(options: SlackNotifierOptions) {
    this.#settings = slackSettings(options.context, options.webhookUrl, options.warn)
    this.#url = options.webhookUrl ?? ''
    this.#queue = new DeliveryQueue(options)
    this.#secrets = new SecretValues(options.mask)
  }

  /** Whether this run will post anything (false: the listener can be left out). */
  get active(): boolean {
    return this.#settings !== null
  }

  onEvent(event: EngineEvent): void {
    this.#secrets.observe(event)
    const settings = this.#settings
    if (!settings) return
    if (event.type === 'workflow_start') {
      if (settings.onStart) this.#post(startMessage(event.name, event.workflowId), 'start')
    } else if (event.type === 'workflow_end') {
      const failed = event.result.status === 'failed'
      // One message per run end: a failed run's is sent when either flag asks for it.
      if (settings.onCompletion || (failed && settings.onFailure)) this.#post(endMessage(event.result), failed ? 'failure' : 'completion')
    }
  }

  close(): Promise<void> {
    return this.#queue.close()
  }

  #post(message: SlackMessage, what: string): void {
    const masked = maskStrings(message, (text) => this.#secrets.mask(text))
    this.#queue.enqueue({ url: this.#url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(masked), what: `Slack ${what}` })
  }
}

/**
 * Reads `context.notifications`; null when nothing is to be posted to Slack. Every channel that cannot
 * be served is reported through `warn`.
 */
export function slackSettings(context: Readonly<Record<string, unknown>>, webhookUrl: string | undefined, warn: (message: string) => void): SlackSettings | null {
  const raw = context['notifications']
  if (raw === undefined || raw === null) return null
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn('context.notifications should be an object {on_start, on_completion, on_failure, channels}; ignored')
    return null
  }
  const notifications = raw as Record<string, unknown>
  const channels = notifications['channels'] ?? []
  if (!Array.isArray(channels) || !channels.every((c): c is string => typeof c === 'string')) {
    warn('context.notifications.channels should be a list of channel names; ignored')
    return null
  }
  let slack = false
  for (const channel of channels) {
    if (channel !== 'slack') warn(`notification channel '${channel}' is not supported (only 'slack' is); ignored`)
    else if (!webhookUrl) warn("notification channel 'slack' has no webhook URL (set the slack-webhook-url input or SLACK_WEBHOOK_URL); ignored")
    else slack = true
  }
  if (!slack) return null
  return {
    onStart: flag(notifications['on_start'], false),
    onCompletion: flag(notifications['on_completion'], true),
    onFailure: flag(notifications['on_failure'], true),
  }
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback
}

export function startMessage(name: string, workflowId: string): SlackMessage {
  const text = `:arrow_forward: Workflow *${escapeSlack(name)}* started (${escapeSlack(workflowId)})`
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }
}

export function endMessage(result: WorkflowResult): SlackMessage {
  const icon = result.status === 'completed' ? ':white_check_mark:' : result.status === 'failed' ? ':x:' : ':no_entry_sign:'
  const seconds = (result.metrics.totalDuration / 1000).toFixed(1)
  const text = `${icon} Workflow *${escapeSlack(result.name)}* ${result.status} in ${seconds} s (${escapeSlack(result.workflowId)})`
  const failed = result.steps.filter((s) => s.status === 'failed')
  const details = failed.map((s) => `• \`${escapeSlack(s.id)}\`: ${escapeSlack(s.error ?? 'failed')}`)
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text } }]
  if (details.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: details.join('\n') } })
  return { text, blocks }
}

/** Slack's mrkdwn treats `&`, `<` and `>` as markup; a name containing them must show as written. */
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
