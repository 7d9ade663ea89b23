/**
 * `notifications.alerts[]`: conditions over `step.*` and `workflow.*` judged while steps run — a timer
 * reads `step.duration` as the time elapsed so far, so "taking longer than expected" fires during the
 * step — and again when each step and the run end. An alert fires at most once per step, and a condition
 * that never names `step` at most once per run.
 */
import type { Alert, WorkflowModel } from '../definition/model.js'
import { evaluateExpression } from '../definition/expressions/evaluator.js'
import type { ExpressionNode } from '../definition/expressions/ast.js'
import { parseExpression } from '../definition/expressions/parser.js'
import { isTruthy } from '../definition/expressions/values.js'
import type { EngineEvent, EngineListener } from '../engine/events.js'
import type { StepResult } from '../report/result.js'
import type { FiredAlert } from './fired-alert.js'
import { fillText } from './placeholders.js'
import type { PlaceholderValues } from './placeholders.js'
import { SecretValues } from './secret-events.js'

export interface AlertMonitorOptions {
  readonly alerts: readonly Alert[]
  readonly workflow: WorkflowModel
  /** The request's context and the steps' base environment: the `context` and `env` roots. */
  readonly context: Readonly<Record<string, unknown>>
  readonly env: Readonly<Record<string, string | undefined>>
  /** Called once per firing: the CLI logs it, the action annotates it, webhooks deliver it. */
  readonly onAlert: (alert: FiredAlert) => void
  /** A condition that cannot be parsed or evaluated is reported here once and then ignored. */
  readonly warn: (message: string) => void
  /** How often running steps are judged, in ms (default 250). */
  readonly intervalMs?: number
  readonly now?: () => number
  readonly mask?: (text: string) => string
}

const STEP_ROOTS = ['step', 'workflow', 'context', 'env']
const WORKFLOW_ROOTS = ['workflow', 'context', 'env']

interface ParsedAlert {
  readonly alert: Alert
  readonly ast: ExpressionNode
  /** Names `step`: judged per step; otherwise once per run. */
  readonly perStep: boolean
}

/** What the `step` root holds. */
interface StepFacts {
  readonly id: string
  readonly name: string
  readonly status: string
  readonly duration: number | null
  readonly attempts: number
  readonly exitCode: number | null
  readonly error: string | null
  readonly timedOut: boolean
  readonly outputs: Readonly<Record<string, string>>
}

export class AlertMonitor implements EngineListener {
  readonly #alerts: readonly ParsedAlert[]
  readonly #stepNames: ReadonlyMap<string, string>
  readonly #options: AlertMonitorOptions
  readonly #now: () => number
  readonly #secrets: SecretValues
  /** Running steps: id → when their first attempt started, and the current attempt. */
  readonly #running = new Map<string, { readonly startTime: number; attempts: number }>()
  /** `<alert index>:<step id>` (empty id for run-level alerts) of every alert that fired. */
  readonly #fired = new Set<string>()
  readonly #broken = new Set<number>()
  #workflow = { id: '', name: '', status: 'running', startTime: 0, endTime: null as number | null, failedSteps: 0, completedSteps: 0 }
  #timer: NodeJS.Timeout | null = null

