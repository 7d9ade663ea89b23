/**
 * The seed's "Workflow Execution Results" object, with SPEC §5's extras. Keys and their order are the
 * contract other tools read.
 */
export type StepResultStatus = 'completed' | 'failed' | 'skipped' | 'cancelled'
export type WorkflowStatus = 'completed' | 'failed' | 'cancelled'

export interface RollbackResult {
  readonly status: 'completed' | 'failed'
  readonly exitCode: number | null
  readonly duration: number
  readonly error: string | null
}

export interface StepResult {
  readonly id: string
  readonly name: string
  readonly status: StepResultStatus
  /** ISO 8601, null where the step never started. */
  readonly startTime: string | null
  readonly endTime: string | null
  /** ms, null where the step never started. */
  readonly duration: number | null
  /** The `output` key written to $TASK_OUTPUT, else the last non-empty stdout line (≤ 1 KB), else null. */
  readonly output: string | null
  /** One-line cause (exit code, signal, timeout) or null. */
  readonly error: string | null
  readonly attempts: number
  readonly exitCode: number | null
  readonly outputs: Readonly<Record<string, string>>
  /** Why skipped or cancelled. */
  readonly reason: string | null
  readonly timedOut: boolean
  readonly cached: boolean
  readonly rollback?: RollbackResult
  /** With debug.captureOutputs: the last lines the step printed. */
  readonly outputTail?: string
}

export interface CircuitBreakerMetrics {
  readonly state: 'closed' | 'open' | 'half-open'
  readonly trips: number
}

export interface WorkflowMetrics {
  readonly totalSteps: number
  readonly completedSteps: number
  readonly failedSteps: number
  readonly skippedSteps: number
  readonly cancelledSteps: number
  readonly totalDuration: number
  readonly parallelEfficiency: number
  readonly maxConcurrency: number
  readonly criticalPath: { readonly steps: readonly string[]; readonly duration: number }
  readonly circuitBreaker?: CircuitBreakerMetrics
  /** With autoScaling: each change of the concurrency limit. */
  readonly concurrencyChanges?: readonly { readonly time: string; readonly from: number; readonly to: number; readonly cpu: number }[]
}

export interface WorkflowResult {
  readonly success: boolean
  readonly workflowId: string
  readonly name: string
  readonly status: WorkflowStatus
  readonly steps: readonly StepResult[]
  readonly metrics: WorkflowMetrics
  readonly metadata: { readonly startTime: string; readonly endTime: string; readonly timestamp: string }
  readonly error: string | null
}
