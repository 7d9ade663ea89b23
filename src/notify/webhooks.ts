/**
 * `notifications.webhooks[]`: turns the engine's events (and fired alerts) into signed JSON POSTs. The
 * body is built as a value and serialized once, so placeholders are JSON-escaped wherever they stand.
 */
import { createHmac } from 'node:crypto'
import type { Webhook, WebhookEvent, WorkflowModel } from '../definition/model.js'
import type { EngineEvent, EngineListener } from '../engine/events.js'
import type { StepResult } from '../report/result.js'
import type { FiredAlert } from './fired-alert.js'
import { DeliveryQueue } from './http-delivery.js'
import type { DeliveryOptions } from './http-delivery.js'
import { fillPayload, maskStrings } from './placeholders.js'
import type { PlaceholderValues } from './placeholders.js'
import { SecretValues } from './secret-events.js'

export interface WebhookNotifierOptions extends DeliveryOptions {
  readonly webhooks: readonly Webhook[]
  /** For step names on `step_start` (whose event carries only the id). */
  readonly workflow: WorkflowModel
  /** The caller's masking of known secrets; `::add-mask::` values are learnt from the events. */
  readonly mask?: (text: string) => string
}

interface StepFacts {
  readonly id: string
  readonly name: string
  readonly status: string
  readonly duration: number | null
  readonly error: string | null
}

interface Occurrence {
  readonly event: WebhookEvent
  readonly time: number
  readonly step?: StepFacts
  readonly alert?: FiredAlert
}

export class WebhookNotifier implements EngineListener {
  readonly #webhooks: readonly Webhook[]
  readonly #stepNames: ReadonlyMap<string, string>
  readonly #queue: DeliveryQueue
  readonly #secrets: SecretValues
  #workflow = { id: '', name: '', status: 'running', startTime: 0, endTime: null as number | null }

  constructor(options: WebhookNotifierOptions) {
    this.#webhooks = options.webhooks
    this.#stepNames = new Map(options.workflow.steps.map((s) => [s.id, s.name]))
    this.#workflow.name = options.workflow.name
    this.#queue = new DeliveryQueue(options)
    this.#secrets = new SecretValues(options.mask)
  }

  onEvent(event: EngineEvent): void {
    this.#secrets.observe(event)
    switch (event.type) {
      case 'workflow_start':
        this.#workflow = { id: event.workflowId, name: event.name, status: 'running', startTime: event.time, endTime: null }
        this.#send({ event: 'start', time: event.time })
        break
      case 'step_start':
        // A retry is a new attempt of a step already announced.
        if (event.attempt === 1) {
          const step = { id: event.stepId, name: this.#stepNames.get(event.stepId) ?? event.stepId, status: 'running', duration: null, error: null }
          this.#send({ event: 'step_start', time: event.time, step })
        }
        break
      case 'step_end': {
        const step = stepFacts(event.result)
        this.#send({ event: 'step_completion', time: event.time, step })
        if (event.result.status === 'failed') this.#send({ event: 'step_failure', time: event.time, step })
        break
      }
      case 'workflow_end':
        this.#workflow = { ...this.#workflow, name: event.result.name, status: event.result.status, endTime: event.time }
        this.#send({ event: 'completion', time: event.time })
        if (event.result.status === 'failed') this.#send({ event: 'failure', time: event.time })
        break
      default:
        break
    }
  }

  /** Delivers a fired alert as the `alert` event. */
  alert(alert: FiredAlert): void {
    this.#send({ event: 'alert', time: alert.time, alert })
  }

  /** Waits (bounded) for deliveries in flight; never rejects. */
  close(): Promise<void> {
    return this.#queue.close()
  }

  #send(occurrence: Occurrence): void {
    for (const webhook of this.#webhooks) {
      if (!webhook.events.includes(occurrence.event)) continue
      const body = JSON.stringify(this.#body(webhook, occurrence))
      const headers: Record<string, string> = {
        ...webhook.headers,
        'Content-Type': 'application/json',
        'User-Agent': 'task-orchestrator',
        'X-Task-Orchestrator-Event': occurrence.event,
      }
      if (webhook.secret !== undefined) {
        headers['X-Task-Orchestrator-Signature-256'] = `sha256=${createHmac('sha256', webhook.secret).update(body, 'utf8').digest('hex')}`
      }
      this.#queue.enqueue({ url: webhook.url, headers, body, what: occurrence.event })
    }
  }

  #body(webhook: Webhook, occurrence: Occurrence): unknown {
    const mask = (text: string): string => this.#secrets.mask(text)
    if (webhook.payload !== undefined) return fillPayload(webhook.payload, this.#values(occurrence), mask)
    const workflow = this.#workflow
    return maskStrings(
      {
        event: occurrence.event,
        workflow: { id: workflow.id, name: workflow.name, status: workflow.status, duration: this.#duration(occurrence.time) },
        ...(occurrence.step ? { step: occurrence.step } : {}),
        ...(occurrence.alert
          ? { alert: { message: occurrence.alert.message, severity: occurrence.alert.severity, ...(occurrence.alert.stepId !== undefined ? { stepId: occurrence.alert.stepId } : {}) } }
          : {}),
        timestamp: new Date(occurrence.time).toISOString(),
      },
      mask,
    )
  }

  /** Every known placeholder has a value; those this event lacks (a step's on `start`) are empty. */
  #values(occurrence: Occurrence): PlaceholderValues {
    const step = occurrence.step
    const alert = occurrence.alert
    return {
      'workflow.id': this.#workflow.id,
      'workflow.name': this.#workflow.name,
      'workflow.status': this.#workflow.status,
      'workflow.duration': String(this.#duration(occurrence.time)),
      'step.id': step?.id ?? alert?.stepId ?? '',
      'step.name': step?.name ?? (alert?.stepId !== undefined ? (this.#stepNames.get(alert.stepId) ?? alert.stepId) : ''),
      'step.status': step?.status ?? '',
      'step.duration': step?.duration != null ? String(step.duration) : '',
      'step.error': step?.error ?? '',
      'alert.message': alert?.message ?? '',
      'alert.severity': alert?.severity ?? '',
    }
  }

  #duration(time: number): number {
    return Math.max(0, (this.#workflow.endTime ?? time) - this.#workflow.startTime)
  }
}

function stepFacts(result: StepResult): StepFacts {
  return { id: result.id, name: result.name, status: result.status, duration: result.duration, error: result.error }
}