  constructor(options: AlertMonitorOptions) {
    this.#options = options
    this.#now = options.now ?? Date.now
    this.#secrets = new SecretValues(options.mask)
    this.#stepNames = new Map(options.workflow.steps.map((s) => [s.id, s.name]))
    this.#workflow.name = options.workflow.name
    this.#alerts = options.alerts.flatMap((alert): ParsedAlert[] => {
      const parsed = parseExpression(alert.condition.source, { roots: STEP_ROOTS })
      if (!parsed.ok) {
        options.warn(`alert condition \`${alert.condition.source}\` cannot be parsed (${parsed.error.message}); ignored`)
        return []
      }
      const perStep = !parseExpression(alert.condition.source, { roots: WORKFLOW_ROOTS }).ok
      return [{ alert, ast: parsed.value, perStep }]
    })
  }

  onEvent(event: EngineEvent): void {
    this.#secrets.observe(event)
    switch (event.type) {
      case 'workflow_start':
        this.#workflow = { ...this.#workflow, id: event.workflowId, name: event.name, startTime: event.time }
        this.#startTimer()
        break
      case 'step_start': {
        const running = this.#running.get(event.stepId)
        if (running) running.attempts = event.attempt
        else this.#running.set(event.stepId, { startTime: event.time, attempts: event.attempt })
        break
      }
      case 'step_end':
        this.#running.delete(event.stepId)
        if (event.result.status === 'failed') this.#workflow.failedSteps++
        if (event.result.status === 'completed') this.#workflow.completedSteps++
        this.#judgeStep(stepFacts(event.result), event.time)
        this.#judgeWorkflow(event.time)
        break
      case 'workflow_end':
        this.#workflow = { ...this.#workflow, status: event.result.status, endTime: event.time }
        this.#stopTimer()
        this.#judgeWorkflow(event.time)
        break
      default:
        break
    }
  }

  async close(): Promise<void> {
    this.#stopTimer()
  }

  /** Judges every running step with the time elapsed so far, and the run-level alerts. */
  tick(): void {
    const now = this.#now()
    for (const [id, running] of this.#running) {
      this.#judgeStep(
        {
          id,
          name: this.#stepNames.get(id) ?? id,
          status: 'running',
          duration: now - running.startTime,
          attempts: running.attempts,
          exitCode: null,
          error: null,
          timedOut: false,
          outputs: {},
        },
        now,
      )
    }
    this.#judgeWorkflow(now)
  }

  #startTimer(): void {
    if (this.#timer || this.#alerts.length === 0) return
    this.#timer = setInterval(() => this.tick(), this.#options.intervalMs ?? 250)
    // Alerts watch the run; they must never be what keeps the process alive.
    this.#timer.unref()
  }

  #stopTimer(): void {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }

  #judgeStep(step: StepFacts, time: number): void {
    this.#alerts.forEach((parsed, index) => {
      if (parsed.perStep) this.#judge(parsed, index, step, time)
    })
  }

  #judgeWorkflow(time: number): void {
    this.#alerts.forEach((parsed, index) => {
      if (!parsed.perStep) this.#judge(parsed, index, null, time)
    })
  }

  #judge(parsed: ParsedAlert, index: number, step: StepFacts | null, time: number): void {
    const key = `${index}:${step?.id ?? ''}`
    if (this.#fired.has(key) || this.#broken.has(index)) return
    const workflow = this.#workflowFacts(time)
    const roots = { workflow, context: this.#options.context, env: this.#options.env, ...(step ? { step } : {}) }
    const value = evaluateExpression(parsed.ast, roots)
    if (!value.ok) {
      this.#broken.add(index)
      this.#options.warn(`alert condition \`${parsed.alert.condition.source}\` failed: ${value.error.message}; ignored from now on`)
      return
    }
    if (!isTruthy(value.value)) return
    this.#fired.add(key)
    const message = this.#secrets.mask(fillText(parsed.alert.message, placeholderValues(workflow, step)))
    this.#options.onAlert({
      severity: parsed.alert.severity,
      message,
      ...(step ? { stepId: step.id } : {}),
      location: parsed.alert.location,
      time,
    })
  }

  #workflowFacts(time: number): Readonly<Record<string, string | number>> {
    const w = this.#workflow
    return {
      id: w.id,
      name: w.name,
      status: w.status,
      duration: Math.max(0, (w.endTime ?? time) - w.startTime),
      failedSteps: w.failedSteps,
      completedSteps: w.completedSteps,
    }
  }
}

function stepFacts(result: StepResult): StepFacts {
  return {
    id: result.id,
    name: result.name,
    status: result.status,
    duration: result.duration,
    attempts: result.attempts,
    exitCode: result.exitCode,
    error: result.error,
    timedOut: result.timedOut,
    outputs: result.outputs,
  }
}

function placeholderValues(workflow: Readonly<Record<string, string | number>>, step: StepFacts | null): PlaceholderValues {
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(workflow)) values[`workflow.${key}`] = String(value)
  for (const key of ['id', 'name', 'status', 'duration', 'attempts', 'exitCode', 'error'] as const) {
    const value = step?.[key]
    values[`step.${key}`] = value === null || value === undefined ? '' : String(value)
  }
  return values
}
