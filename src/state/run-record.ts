/**
 * What the state store keeps of one run, and how the event stream updates it. Pure: the recorder feeds
 * events in, the stores write the result out, the monitor reads it back.
 */
import type { DependencyType, ExecutionRequest } from '../definition/model.js'
import type { EngineEvent, RunStatus } from '../engine/events.js'
import type { CircuitBreakerMetrics, StepResult, StepResultStatus, WorkflowResult, WorkflowStatus } from '../report/result.js'
import { unreachable } from '../util/unreachable.js'

/** A stored run's own status; `interrupted` is never stored, it is read off a dead owner (see liveness). */
export type StoredRunStatus = RunStatus | WorkflowStatus
export type RunState = StoredRunStatus | 'interrupted'

const TERMINAL: ReadonlySet<StoredRunStatus> = new Set<StoredRunStatus>(['completed', 'failed', 'cancelled'])

/** True once the run has its result: nothing will change it any more. */
export function isTerminal(status: StoredRunStatus): boolean {
  return TERMINAL.has(status)
}

export interface StoredStep {
  readonly id: string
  readonly name: string
  readonly status: 'pending' | 'running' | StepResultStatus
  readonly startTime: string | null
  readonly attempt: number
  readonly percentage?: number
  readonly task?: string
  readonly estimatedDuration?: number
  readonly result?: StepResult
}

/** The process that runs the workflow: how the monitor tells a live run from a dead one. */
export interface RunOwner {
  readonly pid: number
  readonly hostname: string
  /** Set when the run executes inside GitHub Actions. */
  readonly github?: { readonly repository: string; readonly runId: number; readonly runAttempt: number; readonly workflowRef?: string; readonly ref?: string }
}

export interface RunRecord {
  readonly version: 1
  readonly workflowId: string
  readonly name: string
  readonly status: StoredRunStatus
  /** 1 for the first run of this workflowId, one more for each restart. */
  readonly attempt: number
  readonly startTime: string
  /** Refreshed by the owner while it lives (the heartbeat). */
  readonly updateTime: string
  readonly endTime: string | null
  readonly owner: RunOwner
  /** Definition order. */
  readonly steps: readonly StoredStep[]
  readonly dependencies: readonly { readonly from: string; readonly to: string; readonly type: DependencyType }[]
  /** null when the workflow has no circuit breaker. */
  readonly circuitBreaker: CircuitBreakerMetrics | null
  /** The runner's CPU and memory use (percent), sampled by the owner. */
  readonly machine: { readonly cpu: number | null; readonly memory: number | null }
  readonly result: WorkflowResult | null
  /**
   * How many journal events had been appended when this record was saved. Readers replay the journal
   * from there, so a record saved less often than events arrive still reads complete after a crash.
   */
  readonly journalCount?: number
}

/**
 * The record as of the journal: `events` from `record.journalCount` on are applied again in order. A
 * replay is safe even where the record already holds some of them: every event sets values, so applying
 * a run of events in order again ends in the same state.
 */
export function withJournal(record: RunRecord, events: readonly EngineEvent[]): RunRecord {
  if (record.journalCount === undefined || isTerminal(record.status)) return record
  let replayed = record
  for (const event of events.slice(record.journalCount)) replayed = applyEvent(replayed, event)
  return replayed
}

/** The record of a run about to start: every step pending. */
export function initialRecord(request: ExecutionRequest, workflowId: string, owner: RunOwner, attempt: number, now: number): RunRecord {
  const time = new Date(now).toISOString()
  return {
    version: 1,
    workflowId,
    name: request.workflow.name,
    status: 'running',
    attempt,
    startTime: time,
    updateTime: time,
    endTime: null,
    owner,
    steps: request.workflow.steps.map((step) => ({
      id: step.id,
      name: step.name,
      status: 'pending',
      startTime: null,
      attempt: 0,
      ...(step.estimatedDuration !== undefined ? { estimatedDuration: step.estimatedDuration } : {}),
    })),
    dependencies: request.workflow.dependencies.map((d) => ({ from: d.from, to: d.to, type: d.type })),
    circuitBreaker: request.errorHandling.circuitBreaker?.enabled ? { state: 'closed', trips: 0 } : null,
    machine: { cpu: null, memory: null },
    result: null,
  }
}

/**
 * The record after one event; the same object when the event changes nothing a status reader sees
 * (output lines, annotations, debug lines), so the recorder knows when a save is due.
 */
export function applyEvent(record: RunRecord, event: EngineEvent): RunRecord {
  return applyTo(record, event, false)
}

/**
 * The record after `events`, in order: the same as applying each, but the step list is copied once for
 * the whole batch, not once per event (a 10,000-step run sends 20,000 step events).
 */
export function applyEvents(record: RunRecord, events: readonly EngineEvent[]): RunRecord {
  if (!events.some(changesRecord)) return record
  const steps = record.steps.slice()
  positions.set(steps, stepIndex(record.steps))
  let current: RunRecord = { ...record, steps }
  for (const event of events) current = applyTo(current, event, true)
  return current
}

