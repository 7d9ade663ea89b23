/**
 * Template expansion (SPEC §8), for any workflow: `${{ parameters.x }}` and `${{ matrix.x }}` resolved
 * where the engine will not resolve them (ids, names, descriptions, numbers, lists), and each step with a
 * `matrix` turned into one step per combination of values (`deploy` → `deploy_staging`,
 * `deploy_production`), with dependencies, conditions' `on_*(…)`, `workflow.resources` and
 * `workflow.parallel` fanned out to the expansions.
 *
 * In `command`, `rollback`, `condition`, `environment` and `workingDirectory` a `${{ }}` stays in place
 * for the engine's own substitution, which for commands passes values through environment variables so
 * no value is ever read as shell syntax; only `matrix.x` inside it becomes a literal, since the engine
 * knows no matrix.
 */
import type { ExpressionSyntaxError } from './conditions.js'
import { fanOutStepArguments, inlineMatrixInExpression, inlineMatrixInTemplate } from './inline-expressions.js'
import type { Locator, Mount } from './locator.js'
import type { ParameterProblem } from './parameters.js'
import { isRecord } from './parameters.js'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'
import { createTemplateEvaluator, findTemplateExpressions, substituteText } from './substitution.js'

/** Step fields whose `${{ }}` the engine evaluates when the step starts. */
const RUNTIME_FIELDS: ReadonlySet<string> = new Set(['command', 'rollback', 'condition', 'environment', 'workingDirectory'])
const EXPANSION_ROOTS = ['parameters', 'matrix']

export interface Expansion {
  readonly document: Record<string, unknown>
  readonly locator: Locator
  readonly problems: readonly ParameterProblem[]
}

type Combination = Readonly<Record<string, unknown>>

interface ExpandedStep {
  readonly id: unknown
  readonly combination?: Combination
}

/** Expands `document.workflow`; anything malformed is left as it is for the schema check to report. */
export function expandWorkflow(document: Record<string, unknown>, parameters: Readonly<Record<string, unknown>>, locator: Locator): Expansion {
  const workflow = document.workflow
  if (!isRecord(workflow)) return { document, locator, problems: [] }
  const problems: ParameterProblem[] = []
  const { parameters: _declarations, steps, dependencies, ...rest } = workflow
  const substitute = (value: unknown, pointer: string, matrix?: Combination): unknown =>
    substituteValue(value, pointer, { parameters, matrix: matrix ?? null }, problems)

  const workflowFields = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, substitute(value, `/workflow/${escape(key)}`)])
  )
  const expandedSteps: unknown[] = []
  const origins: number[] = []
  const expansions = new Map<string, ExpandedStep[]>()
  if (Array.isArray(steps)) {
    steps.forEach((step: unknown, index) => {
      for (const expanded of expandStep(step, `/workflow/steps/${index}`, parameters, problems, expansions)) {
        expandedSteps.push(expanded)
        origins.push(index)
      }
    })
  }
  const expandedIds = new Map([...expansions].map(([id, list]) => [id, list.map((e) => String(e.id))]))
  const finalSteps = expandedIds.size === 0 ? expandedSteps : expandedSteps.map((step) => fanOutCondition(step, expandedIds))

  const dependencyOrigins: number[] = []
  const finalDependencies: unknown[] = []
  if (Array.isArray(dependencies)) {
    dependencies.forEach((dependency: unknown, index) => {
      const substituted = substitute(dependency, `/workflow/dependencies/${index}`)
      for (const fanned of fanOutDependency(substituted, expansions)) {
        finalDependencies.push(fanned)
        dependencyOrigins.push(index)
      }
    })
  }

  const newWorkflow: Record<string, unknown> = {
    ...fanOutWorkflowFields(workflowFields, expandedIds),
    ...(steps !== undefined ? { steps: Array.isArray(steps) ? finalSteps : substitute(steps, '/workflow/steps') } : {}),
    ...(dependencies !== undefined ? { dependencies: Array.isArray(dependencies) ? finalDependencies : dependencies } : {}),
  }
  const mounts = [...remount(locator, '/workflow/steps', origins), ...remount(locator, '/workflow/dependencies', dependencyOrigins)]
  return { document: { ...document, workflow: newWorkflow }, locator: locator.with(...mounts), problems }
}

/** Each new item's pointer leads to the pointer of the item it came from. */
function remount(locator: Locator, base: string, origins: readonly number[]): Mount[] {
  if (origins.every((origin, index) => origin === index)) return []
  const mounts: Mount[] = []
  origins.forEach((origin, index) => {
    const resolved = locator.resolve(`${base}/${origin}`)
    if (resolved) mounts.push({ prefix: `${base}/${index}`, map: resolved.map, target: resolved.pointer })
  })
  return mounts
}

function expandStep(
  step: unknown,
  pointer: string,
  parameters: Readonly<Record<string, unknown>>,
  problems: ParameterProblem[],
  expansions: Map<string, ExpandedStep[]>
): unknown[] {
  if (!isRecord(step)) return [step]
  const roots = (matrix: Combination | null) => ({ parameters, matrix })
  const substituteFields = (matrix: Combination | null): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(step)
        .filter(([key]) => key !== 'matrix')
        .map(([key, value]) => [
          key,
          RUNTIME_FIELDS.has(key) ? (matrix ? inlineMatrix(key, value, matrix) : value) : substituteValue(value, `${pointer}/${escape(key)}`, roots(matrix), problems),
        ])
    )
  if (step.matrix === undefined) return [substituteFields(null)]

  const matrix = substituteValue(step.matrix, `${pointer}/matrix`, roots(null), problems)
  // Not a mapping: left for the schema check. A mapping with a bad list: reported here, once.
  if (!isRecord(matrix)) return [{ ...substituteFields(null), matrix }]
  const combinations = matrixCombinations(matrix, `${pointer}/matrix`, problems)
  if (!combinations) return [substituteFields(null)]
  const results: Record<string, unknown>[] = []
  const list: ExpandedStep[] = []
  for (const combination of combinations) {
    const fields = substituteFields(combination)
    const id = typeof fields.id === 'string' ? `${fields.id}_${combinationSuffix(combination)}` : fields.id
    results.push({ ...fields, id })
    list.push({ id, combination })
  }
  if (typeof step.id === 'string') expansions.set(step.id, list)
  return results
}

