/**
 * Semantic validation (SPEC §2 "Validation"), after the schema check: everything the schema cannot see,
 * all reported at once and each located — duplicate ids, unknown or self dependencies, condition and
 * `${{ }}` syntax with the column inside the string, unknown steps in conditions, cycles over start/finish
 * events, requests larger than the whole capacity, alert conditions and webhook URLs. With no problem,
 * the model is built (build-model.ts).
 */
import type { Condition, ExpressionSyntaxError } from './conditions.js'
import { CONDITION_ROOTS, parseAlertCondition, parseCondition } from './conditions.js'
import type { Diagnostic, SourceLocation } from './diagnostics.js'
import { parseExpression } from './expressions/parser.js'
import type { Locator } from './locator.js'
import type { DependencyType, ExecutionRequest, ResourceAmounts } from './model.js'
import type { RawCapacity, RawRequest, RawStep, RawStepResources } from './raw-definition.js'
import { buildModel } from './build-model.js'
import type { ImplicitDependency } from './build-model.js'
import { findCycles } from '../plan/cycles.js'
import { pointerSegment } from './source-map.js'
import { findTemplateExpressions, substituteCommand } from './substitution.js'
import { formatCpu, formatMemory, parseCpu, parseGpu, parseMemory } from './units.js'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'

export interface ValidateOptions {
  /** The definition file as the user named it. */
  readonly file: string
  /** What relative workingDirectory values resolve against. */
  readonly root: string
  /** The machine's capacity, asked only when neither `resources.limits` nor `context.resources` gives it. */
  readonly machineCapacity: (needsGpu: boolean) => ResourceAmounts
  /** The parameter values the workflow runs with. */
  readonly parameters: Readonly<Record<string, unknown>>
  /** The normalized definition, kept for `restart`. */
  readonly definition: unknown
}

/** A resource request and where it was written. */
interface LocatedRequest {
  readonly amounts: ResourceAmounts
  readonly pointer: string
}

const ZERO: ResourceAmounts = { cpu: 0, memory: 0, gpu: 0 }

/** Checks a schema-valid request and builds the model, or returns every problem found. */
export function validateRequest(request: RawRequest, locator: Locator, options: ValidateOptions): Result<ExecutionRequest, Diagnostic[]> {
  const problems = new Problems(locator)
  const steps = request.workflow.steps
  const ids = checkIds(steps, problems)
  const conditions = new Map<number, Condition>()
  const implicit: ImplicitDependency[] = []

  steps.forEach((step, index) => {
    const base = `/workflow/steps/${index}`
    const label = `step '${step.id}'`
    if (step.condition !== undefined) {
      const parsed = parseCondition(step.condition)
      if (!parsed.ok) {
        problems.inString(`${base}/condition`, step.condition, parsed.error, `${label}: condition: `)
      } else {
        conditions.set(index, parsed.value)
        for (const ref of parsed.value.stepRefs) {
          const at = problems.stringLocation(`${base}/condition`, step.condition, ref.column)
          if (checkStepReference(ref.id, step.id, ids, at, `${label}: condition`, problems)) implicit.push({ from: ref.id, to: step.id, location: at })
        }
      }
    }
    for (const [pointer, text] of runtimeTexts(step, base)) {
      for (const ref of checkTemplateText(text, pointer, step, label, problems)) {
        const at = problems.stringLocation(pointer, text, ref.column)
        if (checkStepReference(ref.id, step.id, ids, at, `${label}: ${fieldName(pointer)}`, problems)) implicit.push({ from: ref.id, to: step.id, location: at })
      }
    }
  })

  const explicit = checkDependencies(request, ids, problems)
  checkCycles(steps, explicit, implicit, locator, problems)
  checkParallelList(request, ids, problems)
  const resources = checkResources(request, ids, problems, options)
  const alerts = checkAlerts(request, problems)
  checkWebhooks(request, problems)
  if (problems.list.length > 0) return err(problems.list)

  return ok(
    buildModel(request, locator, {
      file: options.file,
      root: options.root,
      parameters: options.parameters,
      definition: options.definition,
      conditions,
      implicit,
      stepRequests: resources.stepRequests,
      limits: resources.limits,
      alerts,
    })
  )
}

/** Collects located diagnostics. */
class Problems {
  readonly list: Diagnostic[] = []
  readonly #locator: Locator

