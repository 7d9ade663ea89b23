/**
 * The seed's "Monitoring Results" object, built from a stored record: progress, the running steps with
 * the progress they report, the next steps with an estimated start, and throughput and machine use,
 * plus the run's status and its circuit breaker. Pure: the caller supplies the time and the history.
 */
import type { CircuitBreakerMetrics } from '../report/result.js'
import type { RunRecord, RunState, StoredStep } from './run-record.js'
import { isTerminal } from './run-record.js'
import type { StepHistory } from './store.js'

/** nextSteps lists at most this many steps, soonest first. */
const NEXT_STEPS_SHOWN = 10

export interface MonitoringResults {
  readonly workflowId: string
  readonly status: RunState
  readonly progress: { readonly completed: number; readonly total: number; readonly percentage: number }
  readonly activeSteps: readonly {
    readonly id: string
    readonly name: string
    readonly status: 'running'
    readonly progress: { readonly percentage: number | null; readonly currentTask: string | null }
    readonly startTime: string | null
    readonly attempt: number
  }[]
  readonly nextSteps: readonly { readonly id: string; readonly name: string; readonly estimatedStart: string | null }[]
  readonly metrics: { readonly throughput: string; readonly cpuUsage: string | null; readonly memoryUsage: string | null }
  readonly circuitBreaker: CircuitBreakerMetrics | null
  readonly name: string
  /** 1, or more after restarts. */
  readonly attempt: number
  readonly startTime: string
  readonly updateTime: string
  readonly endTime: string | null
}

/** `alive === false` on a run without a result means its process died: `interrupted`. */
export function monitoringResults(record: RunRecord, alive: boolean | undefined, now: number, history: StepHistory): MonitoringResults {
  const status: RunState = !isTerminal(record.status) && alive === false ? 'interrupted' : record.status
  const total = record.steps.length
  const settled = record.steps.filter((s) => s.status !== 'pending' && s.status !== 'running')
  const starts = estimatedStarts(record, now, history)
  const started = Date.parse(record.startTime)
  const end = record.endTime ? Date.parse(record.endTime) : status === 'interrupted' ? Date.parse(record.updateTime) : now
  const minutes = Math.max(end - started, 1) / 60_000
  const cpu = record.machine.cpu
  const memory = record.machine.memory
  return {
    workflowId: record.workflowId,
    status,
    progress: { completed: settled.length, total, percentage: total === 0 ? 100 : Math.round((100 * settled.length) / total) },
    activeSteps:
      status === 'interrupted'
        ? []
        : record.steps
            .filter((s) => s.status === 'running')
            .map((s) => ({
              id: s.id,
              name: s.name,
              status: 'running' as const,
              progress: { percentage: s.percentage ?? null, currentTask: s.task ?? null },
              startTime: s.startTime,
              attempt: s.attempt,
            })),
    nextSteps: record.steps
      .filter((s) => s.status === 'pending' || (status === 'interrupted' && s.status === 'running'))
      .map((s) => ({ id: s.id, name: s.name, estimatedStart: isTerminal(record.status) || status === 'interrupted' ? null : isoOrNull(starts.get(s.id)) }))
      .sort((a, b) => (a.estimatedStart ?? '\uffff').localeCompare(b.estimatedStart ?? '\uffff'))
      .slice(0, NEXT_STEPS_SHOWN),
    metrics: {
      throughput: `${(settled.length / minutes).toFixed(2)} steps/minute`,
      cpuUsage: cpu === null ? null : `${cpu}%`,
      memoryUsage: memory === null ? null : `${memory}%`,
    },
    circuitBreaker: record.circuitBreaker,
    name: record.name,
    attempt: record.attempt,
    startTime: record.startTime,
    updateTime: record.updateTime,
    endTime: record.endTime,
  }
}

/**
 * Earliest start of each unfinished step, assuming free capacity: a step starts when its finish_to_start
 * predecessors are estimated to end and its start_to_start ones to start (finish-side edges do not hold a
 * start). A step whose duration is unknown (no history, no estimatedDuration) leaves its dependents
 * without an estimate.
 */
export function estimatedStarts(record: RunRecord, now: number, history: StepHistory): Map<string, number | undefined> {
  const byId = new Map(record.steps.map((s) => [s.id, s]))
  const incoming = new Map<string, { from: string; type: string }[]>()
  for (const d of record.dependencies) incoming.set(d.to, [...(incoming.get(d.to) ?? []), d])
  const starts = new Map<string, number | undefined>()
  const ends = new Map<string, number | undefined>()
  const visiting = new Set<string>()

  const duration = (step: StoredStep): number | undefined => history[step.id] ?? step.estimatedDuration
  const startOf = (id: string): number | undefined => {
    if (starts.has(id)) return starts.get(id)
    const step = byId.get(id)
    if (!step || visiting.has(id)) return undefined
    visiting.add(id)
    let start: number | undefined
    if (step.startTime !== null) {
      start = Date.parse(step.startTime)
    } else if (step.status !== 'pending') {
      start = undefined
    } else {
      start = now
      for (const edge of incoming.get(id) ?? []) {
        const bound = edge.type === 'finish_to_start' ? endOf(edge.from) : edge.type === 'start_to_start' ? startOf(edge.from) : now
        start = bound === undefined || start === undefined ? undefined : Math.max(start, bound)
      }
    }
    visiting.delete(id)
    starts.set(id, start)
    return start
  }
  const endOf = (id: string): number | undefined => {
    if (ends.has(id)) return ends.get(id)
    const step = byId.get(id)
    let end: number | undefined
    if (step?.result) {
      end = step.result.endTime ? Date.parse(step.result.endTime) : now
    } else if (step) {
      const start = startOf(id)
      const length = duration(step)
      end = start === undefined || length === undefined ? undefined : Math.max(start + length, now)
    }
    ends.set(id, end)
    return end
  }
  for (const step of record.steps) if (!step.result) startOf(step.id)
  return starts
}

function isoOrNull(time: number | undefined): string | null {
  return time === undefined ? null : new Date(time).toISOString()
}