/** Every combination of the matrix's values, in the order written; undefined (with a problem) if malformed. */
function matrixCombinations(matrix: Readonly<Record<string, unknown>>, pointer: string, problems: ParameterProblem[]): Combination[] | undefined {
  let combinations: Record<string, unknown>[] = [{}]
  for (const [name, values] of Object.entries(matrix)) {
    if (!Array.isArray(values)) {
      problems.push({ message: `matrix '${name}' must be a list, got ${typeof values === 'string' ? JSON.stringify(values) : values === null ? 'null' : typeof values}`, pointer: `${pointer}/${escape(name)}`, part: 'value' })
      return undefined
    }
    if (values.length === 0) {
      problems.push({ message: `matrix '${name}' is an empty list: the step would not run at all`, pointer: `${pointer}/${escape(name)}`, part: 'value' })
      return undefined
    }
    combinations = combinations.flatMap((combination) => values.map((value: unknown) => ({ ...combination, [name]: value })))
  }
  return combinations
}

/** `{env: 'staging', node: 20}` → `staging_20`, keeping only characters a step id may hold. */
function combinationSuffix(combination: Combination): string {
  return Object.values(combination)
    .map((value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)).replace(/[^A-Za-z0-9_-]/g, '_'))
    .join('_')
}

function inlineMatrix(key: string, value: unknown, matrix: Combination): unknown {
  if (key === 'condition' && typeof value === 'string') return inlineMatrixInExpression(value, matrix)
  if (typeof value === 'string') return inlineMatrixInTemplate(value, matrix)
  if (key === 'environment' && isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, text]) => [name, typeof text === 'string' ? inlineMatrixInTemplate(text, matrix) : text]))
  }
  return value
}

function fanOutCondition(step: unknown, expandedIds: ReadonlyMap<string, readonly string[]>): unknown {
  if (!isRecord(step) || typeof step.condition !== 'string') return step
  return { ...step, condition: fanOutStepArguments(step.condition, expandedIds) }
}

/** A dependency on a matrix step applies to each expansion; two matrix steps pair on shared values. */
function fanOutDependency(dependency: unknown, expansions: ReadonlyMap<string, readonly ExpandedStep[]>): unknown[] {
  if (!isRecord(dependency) || typeof dependency.from !== 'string' || typeof dependency.to !== 'string') return [dependency]
  if (!expansions.has(dependency.from) && !expansions.has(dependency.to)) return [dependency]
  const froms = expansions.get(dependency.from) ?? [{ id: dependency.from }]
  const tos = expansions.get(dependency.to) ?? [{ id: dependency.to }]
  const pairs: unknown[] = []
  for (const from of froms) {
    for (const to of tos) {
      if (from.combination && to.combination && !agree(from.combination, to.combination)) continue
      pairs.push({ ...dependency, from: from.id, to: to.id })
    }
  }
  return pairs
}

function agree(a: Combination, b: Combination): boolean {
  return Object.keys(a).every((key) => !Object.hasOwn(b, key) || JSON.stringify(a[key]) === JSON.stringify(b[key]))
}

function fanOutWorkflowFields(fields: Record<string, unknown>, expandedIds: ReadonlyMap<string, readonly string[]>): Record<string, unknown> {
  if (expandedIds.size === 0) return fields
  const result = { ...fields }
  if (isRecord(fields.resources)) {
    result.resources = Object.fromEntries(Object.entries(fields.resources).flatMap(([id, requests]) => (expandedIds.get(id) ?? [id]).map((newId) => [newId, requests])))
  }
  if (Array.isArray(fields.parallel)) {
    result.parallel = fields.parallel.flatMap((id: unknown): unknown[] => (typeof id === 'string' ? [...(expandedIds.get(id) ?? [id])] : [id]))
  }
  return result
}

/**
 * Resolves `${{ }}` in a value made of parameters and matrix values: a string that is one `${{ }}` takes
 * the value's own type (a list for `matrix`, a number for `timeout`); otherwise values are put in as text.
 */
function substituteValue(value: unknown, pointer: string, roots: Readonly<Record<string, unknown>>, problems: ParameterProblem[]): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${{')) return value
    const resolved = substituteString(value, roots)
    if (resolved.ok) return resolved.value
    problems.push({ message: `${resolved.error.message} (only parameters.* and matrix.* can be used here)`, pointer, part: 'value' })
    return value
  }
  if (Array.isArray(value)) return value.map((item: unknown, index) => substituteValue(item, `${pointer}/${index}`, roots, problems))
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteValue(item, `${pointer}/${escape(key)}`, roots, problems)]))
  }
  return value
}

function substituteString(text: string, roots: Readonly<Record<string, unknown>>): Result<unknown, ExpressionSyntaxError> {
  const evaluate = createTemplateEvaluator(roots, EXPANSION_ROOTS)
  const spans = findTemplateExpressions(text)
  if (!spans.ok) return spans
  const only = spans.value[0]
  if (spans.value.length === 1 && only && only.start === 0 && only.end === text.length) {
    const value = evaluate(only)
    return value.ok ? ok(value.value) : err({ message: value.error.message, column: only.expressionStart + value.error.column })
  }
  return substituteText(text, evaluate)
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
