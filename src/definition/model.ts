/**
 * The validated model: what the loader and validator produce and everything after them consumes.
 * Every field is resolved (defaults applied, units parsed); nothing downstream reads the raw definition.
 */
import type { SourceLocation } from './diagnostics.js'
import type { Condition } from './conditions.js'

export type DependencyType = 'finish_to_start' | 'start_to_start' | 'finish_to_finish' | 'start_to_finish'
export type DependencyCondition = 'success' | 'failure' | 'always'
export type Shell = 'bash' | 'sh' | 'pwsh' | 'python'

export interface Dependency {
  readonly from: string
  readonly to: string
  readonly type: DependencyType
  readonly condition: DependencyCondition
  /** Added from a step condition's references (`on_success(a)`, `steps.a.outputs.x`): ordering only. */
  readonly implicit: boolean
  readonly location: SourceLocation
}

/** Requests in base units: cpu in cores (0.5 = "500m"), memory in bytes, gpu as a count. */
export interface ResourceAmounts {
  readonly cpu: number
  readonly memory: number
  readonly gpu: number
}

export interface Step {
  readonly id: string
  readonly name: string
  readonly description?: string
  readonly command: string
  readonly shell: Shell
  /** ms per attempt. */
  readonly timeout?: number
  /** Extra attempts after the first (step value, else errorHandling.retryPolicy.maxRetries, else 0). */
  readonly retries: number
  /** ms before the first retry. */
  readonly retryDelay: number
  readonly environment: Readonly<Record<string, string>>
  readonly workingDirectory?: string
  readonly condition?: Condition
  readonly continueOnError: boolean
  /** `parallel: false`: nothing else runs beside this step. */
  readonly exclusive: boolean
  readonly resources: ResourceAmounts
  readonly rollback?: string
  readonly killGracePeriod: number
  readonly estimatedDuration?: number
  /** Position in definition order. */
  readonly index: number
  /** Where the step's mapping starts in the definition file. */
  readonly location: SourceLocation
}

export interface WorkflowModel {
  readonly name: string
  readonly steps: readonly Step[]
  /** Explicit dependencies first, then implicit ones from conditions. */
  readonly dependencies: readonly Dependency[]
  /** ms for the whole run. */
  readonly timeout?: number
  readonly concurrency?: number
  /** `mode: sequential`: concurrency 1 whatever else is set. */
  readonly sequential: boolean
}

export interface RetryPolicy {
  readonly maxRetries: number
  readonly backoffMultiplier: number
  readonly maxDelay: number
}

export interface CircuitBreakerSettings {
  readonly enabled: boolean
  readonly failureThreshold: number
  readonly timeout: number
}

export interface ErrorHandling {
  readonly retryPolicy: RetryPolicy
  readonly rollbackStrategy: 'automatic' | 'none'
  readonly circuitBreaker?: CircuitBreakerSettings
}

export interface AutoScaling {
  readonly enabled: boolean
  readonly minReplicas: number
  readonly maxReplicas: number
  /** percent */
  readonly targetCPU: number
}

export interface ResourceSettings {
  /** Capacity from `resources.limits` ?? `context.resources`; absent: the machine's. */
  readonly limits?: ResourceAmounts
  readonly autoScaling?: AutoScaling
}

export type WebhookEvent = 'start' | 'completion' | 'failure' | 'step_start' | 'step_completion' | 'step_failure' | 'alert'

export interface Webhook {
  readonly url: string
  readonly events: readonly WebhookEvent[]
  readonly payload?: unknown
  readonly headers: Readonly<Record<string, string>>
  readonly secret?: string
}

export interface Alert {
  /** The raw text, e.g. `step.duration > 600000`; parsed by the expression parser. */
  readonly condition: Condition
  readonly severity: 'info' | 'warning' | 'error'
  readonly message: string
  readonly location: SourceLocation
}

export interface Notifications {
  readonly webhooks: readonly Webhook[]
  readonly alerts: readonly Alert[]
}

export interface DebugSettings {
  readonly enabled: boolean
  readonly logLevel: string
  readonly captureOutputs: boolean
  readonly traceDependencies: boolean
}

/** A fully validated execution request: the unit the planner and the engine work on. */
export interface ExecutionRequest {
  readonly workflow: WorkflowModel
  readonly context: Readonly<Record<string, unknown>>
  readonly parameters: Readonly<Record<string, unknown>>
  readonly errorHandling: ErrorHandling
  readonly resources: ResourceSettings
  readonly notifications: Notifications
  readonly debug: DebugSettings
  readonly source: {
    /** The definition file as the user named it (for messages and annotations). */
    readonly file: string
    /** Directory that relative workingDirectory values resolve against. */
    readonly root: string
  }
  /** The normalized definition (after template expansion), stored so `restart` can run it again. */
  readonly definition: unknown
}
