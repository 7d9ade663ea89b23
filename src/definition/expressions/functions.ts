/**
 * The functions an expression may call: their names (matched case-insensitively, as GitHub does), how many
 * arguments each takes, and the pure ones' behaviour. Status functions get their value from the caller.
 */
import type { Result } from '../../util/result.js'
import { err, ok } from '../../util/result.js'
import { unreachable } from '../../util/unreachable.js'
import type { BuiltinFunctionName, StatusFunctionName, StepStatusFunctionName } from './ast.js'
import { isPrimitive, kindOf, looseEquals, toExpressionString, toPlainData } from './values.js'

/** The least and most arguments a function accepts. */
export interface FunctionArity {
  readonly min: number
  readonly max: number
}

const BUILTIN_ARITY: Readonly<Record<BuiltinFunctionName, FunctionArity>> = {
  contains: { min: 2, max: 2 },
  startsWith: { min: 2, max: 2 },
  endsWith: { min: 2, max: 2 },
  fromJSON: { min: 1, max: 1 },
  toJSON: { min: 1, max: 1 },
  format: { min: 1, max: 255 },
  join: { min: 1, max: 2 },
}

const byLowerCase = <T extends string>(names: readonly T[]): ReadonlyMap<string, T> =>
  new Map(names.map((name) => [name.toLowerCase(), name]))

const BUILTINS = byLowerCase(Object.keys(BUILTIN_ARITY) as BuiltinFunctionName[])
const STATUS_FUNCTIONS = byLowerCase<StatusFunctionName>(['success', 'failure', 'always', 'cancelled'])
const STEP_STATUS_FUNCTIONS = byLowerCase<StepStatusFunctionName>(['on_success', 'on_failure', 'on_completion'])

/** The canonical name of a builtin function spelled in any case, or undefined. */
export const lookupBuiltin = (name: string): BuiltinFunctionName | undefined => BUILTINS.get(name.toLowerCase())
/** The canonical name of `success`/`failure`/`always`/`cancelled` spelled in any case, or undefined. */
export const lookupStatusFunction = (name: string): StatusFunctionName | undefined => STATUS_FUNCTIONS.get(name.toLowerCase())
/** The canonical name of `on_success`/`on_failure`/`on_completion` spelled in any case, or undefined. */
export const lookupStepStatusFunction = (name: string): StepStatusFunctionName | undefined =>
  STEP_STATUS_FUNCTIONS.get(name.toLowerCase())

/** How many arguments a builtin accepts (checked when parsing, so evaluation never meets a wrong count). */
export const arityOf = (name: BuiltinFunctionName): FunctionArity => BUILTIN_ARITY[name]

/** Calls a builtin on evaluated arguments. An expected failure (bad JSON, bad format string) is a message. */
export function callBuiltin(name: BuiltinFunctionName, args: readonly unknown[]): Result<unknown, string> {
  const [first, second] = args
  switch (name) {
    case 'contains':
      return ok(contains(first, second))
    case 'startsWith':
      return ok(isPrimitive(first) && isPrimitive(second) && foldedString(first).startsWith(foldedString(second)))
    case 'endsWith':
      return ok(isPrimitive(first) && isPrimitive(second) && foldedString(first).endsWith(foldedString(second)))
    case 'fromJSON':
      return fromJSON(toExpressionString(first))
    case 'toJSON':
      return ok(JSON.stringify(toPlainData(first), null, 2))
    case 'format':
      return format(toExpressionString(first), args.slice(1))
    case 'join':
      return ok(join(first, second))
    default:
      return unreachable(name)
  }
}

const foldedString = (value: unknown): string => toExpressionString(value).toLowerCase()

/** In an array: some element `==` the item; in a primitive: a case-insensitive substring. */
function contains(search: unknown, item: unknown): boolean {
  if (kindOf(search) === 'array') return (search as readonly unknown[]).some((element) => looseEquals(item, element))
  if (isPrimitive(search) && isPrimitive(item)) return foldedString(search).includes(foldedString(item))
  return false
}

/**
 * As deep as a definition file may nest (the loader's limit): fromJSON reads step outputs, which anyone
 * who controls a step's output writes, and every later walk of the value (toJSON, masking, the state
 * file) recurses, so a value nested thousands deep would overflow the orchestrator's stack.
 */
const MAX_JSON_DEPTH = 64

function fromJSON(text: string): Result<unknown, string> {
  if (text.trim() === '') return err('fromJSON: the text is empty')
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error)
    return err(`fromJSON: not valid JSON (${reason})`)
  }
  return nestsDeeperThan(value, MAX_JSON_DEPTH) ? err(`fromJSON: the value nests deeper than ${MAX_JSON_DEPTH} levels`) : ok(value)
}

/** Iterative, so that measuring a deep value cannot itself overflow the stack. */
function nestsDeeperThan(root: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[root, 0]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, depth] = next
    if (value === null || typeof value !== 'object') continue
    if (depth >= limit) return true
    for (const child of Object.values(value)) pending.push([child, depth + 1])
  }
  return false
}

/** An array's items as strings joined by the separator (default ','); a primitive as its own string. */
function join(items: unknown, separator: unknown): string {
  if (isPrimitive(items)) return toExpressionString(items)
  if (kindOf(items) !== 'array') return ''
  const glue = separator !== undefined && isPrimitive(separator) ? toExpressionString(separator) : ','
  return (items as readonly unknown[]).map(toExpressionString).join(glue)
}

/**
 * Longest text format() builds: nested calls multiply their pattern's length (eight `{0}` seven deep turn
 * 100 characters into 200 MB), and past V8's string limit the orchestrator itself would throw.
 */
const MAX_FORMAT_LENGTH = 10 * 1024 * 1024

/** `{0}`…`{N}` replaced by the arguments as strings; `{{` and `}}` stand for literal braces. */
function format(pattern: string, values: readonly unknown[]): Result<string, string> {
  let output = ''
  let i = 0
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === '{' && pattern[i + 1] === '{') {
      output += '{'
      i += 2
    } else if (c === '}' && pattern[i + 1] === '}') {
      output += '}'
      i += 2
    } else if (c === '{') {
      const placeholder = /^\{(\d+)\}/.exec(pattern.slice(i))
      if (placeholder === null) return err(`format: invalid format string '${pattern}'`)
      const index = Number(placeholder[1])
      if (index >= values.length) return err(`format: '${pattern}' refers to argument {${index}} but only ${values.length} were given`)
      const text = toExpressionString(values[index])
      if (output.length + text.length > MAX_FORMAT_LENGTH) return err(`format: the result would be longer than ${MAX_FORMAT_LENGTH} characters`)
      output += text
      i += placeholder[0].length
    } else if (c === '}') {
      return err(`format: invalid format string '${pattern}' (a lone '}' must be written '}}')`)
    } else {
      output += c
      i++
    }
  }
  return ok(output)
}