/** Whether an event can change what a status reader sees (output lines and the like cannot). */
export function changesRecord(event: EngineEvent): boolean {
  return !UNRECORDED.has(event.type)
}

const UNRECORDED: ReadonlySet<EngineEvent['type']> = new Set(['step_output', 'step_annotation', 'secret', 'rollback_start', 'concurrency', 'debug'])

/** `ownsSteps`: the record's step list is a private copy that may be written in place. */
function applyTo(record: RunRecord, event: EngineEvent, ownsSteps: boolean): RunRecord {
  const updateStep = (id: string, change: (step: StoredStep) => StoredStep): RunRecord => {
    const index = stepIndex(record.steps).get(id)
    const current = index === undefined ? undefined : record.steps[index]
    if (index === undefined || current === undefined) return record
    if (ownsSteps) {
      ;(record.steps as StoredStep[])[index] = change(current)
      return record
    }
    const steps = record.steps.slice()
    steps[index] = change(current)
    positions.set(steps, stepIndex(record.steps))
    return { ...record, steps }
  }
  switch (event.type) {
    case 'workflow_start':
      return { ...record, status: 'running' }
    case 'run_status':
      return isTerminal(record.status) ? record : { ...record, status: event.status }
    case 'step_start':
      return updateStep(event.stepId, (step) => ({
        ...withoutProgress(step),
        status: 'running',
        startTime: step.startTime ?? new Date(event.time).toISOString(),
        attempt: event.attempt,
      }))
    case 'step_retry':
      return updateStep(event.stepId, (step) => ({ ...step, attempt: event.attempt }))
    case 'step_progress':
      return updateStep(event.stepId, (step) => ({
        ...step,
        ...(event.percentage !== undefined ? { percentage: event.percentage } : {}),
        ...(event.task !== undefined ? { task: event.task } : {}),
      }))
    case 'step_end':
      return updateStep(event.stepId, (step) => ({
        ...withoutProgress(step),
        status: event.result.status,
        startTime: event.result.startTime,
        attempt: event.result.attempts,
        result: event.result,
      }))
    case 'rollback_end':
      return updateStep(event.stepId, (step) => (step.result ? { ...step, result: { ...step.result, rollback: event.result } } : step))
    case 'breaker':
      return { ...record, circuitBreaker: { state: event.state, trips: event.trips } }
    case 'workflow_end': {
      const results = new Map(event.result.steps.map((r) => [r.id, r]))
      return {
        ...record,
        status: event.result.status,
        endTime: event.result.metadata.endTime,
        steps: record.steps.map((step) => {
          const result = results.get(step.id)
          return result ? { ...withoutProgress(step), status: result.status, startTime: result.startTime, attempt: result.attempts, result } : step
        }),
        ...(event.result.metrics.circuitBreaker ? { circuitBreaker: event.result.metrics.circuitBreaker } : {}),
        result: event.result,
      }
    }
    case 'step_output':
    case 'step_annotation':
    case 'secret':
    case 'rollback_start':
    case 'concurrency':
    case 'debug':
      return record
    default:
      return unreachable(event)
  }
}

/**
 * Step positions by id, shared by every version of a record's step list (ids never change), so that an
 * event costs a lookup and one array copy, not a scan: a 10,000-step run sends 20,000 of them.
 */
const positions = new WeakMap<readonly StoredStep[], ReadonlyMap<string, number>>()

function stepIndex(steps: readonly StoredStep[]): ReadonlyMap<string, number> {
  let map = positions.get(steps)
  if (!map) {
    map = new Map(steps.map((step, i) => [step.id, i]))
    positions.set(steps, map)
  }
  return map
}

/** The results of the steps that finished, in definition order: what a restart keeps. */
export function finishedResults(record: RunRecord): StepResult[] {
  return record.steps.flatMap((step) => (step.result ? [step.result] : []))
}

function withoutProgress(step: StoredStep): StoredStep {
  const { percentage: _percentage, task: _task, ...rest } = step
  return rest
}

/** A stored record read back; undefined when the text is not one (a foreign or damaged file). */
export function parseRunRecord(text: string): RunRecord | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const candidate = parsed as Partial<RunRecord>
    if (candidate.version !== 1 || typeof candidate.workflowId !== 'string' || !Array.isArray(candidate.steps)) return undefined
    // What the readers (status, list, restart) dereference must be there: a foreign or damaged file is
    // "no run", never a crash of `monitor` or `list` (one bad folder would hide every run).
    return hasReadableShape(candidate) ? (parsed as RunRecord) : undefined
  } catch {
    return undefined
  }
}

function hasReadableShape(candidate: Partial<RunRecord>): boolean {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null
  const owner: unknown = candidate.owner
  return (
    typeof candidate.status === 'string' &&
    typeof candidate.name === 'string' &&
    typeof candidate.startTime === 'string' &&
    typeof candidate.updateTime === 'string' &&
    isObject(owner) &&
    typeof owner['pid'] === 'number' &&
    typeof owner['hostname'] === 'string' &&
    isObject(candidate.machine) &&
    (candidate.steps ?? []).every((step: unknown) => isObject(step) && typeof step['id'] === 'string' && typeof step['status'] === 'string')
  )
}
