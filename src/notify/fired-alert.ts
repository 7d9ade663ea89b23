/** An alert whose condition came true: what the CLI logs, the action annotates and webhooks deliver. */
import type { SourceLocation } from '../definition/diagnostics.js'

export interface FiredAlert {
  readonly severity: 'info' | 'warning' | 'error'
  /** The alert's message with its placeholders filled (and secrets masked). */
  readonly message: string
  /** The step it fired for; absent for a workflow-level condition. */
  readonly stepId?: string
  /** The alert's place in the definition file. */
  readonly location: SourceLocation
  readonly time: number
}
