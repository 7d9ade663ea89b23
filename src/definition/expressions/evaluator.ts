/**
 * Evaluates a parsed expression against plain JS data, with GitHub's semantics: a missing property is
 * null (never an error), `&&`/`||` yield one of their operands, comparisons coerce loosely, and `.*` /
 * `[*]` make filtered arrays that later property accesses map over.
 */
import type { Result } from '../../util/result.js'
import { err, ok } from '../../util/result.js'
import { unreachable } from '../../util/unreachable.js'
import type { ExpressionNode, StatusFunctionName } from './ast.js'
import { callBuiltin } from './functions.js'
import { isPrimitive, isTruthy, kindOf, looseCompare, looseEquals, toExpressionString, toNumber } from './values.js'

/** Where the run's state answers the status functions. Absent: any status function is an evaluation error. */
export interface StatusFunctions {
  /** `success()`. */
  success(): boolean
  /** `failure()`. */
  failure(): boolean
  /** `cancelled()`. */
  cancelled(): boolean
  /** One id of `on_success(…)`: the step completed, or failed with continueOnError. */
  stepSucceeded(id: string): boolean
  /** One id of `on_failure(…)`: the step failed (a timeout included). */
  stepFailed(id: string): boolean
  /** One id of `on_completion(…)`: the step completed or failed. */
  stepCompleted(id: string): boolean
}

/** A failure while evaluating (invalid JSON for fromJSON, a bad format string): the column of the call at fault. */
export interface ExpressionEvaluationError {
  readonly message: string
  /** 1-based column in the parsed text. */
  readonly column: number
}

/** Raised inside the evaluator only, and turned into an error value at its boundary. */
class EvaluationFailure {
  constructor(readonly error: ExpressionEvaluationError) {}
}

/**
 * Evaluates `ast` with `roots` as the named values (`{ steps: …, env: … }`; a root absent here is null).
 * Returns the expression's JS value (null, boolean, number, string, array or object). Never throws.
 */
export function evaluateExpression(
  ast: ExpressionNode,
  roots: Readonly<Record<string, unknown>>,
  statusFunctions?: StatusFunctions,
): Result<unknown, ExpressionEvaluationError> {
  try {
    return ok(new Evaluation(roots, statusFunctions).evaluate(ast))
  } catch (failure: unknown) {
    if (failure instanceof EvaluationFailure) return err(failure.error)
    throw failure
  }
}

class Evaluation {
  readonly #roots: Readonly<Record<string, unknown>>
  readonly #status: StatusFunctions | undefined
  /** Arrays made by `*`: a property access on one of them applies to each element. */
  readonly #filtered = new WeakSet<readonly unknown[]>()

  constructor(roots: Readonly<Record<string, unknown>>, status: StatusFunctions | undefined) {
    this.#roots = roots
    this.#status = status
  }

