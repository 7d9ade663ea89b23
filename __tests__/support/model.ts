/**
 * Builds validated models directly (no loader), so engine tests state only what they are about.
 */
import type { Dependency, DependencyCondition, DependencyType, ExecutionRequest, Step } from '../../src/definition/model.js'

export type StepSpec = Partial<Omit<Step, 'id' | 'index' | 'location'>> & { readonly id: string }
export interface DepSpec {
  readonly from: string
  readonly to: string
  readonly type?: DependencyType
  readonly condition?: DependencyCondition
  readonly implicit?: boolean
}

const here = { file: 'test.yml', line: 1, column: 1 }

export function buildStep(spec: StepSpec, index: number): Step {
  return {
    name: spec.id,
    command: 'true',
    shell: 'bash',
    retries: 0,
    retryDelay: 1000,
    environment: {},
    continueOnError: false,
    exclusive: false,
    resources: { cpu: 0, memory: 0, gpu: 0 },
    killGracePeriod: 500,
    ...spec,
    index,
    location: { ...here, line: index + 1 },
  }
}

export function buildRequest(
  steps: readonly StepSpec[],
  deps: readonly DepSpec[] = [],
  extra: Partial<Omit<ExecutionRequest, 'workflow'>> & { workflow?: Partial<ExecutionRequest['workflow']> } = {},
): ExecutionRequest {
  const dependencies: Dependency[] = deps.map((d) => ({
    from: d.from,
    to: d.to,
    type: d.type ?? 'finish_to_start',
    condition: d.condition ?? 'success',
    implicit: d.implicit ?? false,
    location: here,
  }))
  const { workflow, ...rest } = extra
  return {
    workflow: { name: 'test', steps: steps.map(buildStep), dependencies, sequential: false, ...workflow },
    context: {},
    parameters: {},
    errorHandling: { retryPolicy: { maxRetries: 0, backoffMultiplier: 1, maxDelay: 300000 }, rollbackStrategy: 'none' },
    resources: {},
    notifications: { webhooks: [], alerts: [] },
    debug: { enabled: false, logLevel: 'info', captureOutputs: false, traceDependencies: false },
    source: { file: 'test.yml', root: process.cwd() },
    definition: {},
    ...rest,
  }
}
