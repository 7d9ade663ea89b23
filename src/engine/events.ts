/**
 * Everything that happens in a run, as one typed stream. Reporters, the state store, webhooks and alerts
 * are each a listener of it; the engine knows none of them.
 */
import type { StepResult, WorkflowResult } from '../report/result.js'

export type RunStatus = 'running' | 'paused' | 'cancelling'

export type EngineEvent =
  | { readonly type: 'workflow_start'; readonly time: number; readonly workflowId: string; readonly name: string; readonly stepIds: readonly string[] }
  | { readonly type: 'run_status'; readonly time: number; readonly status: RunStatus }
  | { readonly type: 'step_start'; readonly time: number; readonly stepId: string; readonly attempt: number; readonly pid: number | undefined }
  | { readonly type: 'step_output'; readonly time: number; readonly stepId: string; readonly stream: 'stdout' | 'stderr'; readonly line: string }
  | { readonly type: 'step_progress'; readonly time: number; readonly stepId: string; readonly percentage?: number; readonly task?: string }
  | { readonly type: 'step_retry'; readonly time: number; readonly stepId: string; readonly attempt: number; readonly delay: number; readonly error: string }
  | { readonly type: 'step_end'; readonly time: number; readonly stepId: string; readonly result: StepResult }
  | { readonly type: 'step_annotation'; readonly time: number; readonly stepId: string; readonly level: 'error' | 'warning' | 'notice'; readonly message: string; readonly properties: Readonly<Record<string, string>> }
  | { readonly type: 'secret'; readonly time: number; readonly value: string }
  | { readonly type: 'rollback_start'; readonly time: number; readonly stepId: string }
  | { readonly type: 'rollback_end'; readonly time: number; readonly stepId: string; readonly result: NonNullable<StepResult['rollback']> }
  | { readonly type: 'breaker'; readonly time: number; readonly state: 'closed' | 'open' | 'half-open'; readonly trips: number }
  | { readonly type: 'concurrency'; readonly time: number; readonly from: number; readonly to: number; readonly cpu: number }
  | { readonly type: 'debug'; readonly time: number; readonly stepId?: string; readonly message: string }
  | { readonly type: 'workflow_end'; readonly time: number; readonly result: WorkflowResult }

export type EngineEventType = EngineEvent['type']

/** A consumer of the event stream. `close` lets it finish deliveries before the process exits. */
export interface EngineListener {
  onEvent(event: EngineEvent): void
  close?(): Promise<void>
}
