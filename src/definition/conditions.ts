/**
 * Step conditions: the seed's forms (`always`, `on_success(a, b)`, …) and GitHub's expression syntax,
 * one parser for both (expressions/parser.ts), judged by SPEC §4's rules. Alert conditions use the same
 * grammar over other roots (`step.*`, `workflow.*`).
 */
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'
import { unreachable } from '../util/unreachable.js'
import type { ExpressionNode } from './expressions/ast.js'
import type { ExpressionEvaluationError, StatusFunctions } from './expressions/evaluator.js'
import { evaluateExpression } from './expressions/evaluator.js'
import { parseExpression } from './expressions/parser.js'
import { isTruthy } from './expressions/values.js'

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
  /**
   * `steps.<id>` as expressions read it (stepContextValue of each fact), when the caller keeps it up to
   * date itself; otherwise it is built from `steps` on every evaluation, which is O(steps).
   */
  readonly stepValues?: Readonly<Record<string, unknown>>
}

/** The names a step condition may start from. */
export const CONDITION_ROOTS = ['steps', 'context', 'parameters', 'env', 'workflow', 'matrix'] as const

/** The names an alert condition may start from (`step.duration > 600000`). */
export const ALERT_ROOTS = ['step', 'workflow', 'context', 'env'] as const

/**
 * Parses a step condition: `always`, `never`, `on_success(a, b)`, `on_failure(a)`, `on_completion(a)`, or
 * a GitHub expression (optionally inside `${{ }}`) over CONDITION_ROOTS, the seed forms mixed in freely.
 * Unknown names and functions are syntax errors at their column.
 */
export function parseCondition(text: string): Result<Condition, ExpressionSyntaxError> {
  const parsed = parseExpression(text, { roots: CONDITION_ROOTS, seedForms: true, statusFunctions: true })
  if (!parsed.ok) return parsed
  const ast = parsed.value
  return ok({ source: text, stepRefs: collectStepRefs(ast), usesStatusFunction: mentionsStatusFunction(ast), ast })
}

/**
 * Parses an alert condition over ALERT_ROOTS. No status functions or seed forms: an alert is judged
 * while steps run, not on how they ended. `stepRefs` is empty and `usesStatusFunction` false.
 */
export function parseAlertCondition(text: string): Result<Condition, ExpressionSyntaxError> {
  const parsed = parseExpression(text, { roots: ALERT_ROOTS, seedForms: false, statusFunctions: false })
  if (!parsed.ok) return parsed
  return ok({ source: text, stepRefs: [], usesStatusFunction: false, ast: parsed.value })
}

/** What an alert condition sees: `step` (the step being judged), `workflow`, `context`, `env`. */
export interface AlertValues {
  readonly step?: unknown
  readonly workflow?: unknown
  readonly context?: unknown
  readonly env?: unknown
}

/** Whether an alert condition holds; an evaluation error (e.g. bad JSON for fromJSON) counts as false. */
export function evaluateAlertCondition(condition: Condition, values: AlertValues): boolean {
  const ast = astOf(condition)
  if (!ast.ok) return false
  const value = evaluateExpression(ast.value, { ...values })
  return value.ok && isTruthy(value.value)
}

/**
 * Judges a step condition (SPEC §4). A condition without a status function is ANDed with
 * `ctx.dependenciesSatisfied`, as GitHub's `if:` is. An evaluation error (fromJSON of bad JSON, a bad
 * format string) counts as false; evaluateConditionDetailed says what it was.
 */
export function evaluateCondition(condition: Condition, ctx: ConditionContext): boolean {
  const result = evaluateConditionDetailed(condition, ctx)
  return result.ok && result.value
}

/** evaluateCondition, with an evaluation error returned instead of read as false. */
export function evaluateConditionDetailed(condition: Condition, ctx: ConditionContext): Result<boolean, ExpressionEvaluationError> {
  const ast = astOf(condition)
  if (!ast.ok) return ast
  const value = evaluateExpression(ast.value, conditionRootValues(ctx), statusFunctionsFor(ctx))
  if (!value.ok) return value
  const holds = isTruthy(value.value)
  return ok(condition.usesStatusFunction ? holds : holds && ctx.dependenciesSatisfied)
}

/**
 * Whether a step with this condition is cleanup that still runs after a (first) cancel: the condition
 * names `always`, `always()` or `cancelled()` other than under a negation (`!cancelled()` is not cleanup).
 * The engine still evaluates the condition before running it.
 */
export function isCleanupCondition(condition: Condition): boolean {
  const ast = astOf(condition)
  return ast.ok && hasCleanupMarker(ast.value, false)
}

/**
 * The values of the condition roots for `ctx`: `steps.<id>` as stepContextValue, `workflow.name`, and
 * `context`, `parameters`, `env`, `matrix` as given. Also what `${{ }}` in environment, workingDirectory
 * and command should be evaluated against (see createTemplateEvaluator in substitution.ts).
 */
export function conditionRootValues(ctx: ConditionContext): Record<string, unknown> {
  // A step may be called `__proto__`: on a plain object that assignment would set the prototype instead.
  let steps = ctx.stepValues
  if (!steps) {
    const built = Object.create(null) as Record<string, unknown>
    for (const [id, facts] of Object.entries(ctx.steps)) built[id] = stepContextValue(facts)
    steps = built
  }
  return {
    steps,
    context: ctx.context,
    parameters: ctx.parameters,
    env: ctx.env,
    workflow: { name: ctx.workflow.name },
    matrix: ctx.matrix ?? null,
  }
}

/** GitHub's words for how a step ended; null while it has not. */
export type StepConclusion = 'success' | 'failure' | 'skipped' | 'cancelled' | null

