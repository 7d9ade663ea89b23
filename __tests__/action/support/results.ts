/** Hand-made results for the reporter tests. */
import type { StepResult, WorkflowResult } from '../../../src/report/result.js'

const T0 = Date.parse('2026-11-24T10:00:00.000Z')

/** A step that ran from `start` to `end` ms after T0 (null: never started). */
export function step(id: string, status: StepResult['status'], start: number | null, end: number | null, extra: Partial<StepResult> = {}): StepResult {
  return {
    id,
    name: id,
    status,
    startTime: start === null ? null : new Date(T0 + start).toISOString(),
    endTime: end === null ? null : new Date(T0 + end).toISOString(),
    duration: start === null || end === null ? null : end - start,
    output: null,
    error: status === 'failed' ? 'exit code 1' : null,
    attempts: start === null ? 0 : 1,
    exitCode: status === 'failed' ? 1 : status === 'completed' ? 0 : null,
    outputs: {},
    reason: status === 'skipped' ? 'dependency build failed' : null,
    timedOut: false,
    cached: false,
    ...extra,
  }
}

export function workflowResult(steps: readonly StepResult[], extra: Partial<WorkflowResult> = {}, criticalPath: readonly string[] = []): WorkflowResult {
  const count = (s: StepResult['status']): number => steps.filter((x) => x.status === s).length
  const failed = steps.filter((s) => s.status === 'failed')
  const end = Math.max(0, ...steps.map((s) => (s.endTime ? Date.parse(s.endTime) - T0 : 0)))
  const status = failed.length > 0 ? 'failed' : 'completed'
  return {
    success: status === 'completed',
    workflowId: 'wf-1-1',
    name: 'demo',
    status,
    steps,
    metrics: {
      totalSteps: steps.length,
      completedSteps: count('completed'),
      failedSteps: count('failed'),
      skippedSteps: count('skipped'),
      cancelledSteps: count('cancelled'),
      totalDuration: end,
      parallelEfficiency: 0.9,
      maxConcurrency: 2,
      criticalPath: { steps: [...criticalPath], duration: end },
    },
    metadata: { startTime: new Date(T0).toISOString(), endTime: new Date(T0 + end).toISOString(), timestamp: new Date(T0 + end).toISOString() },
    error: failed.length > 0 ? `Step ${failed.map((s) => s.id).join(', ')} failed` : null,
    ...extra,
  }
}
