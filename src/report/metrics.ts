/**
 * SPEC §5 metrics, computed from the step results of a finished run.
 */
import type { WorkflowModel } from '../definition/model.js'
import { criticalPath } from '../plan/critical-path.js'
import type { CircuitBreakerMetrics, StepResult, WorkflowMetrics } from './result.js'

export interface MetricsInput {
  readonly workflow: WorkflowModel
  readonly steps: readonly StepResult[]
  /** Wall time of the whole run, ms. */
  readonly wallTime: number
  readonly concurrency: number
  readonly maxConcurrency: number
  readonly circuitBreaker?: CircuitBreakerMetrics
  readonly concurrencyChanges?: WorkflowMetrics['concurrencyChanges']
}

export function computeMetrics(input: MetricsInput): WorkflowMetrics {
  const count = (status: StepResult['status']): number => input.steps.filter((s) => s.status === status).length
  // A step that never ran (or was kept from an earlier run) takes no time in this run.
  const durations: Record<string, number> = {}
  let sum = 0
  for (const step of input.steps) {
    const d = step.cached ? 0 : (step.duration ?? 0)
    durations[step.id] = d
    sum += d
  }
  const path = criticalPath(input.workflow, durations)
  const bound = Math.max(path.duration, sum / Math.max(1, input.concurrency))
  const efficiency = input.wallTime > 0 ? Math.min(1, bound / input.wallTime) : 1
  return {
    totalSteps: input.steps.length,
    completedSteps: count('completed'),
    failedSteps: count('failed'),
    skippedSteps: count('skipped'),
    cancelledSteps: count('cancelled'),
    totalDuration: input.wallTime,
    parallelEfficiency: Math.round(efficiency * 100) / 100,
    maxConcurrency: input.maxConcurrency,
    criticalPath: { steps: path.steps, duration: path.duration },
    ...(input.circuitBreaker ? { circuitBreaker: input.circuitBreaker } : {}),
    ...(input.concurrencyChanges && input.concurrencyChanges.length > 0 ? { concurrencyChanges: input.concurrencyChanges } : {}),
  }
}