/** What `steps.<id>` reads as in an expression. */
export interface StepContextValue {
  readonly status: StepStatus
  /** Before continueOnError, as GitHub's `steps.<id>.outcome`. */
  readonly outcome: StepConclusion
  /** After continueOnError (a tolerated failure is 'success'), as GitHub's `steps.<id>.conclusion`. */
  readonly conclusion: StepConclusion
  readonly outputs: Readonly<Record<string, string>>
  readonly exitCode: number | null
  readonly duration: number | null
  readonly attempts: number
  readonly timedOut: boolean
}

/** How a step's facts read as `steps.<id>` (outcome/conclusion in GitHub's words). */
export function stepContextValue(facts: StepFacts): StepContextValue {
  const outcome = outcomeOf(facts.status)
  const conclusion = outcome === 'failure' && facts.continueOnError ? 'success' : outcome
  return {
    status: facts.status,
    outcome,
    conclusion,
    outputs: facts.outputs,
    exitCode: facts.exitCode,
    duration: facts.duration,
    attempts: facts.attempts,
    timedOut: facts.timedOut,
  }
}

function outcomeOf(status: StepStatus): StepConclusion {
  switch (status) {
    case 'completed':
      return 'success'
    case 'failed':
      return 'failure'
    case 'skipped':
      return 'skipped'
    case 'cancelled':
      return 'cancelled'
    case 'pending':
    case 'running':
      return null
    default:
      return unreachable(status)
  }
}

function statusFunctionsFor(ctx: ConditionContext): StatusFunctions {
  const failed = (facts: StepFacts | undefined): boolean => facts !== undefined && (facts.status === 'failed' || facts.timedOut)
  return {
    success: () => ctx.dependenciesSatisfied,
    failure: () => ctx.upstreamFailed,
    cancelled: () => ctx.cancelled,
    stepSucceeded: (id) => {
      const facts = stepFacts(ctx, id)
      return facts !== undefined && (facts.status === 'completed' || (failed(facts) && facts.continueOnError))
    },
    stepFailed: (id) => failed(stepFacts(ctx, id)),
    stepCompleted: (id) => {
      const facts = stepFacts(ctx, id)
      return facts !== undefined && (facts.status === 'completed' || failed(facts))
    },
  }
}

function stepFacts(ctx: ConditionContext, id: string): StepFacts | undefined {
  return Object.hasOwn(ctx.steps, id) ? ctx.steps[id] : undefined
}

/** The tree inside a Condition; a Condition made elsewhere by hand is refused rather than trusted. */
function astOf(condition: Condition): Result<ExpressionNode, ExpressionEvaluationError> {
  const ast = condition.ast
  if (typeof ast === 'object' && ast !== null && 'kind' in ast && typeof ast.kind === 'string') return ok(ast as ExpressionNode)
  return err({ message: 'the condition was not made by parseCondition', column: 1 })
}

/** Every step an expression names, in source order: on_*(ids), `steps.<id>`, `steps['<id>']`. */
function collectStepRefs(ast: ExpressionNode): StepReference[] {
  const refs: StepReference[] = []
  const stepsRoot = (node: ExpressionNode): boolean => node.kind === 'root' && node.name === 'steps'
  visit(ast, (node) => {
    if (node.kind === 'stepStatusCall') {
      for (const step of node.steps) refs.push({ id: step.id, column: step.start + 1 })
    } else if (node.kind === 'property' && stepsRoot(node.object)) {
      refs.push({ id: node.name, column: node.nameStart + 1 })
    } else if (node.kind === 'index' && stepsRoot(node.object) && node.index.kind === 'literal' && typeof node.index.value === 'string') {
      // Point past the opening quote, at the id itself.
      refs.push({ id: node.index.value, column: node.index.start + 2 })
    }
  })
  return refs.sort((a, b) => a.column - b.column)
}

/** `never` counts too: it replaces the default "dependencies satisfied" rule like a status function does. */
function mentionsStatusFunction(ast: ExpressionNode): boolean {
  let found = false
  visit(ast, (node) => {
    if (node.kind === 'statusCall' || node.kind === 'stepStatusCall' || node.kind === 'keyword') found = true
  })
  return found
}

function hasCleanupMarker(node: ExpressionNode, negated: boolean): boolean {
  switch (node.kind) {
    case 'keyword':
      return !negated && node.keyword === 'always'
    case 'statusCall':
      return !negated && (node.name === 'always' || node.name === 'cancelled')
    case 'not':
      return hasCleanupMarker(node.operand, !negated)
    case 'logical':
    case 'comparison':
      return hasCleanupMarker(node.left, negated) || hasCleanupMarker(node.right, negated)
    case 'call':
      return node.args.some((arg) => hasCleanupMarker(arg, negated))
    case 'property':
    case 'filter':
      return hasCleanupMarker(node.object, negated)
    case 'index':
      return hasCleanupMarker(node.object, negated) || hasCleanupMarker(node.index, negated)
    case 'literal':
    case 'root':
    case 'stepStatusCall':
      return false
    default:
      return unreachable(node)
  }
}

/** Calls `visitor` on every node, parents before children, left to right. */
function visit(node: ExpressionNode, visitor: (node: ExpressionNode) => void): void {
  visitor(node)
  for (const child of childrenOf(node)) visit(child, visitor)
}

function childrenOf(node: ExpressionNode): readonly ExpressionNode[] {
  switch (node.kind) {
    case 'literal':
    case 'root':
    case 'keyword':
    case 'statusCall':
    case 'stepStatusCall':
      return []
    case 'property':
    case 'filter':
      return [node.object]
    case 'index':
      return [node.object, node.index]
    case 'not':
      return [node.operand]
    case 'logical':
    case 'comparison':
      return [node.left, node.right]
    case 'call':
      return node.args
    default:
      return unreachable(node)
  }
}
