/**
 * Step conditions: the seed's forms (`always`, `on_success(a, b)`, …) and GitHub's expression syntax,
 * one parser for both. (Interface fixed here; the expressions work fills in the implementation.)
 */
import type { Result } from '../util/result.js'

export interface ExpressionSyntaxError {
  readonly message: string
  /** 1-based column within the condition text. */
  readonly column: number
}

/** A step id the condition names, with its 1-based column in the text (for "unknown step" errors). */
export interface StepReference {
  readonly id: string
  readonly column: number
}

export interface Condition {
  readonly source: string
  /** Steps named by `on_*(…)` or `steps.<id>`: implicit finish_to_start dependencies. */
  readonly stepRefs: readonly StepReference[]
  /** Whether a status function (`always`, `success()`, `failure()`, `cancelled()`, `on_*`) appears. */
  readonly usesStatusFunction: boolean
  /** Opaque parsed form, only for evaluateCondition. */
  readonly ast: unknown
}

export type StepStatus = 'pending' | 'running' | 'completed' | 'failed' | 'skipped' | 'cancelled'

export interface StepFacts {
  readonly status: StepStatus
  readonly outputs: Readonly<Record<string, string>>
  readonly exitCode: number | null
  readonly duration: number | null
  readonly attempts: number
  /** Failed but continueOnError: counts as success for `on_success` and `success`. */
  readonly continueOnError: boolean
  readonly timedOut: boolean
}

export interface ConditionContext {
  readonly steps: Readonly<Record<string, StepFacts>>
  readonly context: Readonly<Record<string, unknown>>
  readonly parameters: Readonly<Record<string, unknown>>
  readonly env: Readonly<Record<string, string | undefined>>
  readonly workflow: { readonly name: string }
  readonly matrix?: Readonly<Record<string, unknown>>
  /** `success()`: every incoming dependency reached its trigger with its edge condition met. */
  readonly dependenciesSatisfied: boolean
  /** `failure()`: some dependency (or an ancestor through success edges) failed. */
  readonly upstreamFailed: boolean
  /** `cancelled()`: a cancel was requested. */
  readonly cancelled: boolean
}

export declare function parseCondition(text: string): Result<Condition, ExpressionSyntaxError>