  constructor(locator: Locator) {
    this.#locator = locator
  }

  at(pointer: string, message: string, part: 'key' | 'value' = 'value'): void {
    this.add(this.#locator.locate(pointer, part), message)
  }

  add(location: SourceLocation, message: string): void {
    this.list.push({ severity: 'error', message, location })
  }

  locate(pointer: string, part: 'key' | 'value' = 'value'): SourceLocation {
    return this.#locator.locate(pointer, part)
  }

  stringLocation(pointer: string, text: string, column: number): SourceLocation {
    return this.#locator.locateInString(pointer, text, column)
  }

  inString(pointer: string, text: string, error: ExpressionSyntaxError, prefix: string): void {
    this.add(this.stringLocation(pointer, text, error.column), `${prefix}${error.message}`)
  }
}

/** Step id → index of its first definition; later duplicates are problems. */
function checkIds(steps: readonly RawStep[], problems: Problems): Map<string, number> {
  const ids = new Map<string, number>()
  steps.forEach((step, index) => {
    const first = ids.get(step.id)
    if (first === undefined) {
      ids.set(step.id, index)
      return
    }
    const firstAt = problems.locate(`/workflow/steps/${first}/id`)
    problems.at(`/workflow/steps/${index}/id`, `duplicate step id '${step.id}' (first defined at line ${firstAt.line})`)
  })
  return ids
}

/** Whether a reference from `stepId` to `ref` is usable as a dependency; reports it if not. */
function checkStepReference(ref: string, stepId: string, ids: ReadonlyMap<string, number>, at: SourceLocation, where: string, problems: Problems): boolean {
  if (ref === stepId) {
    problems.add(at, `${where} names the step itself ('${ref}')`)
    return false
  }
  if (!ids.has(ref)) {
    problems.add(at, `${where} names unknown step '${ref}'${closest(ref, ids)}`)
    return false
  }
  return true
}

function closest(id: string, ids: ReadonlyMap<string, number>): string {
  const lower = id.toLowerCase()
  const match = [...ids.keys()].find((known) => known.toLowerCase() === lower || known.toLowerCase().replace(/[-_]/g, '') === lower.replace(/[-_]/g, ''))
  return match === undefined ? '' : ` (did you mean '${match}'?)`
}

/** The strings of a step whose `${{ }}` the engine evaluates at run time, with their pointers. */
function runtimeTexts(step: RawStep, base: string): [string, string][] {
  const texts: [string, string][] = [[`${base}/command`, step.command]]
  if (step.rollback !== undefined) texts.push([`${base}/rollback`, step.rollback])
  if (step.workingDirectory !== undefined) texts.push([`${base}/workingDirectory`, step.workingDirectory])
  for (const [name, value] of Object.entries(step.environment ?? {})) {
    if (typeof value === 'string') texts.push([`${base}/environment/${pointerSegment(name)}`, value])
  }
  return texts
}

function fieldName(pointer: string): string {
  const parts = pointer.split('/')
  return parts[4] === 'environment' ? `environment.${parts[5] ?? ''}` : (parts[4] ?? '')
}

/**
 * Syntax of each `${{ }}` in a run-time string; returns the steps the expressions name (`steps.x.…`),
 * with columns in the whole string.
 */
function checkTemplateText(text: string, pointer: string, step: RawStep, label: string, problems: Problems): { id: string; column: number }[] {
  const prefix = `${label}: ${fieldName(pointer)}: `
  const spans = findTemplateExpressions(text)
  if (!spans.ok) {
    problems.inString(pointer, text, spans.error, prefix)
    return []
  }
  const isCommand = pointer.endsWith('/command') || pointer.endsWith('/rollback')
  const shell = step.shell ?? 'bash'
  const first = spans.value[0]
  if (isCommand && first && (shell === 'pwsh' || shell === 'python')) {
    problems.inString(pointer, text, { message: `'\${{ }}' in a ${shell} command is not supported: put the value in 'environment' and read it from there`, column: first.start + 1 }, prefix)
    return []
  }
  if (isCommand && first && (shell === 'bash' || shell === 'sh')) {
    // Where a value could not be passed safely (after a backslash, inside $(( ))), the engine would
    // refuse the command when the step starts: say so now. Values never matter to where they stand.
    const placed = substituteCommand(text, () => ok(''), shell)
    if (!placed.ok) problems.inString(pointer, text, placed.error, prefix)
  }
  const refs: { id: string; column: number }[] = []
  for (const span of spans.value) {
    const parsed = parseExpression(span.expression, { roots: CONDITION_ROOTS, seedForms: false, statusFunctions: false })
    if (!parsed.ok) {
      problems.inString(pointer, text, { message: parsed.error.message, column: span.expressionStart + parsed.error.column }, prefix)
      continue
    }
    // The condition parser lists the `steps.<id>` references; the stricter parse above already passed.
    const asCondition = parseCondition(span.expression)
    if (asCondition.ok) for (const ref of asCondition.value.stepRefs) refs.push({ id: ref.id, column: span.expressionStart + ref.column })
  }
  return refs
}

interface ExplicitEdge {
  readonly from: string
  readonly to: string
  readonly type: DependencyType
  readonly pointer: string
}

function checkDependencies(request: RawRequest, ids: ReadonlyMap<string, number>, problems: Problems): ExplicitEdge[] {
  const edges: ExplicitEdge[] = []
  ;(request.workflow.dependencies ?? []).forEach((dependency, index) => {
    const base = `/workflow/dependencies/${index}`
    let usable = true
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(dependency[end])) {
        problems.at(`${base}/${end}`, `dependency ${end} unknown step '${dependency[end]}'${closest(dependency[end], ids)}`)
        usable = false
      }
    }
    if (usable && dependency.from === dependency.to) {
      problems.at(base, `step '${dependency.from}' depends on itself`)
      usable = false
    }
    if (usable) edges.push({ from: dependency.from, to: dependency.to, type: dependency.type ?? 'finish_to_start', pointer: base })
  })
  return edges
}

