/**
 * One place that turns a request's notification settings into engine listeners, so the CLI and the
 * action wire webhooks, Slack and alerts the same way: a fired alert goes to the caller (log line or
 * annotation) and, as the `alert` event, to the webhooks.
 */
import type { ExecutionRequest } from '../definition/model.js'
import type { EngineListener } from '../engine/events.js'
import { AlertMonitor } from './alerts.js'
import type { FiredAlert } from './fired-alert.js'
import type { DeliveryOptions } from './http-delivery.js'
import { SlackNotifier } from './slack.js'
import { WebhookNotifier } from './webhooks.js'

export interface NotificationSetup {
  readonly request: ExecutionRequest
  /** The steps' base environment: the `env` root of alert conditions. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The `slack-webhook-url` input (action) or SLACK_WEBHOOK_URL (both), resolved by the entry point. */
  readonly slackWebhookUrl: string | undefined
  /** Unserved channels, failed deliveries, broken alert conditions: never errors. */
  readonly warn: (message: string) => void
  /** Each fired alert: the CLI prints `alertLogLine(alert)`, the action annotates at `alert.location`. */
  readonly onAlert: (alert: FiredAlert) => void
  /** Masking of secrets the caller knows; `::add-mask::` values are learnt from the events. */
  readonly mask?: (text: string) => string
  /** Delivery bounds (tests shorten them). */
  readonly delivery?: Omit<DeliveryOptions, 'warn'>
  /** Alert timer period in ms (default 250). */
  readonly alertIntervalMs?: number
}

/**
 * The listeners the request needs, alerts first so that an alert fired at the run's end is queued
 * before the webhooks' `completion` event. Empty when nothing is configured.
 */
export function notificationListeners(setup: NotificationSetup): EngineListener[] {
  const { request, warn } = setup
  const delivery = { ...setup.delivery, warn, ...(setup.mask ? { mask: setup.mask } : {}) }
  const listeners: EngineListener[] = []
  const webhooks = request.notifications.webhooks.length > 0 ? new WebhookNotifier({ ...delivery, webhooks: request.notifications.webhooks, workflow: request.workflow }) : null
  if (request.notifications.alerts.length > 0) {
    listeners.push(
      new AlertMonitor({
        alerts: request.notifications.alerts,
        workflow: request.workflow,
        context: request.context,
        env: setup.env,
        warn,
        onAlert: (alert) => {
          setup.onAlert(alert)
          webhooks?.alert(alert)
        },
        ...(setup.alertIntervalMs !== undefined ? { intervalMs: setup.alertIntervalMs } : {}),
        ...(setup.mask ? { mask: setup.mask } : {}),
      }),
    )
  }
  if (webhooks) listeners.push(webhooks)
  const slack = new SlackNotifier({ ...delivery, context: request.context, webhookUrl: setup.slackWebhookUrl })
  if (slack.active) listeners.push(slack)
  return listeners
}

/** The CLI's stderr line for a fired alert (SPEC §9). */
export function alertLogLine(alert: FiredAlert): string {
  return `warning: alert: ${alert.message}`
}