  evaluate(node: ExpressionNode): unknown {
    switch (node.kind) {
      case 'literal':
        return node.value
      case 'keyword':
        return node.keyword === 'always'
      case 'root':
        return readProperty(this.#roots, node.name) ?? null
      case 'property':
        return this.#access(this.evaluate(node.object), node.name)
      case 'index': {
        const object = this.evaluate(node.object)
        return this.#access(object, this.evaluate(node.index))
      }
      case 'filter':
        return this.#filter(this.evaluate(node.object))
      case 'not':
        return !isTruthy(this.evaluate(node.operand))
      case 'logical': {
        const left = this.evaluate(node.left)
        const decided = node.operator === '&&' ? !isTruthy(left) : isTruthy(left)
        return decided ? left : this.evaluate(node.right)
      }
      case 'comparison': {
        const left = this.evaluate(node.left)
        const right = this.evaluate(node.right)
        const operator = node.operator
        switch (operator) {
          case '==':
            return looseEquals(left, right)
          case '!=':
            return !looseEquals(left, right)
          case '<':
          case '<=':
          case '>':
          case '>=':
            return looseCompare(operator, left, right)
          default:
            return unreachable(operator)
        }
      }
      case 'call': {
        const result = callBuiltin(
          node.name,
          node.args.map((arg) => this.evaluate(arg)),
        )
        if (!result.ok) throw new EvaluationFailure({ message: result.error, column: node.start + 1 })
        return result.value
      }
      case 'statusCall':
        return node.name === 'always' ? true : this.#statusOf(node.name, node.start)
      case 'stepStatusCall': {
        const status = this.#requireStatus(node.name, node.start)
        const ids = node.steps.map((step) => step.id)
        const name = node.name
        switch (name) {
          case 'on_success':
            return ids.every((id) => status.stepSucceeded(id))
          case 'on_failure':
            return ids.some((id) => status.stepFailed(id))
          case 'on_completion':
            return ids.every((id) => status.stepCompleted(id))
          default:
            return unreachable(name)
        }
      }
      default:
        return unreachable(node)
    }
  }

  #statusOf(name: Exclude<StatusFunctionName, 'always'>, start: number): boolean {
    const status = this.#requireStatus(name, start)
    switch (name) {
      case 'success':
        return status.success()
      case 'failure':
        return status.failure()
      case 'cancelled':
        return status.cancelled()
      default:
        return unreachable(name)
    }
  }

  #requireStatus(name: string, start: number): StatusFunctions {
    if (this.#status === undefined) throw new EvaluationFailure({ message: `${name}() has no meaning here`, column: start + 1 })
    return this.#status
  }

  /** `object.key` / `object[key]`: null when there is nothing there; mapped over a filtered array. */
  #access(object: unknown, key: unknown): unknown {
    if (!Array.isArray(object) || !this.#filtered.has(object)) return accessOne(object, key) ?? null
    const mapped: unknown[] = []
    for (const item of object as readonly unknown[]) {
      const value = accessOne(item, key)
      if (value !== undefined) mapped.push(value)
    }
    return this.#markFiltered(mapped)
  }

  /** `object.*`: the values of an object or array; over a filtered array, the values of each element. */
  #filter(object: unknown): unknown[] {
    if (Array.isArray(object) && this.#filtered.has(object)) {
      return this.#markFiltered((object as readonly unknown[]).flatMap((item) => valuesOf(item)))
    }
    return this.#markFiltered(valuesOf(object))
  }

  #markFiltered(values: unknown[]): unknown[] {
    this.#filtered.add(values)
    return values
  }
}

function valuesOf(value: unknown): unknown[] {
  switch (kindOf(value)) {
    case 'array':
      return [...(value as readonly unknown[])]
    case 'object':
      return Object.keys(value as object).map((key) => readProperty(value as Readonly<Record<string, unknown>>, key) ?? null)
    default:
      return []
  }
}

/** One property or element, or undefined when absent. Only own properties count. */
function accessOne(object: unknown, key: unknown): unknown {
  if (!isPrimitive(key)) return undefined
  switch (kindOf(object)) {
    case 'object':
      return readProperty(object as Readonly<Record<string, unknown>>, toExpressionString(key))
    case 'array': {
      const index = toNumber(key)
      return Number.isFinite(index) && index >= 0 ? (object as readonly unknown[])[Math.floor(index)] : undefined
    }
    default:
      return undefined
  }
}

/**
 * An own property by exact name, else by a case-insensitive match (GitHub's lookups ignore case); undefined
 * when absent. Never the prototype's: `context.constructor` is null, not a function.
 */
function readProperty(object: Readonly<Record<string, unknown>>, name: string): unknown {
  const folded = name.toLowerCase()
  const key = Object.hasOwn(object, name) ? name : Object.keys(object).find((candidate) => candidate.toLowerCase() === folded)
  const value = key === undefined ? undefined : object[key]
  return value
}