/** Each cycle once, located at the dependency that closes it (from its last step back to its first). */
function checkCycles(steps: readonly RawStep[], explicit: readonly ExplicitEdge[], implicit: readonly ImplicitDependency[], locator: Locator, problems: Problems): void {
  const edges = [
    ...explicit.map((e) => ({ from: e.from, to: e.to, type: e.type, location: locator.locate(e.pointer) })),
    ...implicit.map((e) => ({ from: e.from, to: e.to, type: 'finish_to_start' as const, location: e.location })),
  ]
  const cycles = findCycles(
    steps.map((s) => s.id),
    edges
  )
  for (const cycle of cycles) {
    const last = cycle[cycle.length - 2]
    const first = cycle[cycle.length - 1]
    const closing =
      edges.find((e) => e.from === last && e.to === first) ??
      edges.find((e) => e.to === first && cycle.includes(e.from)) ??
      edges.find((e) => cycle.includes(e.from) && cycle.includes(e.to))
    const location = closing?.location ?? locator.locate('/workflow/steps')
    problems.add(location, `dependency cycle: ${cycle.join(' -> ')}`)
  }
}

function checkParallelList(request: RawRequest, ids: ReadonlyMap<string, number>, problems: Problems): void {
  ;(request.workflow.parallel ?? []).forEach((id, index) => {
    if (!ids.has(id)) problems.at(`/workflow/parallel/${index}`, `workflow.parallel names unknown step '${id}'${closest(id, ids)}`)
  })
}

interface CheckedResources {
  readonly stepRequests: readonly ResourceAmounts[]
  readonly limits?: ResourceAmounts
}

