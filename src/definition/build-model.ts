/**
 * A checked request → the model, every default applied (SPEC §2, §3, §6, §7, §9): nothing downstream
 * reads the raw definition.
 */
import type { Condition } from './conditions.js'
import type { SourceLocation } from './diagnostics.js'
import type { Locator } from './locator.js'
import type {
  Alert,
  AutoScaling,
  CircuitBreakerSettings,
  DebugSettings,
  Dependency,
  ErrorHandling,
  ExecutionRequest,
  Notifications,
  ResourceAmounts,
  Step,
  Webhook,
  WorkflowModel,
} from './model.js'
import type { RawRequest, RawStep } from './raw-definition.js'

export const DEFAULT_RETRY_DELAY_MS = 1000
export const DEFAULT_BACKOFF_MULTIPLIER = 1
export const DEFAULT_MAX_DELAY_MS = 300_000
export const DEFAULT_KILL_GRACE_PERIOD_MS = 5000
export const DEFAULT_WEBHOOK_EVENTS = ['start', 'completion', 'failure'] as const

/** A finish_to_start ordering a condition's or a `${{ }}`'s reference to another step implies. */
export interface ImplicitDependency {
  readonly from: string
  readonly to: string
  readonly location: SourceLocation
}

export interface ModelInputs {
  readonly file: string
  readonly root: string
  readonly parameters: Readonly<Record<string, unknown>>
  readonly definition: unknown
  /** Parsed step conditions by step index. */
  readonly conditions: ReadonlyMap<number, Condition>
  readonly implicit: readonly ImplicitDependency[]
  /** Resolved requests by step index. */
  readonly stepRequests: readonly ResourceAmounts[]
  readonly limits?: ResourceAmounts
  /** Parsed alert conditions, in order. */
  readonly alerts: readonly Condition[]
}

export function buildModel(request: RawRequest, locator: Locator, inputs: ModelInputs): ExecutionRequest {
  const errorHandling = buildErrorHandling(request)
  return {
    workflow: buildWorkflow(request, locator, inputs, errorHandling),
    context: request.context ?? {},
    parameters: inputs.parameters,
    errorHandling,
    resources: {
      ...(inputs.limits ? { limits: inputs.limits } : {}),
      ...(request.resources?.autoScaling ? { autoScaling: buildAutoScaling(request) } : {}),
    },
    notifications: buildNotifications(request, locator, inputs.alerts),
    debug: buildDebug(request),
    source: { file: inputs.file, root: inputs.root },
    definition: inputs.definition,
  }
}

function buildWorkflow(request: RawRequest, locator: Locator, inputs: ModelInputs, errorHandling: ErrorHandling): WorkflowModel {
  const raw = request.workflow
  const steps = raw.steps.map((step, index) => buildStep(step, index, request, locator, inputs, errorHandling))
  return {
    name: raw.name ?? defaultWorkflowName(inputs.file),
    steps,
    dependencies: buildDependencies(request, locator, inputs.implicit),
    ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
    ...(raw.concurrency !== undefined ? { concurrency: raw.concurrency } : {}),
    sequential: raw.mode === 'sequential',
  }
}

/** `ci/deploy.yml` → `deploy`. */
function defaultWorkflowName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file
  return base.replace(/\.(ya?ml|json)$/i, '') || 'workflow'
}

function buildStep(raw: RawStep, index: number, request: RawRequest, locator: Locator, inputs: ModelInputs, errorHandling: ErrorHandling): Step {
  const condition = inputs.conditions.get(index)
  return {
    id: raw.id,
    name: raw.name ?? raw.id,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    command: raw.command,
    shell: raw.shell ?? 'bash',
    ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
    retries: raw.retries ?? errorHandling.retryPolicy.maxRetries,
    retryDelay: raw.retryDelay ?? DEFAULT_RETRY_DELAY_MS,
    environment: Object.fromEntries(Object.entries(raw.environment ?? {}).map(([name, value]) => [name, String(value)])),
    ...(raw.workingDirectory !== undefined ? { workingDirectory: raw.workingDirectory } : {}),
    ...(condition ? { condition } : {}),
    continueOnError: raw.continueOnError ?? false,
    exclusive: raw.parallel === false,
    resources: inputs.stepRequests[index] ?? { cpu: 0, memory: 0, gpu: 0 },
    ...(raw.rollback !== undefined ? { rollback: raw.rollback } : {}),
    killGracePeriod: raw.killGracePeriod ?? request.workflow.killGracePeriod ?? DEFAULT_KILL_GRACE_PERIOD_MS,
    ...(raw.estimatedDuration !== undefined ? { estimatedDuration: raw.estimatedDuration } : {}),
    index,
    location: locator.locate(`/workflow/steps/${index}`),
  }
}

