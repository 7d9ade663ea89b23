/**
 * The normalized definition as the JSON Schema guarantees it (src/schema/workflow.schema.json): every
 * field typed, nothing defaulted yet. Only code that runs after a successful schema check reads these.
 */

export type Quantity = string | number

export interface RawStepResources {
  readonly cpu?: Quantity
  readonly memory?: Quantity
  readonly gpu?: boolean | number
}

export interface RawCapacity extends RawStepResources {
  readonly storage?: Quantity
}

export interface RawStep {
  readonly id: string
  readonly name?: string
  readonly description?: string
  readonly command: string
  readonly shell?: 'bash' | 'sh' | 'pwsh' | 'python'
  readonly timeout?: number
  readonly retries?: number
  readonly retryDelay?: number
  readonly environment?: Readonly<Record<string, string | number | boolean>>
  readonly workingDirectory?: string
  readonly condition?: string
  readonly continueOnError?: boolean
  readonly parallel?: boolean
  readonly resources?: RawStepResources
  readonly rollback?: string
  readonly killGracePeriod?: number
  readonly estimatedDuration?: number
}

export interface RawDependency {
  readonly from: string
  readonly to: string
  readonly type?: 'finish_to_start' | 'start_to_start' | 'finish_to_finish' | 'start_to_finish'
  readonly condition?: 'success' | 'failure' | 'always'
}

export interface RawWorkflow {
  readonly name?: string
  readonly description?: string
  readonly steps: readonly RawStep[]
  readonly dependencies?: readonly RawDependency[]
  readonly timeout?: number
  readonly concurrency?: number
  readonly mode?: 'parallel' | 'sequential'
  readonly parallel?: readonly string[]
  readonly killGracePeriod?: number
  readonly resources?: Readonly<Record<string, RawStepResources>>
}

export interface RawErrorHandling {
  readonly retryPolicy?: { readonly maxRetries?: number; readonly backoffMultiplier?: number; readonly maxDelay?: number }
  readonly rollbackStrategy?: 'automatic' | 'none'
  readonly circuitBreaker?: { readonly enabled?: boolean; readonly failureThreshold?: number; readonly timeout?: number }
}

export interface RawRequestResources {
  readonly limits?: RawCapacity
  readonly requests?: RawCapacity
  readonly autoScaling?: { readonly enabled?: boolean; readonly minReplicas?: number; readonly maxReplicas?: number; readonly targetCPU?: number }
}

export interface RawWebhook {
  readonly url: string
  readonly events?: readonly ('start' | 'completion' | 'failure' | 'step_start' | 'step_completion' | 'step_failure' | 'alert')[]
  readonly payload?: unknown
  readonly headers?: Readonly<Record<string, string>>
  readonly secret?: string
}

export interface RawAlert {
  readonly condition: string
  readonly severity?: 'info' | 'warning' | 'error'
  readonly message: string
}

export interface RawNotifications {
  readonly webhooks?: readonly RawWebhook[]
  readonly alerts?: readonly RawAlert[]
}

export interface RawDebug {
  readonly enabled?: boolean
  readonly logLevel?: string
  readonly captureOutputs?: boolean
  readonly traceDependencies?: boolean
}

/** The execution request every shape is normalized into before the schema check. */
export interface RawRequest {
  readonly workflow: RawWorkflow
  readonly context?: Readonly<Record<string, unknown>>
  readonly errorHandling?: RawErrorHandling
  readonly resources?: RawRequestResources
  readonly notifications?: RawNotifications
  readonly debug?: RawDebug
  readonly parameters?: Readonly<Record<string, unknown>>
}