/** Units parsed, per-step requests resolved, and each compared with the whole capacity. */
function checkResources(request: RawRequest, ids: ReadonlyMap<string, number>, problems: Problems, options: ValidateOptions): CheckedResources {
  const parse = (spec: RawCapacity | undefined, pointer: string): Partial<ResourceAmounts> | undefined => (spec ? parseAmounts(spec, pointer, problems) : undefined)
  const perStepMap = request.workflow.resources ?? {}
  for (const id of Object.keys(perStepMap)) {
    if (!ids.has(id) && !id.startsWith('x-')) problems.at(`/workflow/resources/${pointerSegment(id)}`, `workflow.resources names unknown step '${id}'${closest(id, ids)}`, 'key')
  }
  const defaultRequests = parse(request.resources?.requests, '/resources/requests')
  const stepRequests: LocatedRequest[] = request.workflow.steps.map((step, index) => {
    const own = `/workflow/steps/${index}/resources`
    const mapped = `/workflow/resources/${pointerSegment(step.id)}`
    if (step.resources) return { amounts: { ...ZERO, ...parse(step.resources, own) }, pointer: own }
    const fromMap: RawStepResources | undefined = Object.hasOwn(perStepMap, step.id) ? perStepMap[step.id] : undefined
    if (fromMap) return { amounts: { ...ZERO, ...parse(fromMap, mapped) }, pointer: mapped }
    return { amounts: { ...ZERO, ...defaultRequests }, pointer: '/resources/requests' }
  })

  const autoScaling = request.resources?.autoScaling
  if (autoScaling?.minReplicas !== undefined && autoScaling.maxReplicas !== undefined && autoScaling.minReplicas > autoScaling.maxReplicas) {
    problems.at('/resources/autoScaling/minReplicas', `resources.autoScaling.minReplicas (${autoScaling.minReplicas}) is larger than maxReplicas (${autoScaling.maxReplicas})`)
  }

  const contextResources = request.context?.resources as RawCapacity | undefined
  const declared = request.resources?.limits
    ? { amounts: parse(request.resources.limits, '/resources/limits'), source: 'resources.limits' }
    : contextResources
      ? { amounts: parse(contextResources, '/context/resources'), source: 'context.resources' }
      : undefined
  // Counting GPUs starts a process: only when a step wants one and no declared capacity says how many.
  const needsGpu = stepRequests.some((r) => r.amounts.gpu > 0) && declared?.amounts?.gpu === undefined
  const machine = options.machineCapacity(needsGpu)
  const limits = declared ? { ...machine, ...declared.amounts } : undefined
  const capacity = limits ?? machine
  const source = declared?.source ?? 'this machine'

  request.workflow.steps.forEach((step, index) => {
    const located = stepRequests[index] as LocatedRequest
    const over: string[] = []
    if (located.amounts.cpu > capacity.cpu) over.push(`cpu ${formatCpu(located.amounts.cpu)} > ${formatCpu(capacity.cpu)}`)
    if (located.amounts.memory > capacity.memory) over.push(`memory ${formatMemory(located.amounts.memory)} > ${formatMemory(capacity.memory)}`)
    if (located.amounts.gpu > capacity.gpu) over.push(`gpu ${located.amounts.gpu} > ${capacity.gpu}`)
    if (over.length > 0) problems.at(located.pointer, `step '${step.id}' requests more than the whole capacity (${source}), so it could never start: ${over.join(', ')}`)
  })
  return { stepRequests: stepRequests.map((r) => r.amounts), ...(limits ? { limits } : {}) }
}

function parseAmounts(spec: RawCapacity, pointer: string, problems: Problems): Partial<ResourceAmounts> {
  const amounts: { cpu?: number; memory?: number; gpu?: number } = {}
  const take = (key: 'cpu' | 'memory' | 'gpu', parsed: Result<number, string>): void => {
    if (parsed.ok) amounts[key] = parsed.value
    else problems.at(`${pointer}/${key}`, parsed.error)
  }
  if (spec.cpu !== undefined) take('cpu', parseCpu(spec.cpu))
  if (spec.memory !== undefined) take('memory', parseMemory(spec.memory))
  if (spec.gpu !== undefined) take('gpu', parseGpu(spec.gpu))
  if (spec.storage !== undefined) {
    const storage = parseMemory(spec.storage, 'storage')
    if (!storage.ok) problems.at(`${pointer}/storage`, storage.error)
  }
  return amounts
}

function checkAlerts(request: RawRequest, problems: Problems): Condition[] {
  const conditions: Condition[] = []
  ;(request.notifications?.alerts ?? []).forEach((alert, index) => {
    const pointer = `/notifications/alerts/${index}/condition`
    const parsed = parseAlertCondition(alert.condition)
    if (parsed.ok) conditions.push(parsed.value)
    else problems.inString(pointer, alert.condition, parsed.error, `alert condition: `)
  })
  return conditions
}

function checkWebhooks(request: RawRequest, problems: Problems): void {
  ;(request.notifications?.webhooks ?? []).forEach((webhook, index) => {
    const pointer = `/notifications/webhooks/${index}/url`
    let url: URL | undefined
    try {
      url = new URL(webhook.url)
    } catch {
      problems.at(pointer, `webhook url ${JSON.stringify(webhook.url)} is not a valid URL`)
      return
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.at(pointer, `webhook url must use http or https, not ${url.protocol}`)
  })
}