/** Explicit dependencies in order, then implicit ones not already given by an explicit edge. */
function buildDependencies(request: RawRequest, locator: Locator, implicit: readonly ImplicitDependency[]): Dependency[] {
  const explicit: Dependency[] = (request.workflow.dependencies ?? []).map((raw, index) => ({
    from: raw.from,
    to: raw.to,
    type: raw.type ?? 'finish_to_start',
    condition: raw.condition ?? 'success',
    implicit: false,
    location: locator.locate(`/workflow/dependencies/${index}`),
  }))
  const pairs = new Set(explicit.map((d) => `${d.from}\u0000${d.to}`))
  const implied: Dependency[] = []
  for (const ref of implicit) {
    const pair = `${ref.from}\u0000${ref.to}`
    if (pairs.has(pair)) continue
    pairs.add(pair)
    implied.push({ from: ref.from, to: ref.to, type: 'finish_to_start', condition: 'always', implicit: true, location: ref.location })
  }
  return [...explicit, ...implied]
}

function buildErrorHandling(request: RawRequest): ErrorHandling {
  const raw = request.errorHandling
  const breaker = raw?.circuitBreaker
  const circuitBreaker: CircuitBreakerSettings | undefined = breaker
    ? { enabled: breaker.enabled ?? true, failureThreshold: breaker.failureThreshold ?? 5, timeout: breaker.timeout ?? 60_000 }
    : undefined
  return {
    retryPolicy: {
      maxRetries: raw?.retryPolicy?.maxRetries ?? 0,
      backoffMultiplier: raw?.retryPolicy?.backoffMultiplier ?? DEFAULT_BACKOFF_MULTIPLIER,
      maxDelay: raw?.retryPolicy?.maxDelay ?? DEFAULT_MAX_DELAY_MS,
    },
    rollbackStrategy: raw?.rollbackStrategy ?? 'none',
    ...(circuitBreaker ? { circuitBreaker } : {}),
  }
}

function buildAutoScaling(request: RawRequest): AutoScaling {
  const raw = request.resources?.autoScaling ?? {}
  const minReplicas = raw.minReplicas ?? 1
  return {
    enabled: raw.enabled ?? true,
    minReplicas,
    maxReplicas: raw.maxReplicas ?? Math.max(minReplicas, 1),
    targetCPU: raw.targetCPU ?? 70,
  }
}

function buildNotifications(request: RawRequest, locator: Locator, conditions: readonly Condition[]): Notifications {
  const webhooks: Webhook[] = (request.notifications?.webhooks ?? []).map((raw) => ({
    url: raw.url,
    events: raw.events ?? [...DEFAULT_WEBHOOK_EVENTS],
    ...(raw.payload !== undefined ? { payload: raw.payload } : {}),
    headers: raw.headers ?? {},
    ...(raw.secret !== undefined ? { secret: raw.secret } : {}),
  }))
  const alerts: Alert[] = (request.notifications?.alerts ?? []).flatMap((raw, index) => {
    const condition = conditions[index]
    if (!condition) return []
    return [{ condition, severity: raw.severity ?? 'warning', message: raw.message, location: locator.locate(`/notifications/alerts/${index}`) }]
  })
  return { webhooks, alerts }
}

/** A `debug` block turns debugging on unless it says `enabled: false`. */
function buildDebug(request: RawRequest): DebugSettings {
  const raw = request.debug
  return {
    enabled: raw ? (raw.enabled ?? true) : false,
    logLevel: raw?.logLevel ?? (raw ? 'debug' : 'info'),
    captureOutputs: raw?.captureOutputs ?? false,
    traceDependencies: raw?.traceDependencies ?? false,
  }
}
