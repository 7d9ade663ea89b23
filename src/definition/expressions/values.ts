/**
 * GitHub's value rules for expressions: truthiness, number and string coercion, and the loose `==`/`<`
 * comparisons (mismatched kinds compare as numbers, strings compare case-insensitively, NaN never
 * compares, arrays and objects are equal only to themselves).
 */

/** The six kinds of value GitHub's expressions know. */
export type ValueKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object'

/** How an arbitrary JS value reads as an expression value; undefined, functions and the like read as null. */
export function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null'
  switch (typeof value) {
    case 'boolean':
      return 'boolean'
    case 'number':
      return 'number'
    case 'string':
      return 'string'
    case 'object':
      return Array.isArray(value) ? 'array' : 'object'
    default:
      return 'null'
  }
}

const isPrimitiveKind = (kind: ValueKind): boolean => kind !== 'array' && kind !== 'object'

/** Whether a value can be turned into a string or number by GitHub's rules (not an array or object). */
export function isPrimitive(value: unknown): boolean {
  return isPrimitiveKind(kindOf(value))
}

/** GitHub's truthiness: false, 0, -0, NaN, '' and null are falsy; everything else, arrays and objects included, is truthy. */
export function isTruthy(value: unknown): boolean {
  switch (kindOf(value)) {
    case 'null':
      return false
    case 'boolean':
      return value === true
    case 'number':
      return value !== 0 && !Number.isNaN(value)
    case 'string':
      return value !== ''
    case 'array':
    case 'object':
      return true
  }
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const HEXADECIMAL = /^([+-]?)0[xX]([0-9A-Fa-f]+)$/
const SPECIAL = /^[+-]?Infinity$|^NaN$/

/** A string as a number: surrounding whitespace ignored, '' is 0, decimal/exponent/hex accepted, else NaN. */
export function parseNumericString(text: string): number {
  const trimmed = text.trim()
  if (trimmed === '') return 0
  if (DECIMAL.test(trimmed) || SPECIAL.test(trimmed)) return Number(trimmed)
  const hex = HEXADECIMAL.exec(trimmed)
  if (hex) return (hex[1] === '-' ? -1 : 1) * Number.parseInt(hex[2] ?? '', 16)
  return Number.NaN
}

/** GitHub's number coercion: null → 0, true → 1, false → 0, strings parsed, arrays and objects → NaN. */
export function toNumber(value: unknown): number {
  switch (kindOf(value)) {
    case 'null':
      return 0
    case 'boolean':
      return value === true ? 1 : 0
    case 'number':
      return value as number
    case 'string':
      return parseNumericString(value as string)
    case 'array':
    case 'object':
      return Number.NaN
  }
}

/** Numbers print with at most 15 significant digits, as GitHub does (`0.1 + 0.2` would print `0.3`). */
export function formatNumber(value: number): string {
  if (value === 0) return '0'
  if (!Number.isFinite(value)) return String(value)
  return String(Number(value.toPrecision(15)))
}

/** GitHub's string coercion: null → '', booleans and numbers as text, arrays → 'Array', objects → 'Object'. */
export function toExpressionString(value: unknown): string {
  switch (kindOf(value)) {
    case 'null':
      return ''
    case 'boolean':
      return value === true ? 'true' : 'false'
    case 'number':
      return formatNumber(value as number)
    case 'string':
      return value as string
    case 'array':
      return 'Array'
    case 'object':
      return 'Object'
  }
}

/** Strings compare ignoring case, ordinal otherwise. */
export const foldCase = (text: string): string => text.toUpperCase()

/**
 * Brings two values to one kind the way GitHub does before comparing: null and booleans become numbers;
 * a string meeting a number becomes a number; other mismatches stay mismatched (and compare false).
 */
function coercePair(left: unknown, right: unknown): [unknown, unknown] {
  const leftKind = kindOf(left)
  const rightKind = kindOf(right)
  if (leftKind === rightKind) return [left, right]
  if (leftKind === 'null' || leftKind === 'boolean') return coercePair(toNumber(left), right)
  if (rightKind === 'null' || rightKind === 'boolean') return coercePair(left, toNumber(right))
  if ((leftKind === 'number' && rightKind === 'string') || (leftKind === 'string' && rightKind === 'number')) {
    return [toNumber(left), toNumber(right)]
  }
  return [left, right]
}

/** GitHub's `==`. */
export function looseEquals(left: unknown, right: unknown): boolean {
  const [a, b] = coercePair(left, right)
  const kind = kindOf(a)
  if (kind !== kindOf(b)) return false
  switch (kind) {
    case 'null':
      return true
    case 'number':
      return (a as number) === (b as number)
    case 'string':
      return foldCase(a as string) === foldCase(b as string)
    case 'boolean':
      return a === b
    case 'array':
    case 'object':
      return a === b
  }
}

/** -1, 0 or 1 when the two values are ordered by GitHub's rules; null when they do not compare (NaN, mismatched kinds). */
function order(left: unknown, right: unknown): -1 | 0 | 1 | null {
  const [a, b] = coercePair(left, right)
  const kind = kindOf(a)
  if (kind !== kindOf(b)) return null
  switch (kind) {
    case 'number': {
      const x = a as number
      const y = b as number
      if (Number.isNaN(x) || Number.isNaN(y)) return null
      return x < y ? -1 : x > y ? 1 : 0
    }
    case 'string': {
      const x = foldCase(a as string)
      const y = foldCase(b as string)
      return x < y ? -1 : x > y ? 1 : 0
    }
    case 'boolean':
      return a === b ? 0 : a === true ? 1 : -1
    case 'null':
      return 0
    case 'array':
    case 'object':
      return null
  }
}

/** GitHub's `<`, `<=`, `>`, `>=`. */
export function looseCompare(operator: '<' | '<=' | '>' | '>=', left: unknown, right: unknown): boolean {
  const result = order(left, right)
  switch (operator) {
    case '<':
      return result === -1
    case '>':
      return result === 1
    case '<=':
      return result === -1 || looseEquals(left, right)
    case '>=':
      return result === 1 || looseEquals(left, right)
  }
}

/**
 * A value as plain JSON data: undefined and other non-data become null, so `toJSON` and the like never
 * meet a value JSON cannot show. A cycle becomes null rather than looping.
 */
export function toPlainData(value: unknown, ancestors: Set<object> = new Set()): unknown {
  const kind = kindOf(value)
  if (kind !== 'array' && kind !== 'object') return kind === 'null' ? null : value
  const container = value as object
  if (ancestors.has(container)) return null
  ancestors.add(container)
  let copy: unknown
  if (Array.isArray(container)) {
    copy = container.map((item: unknown) => toPlainData(item, ancestors))
  } else {
    const source = container as Readonly<Record<string, unknown>>
    const target: Record<string, unknown> = {}
    // defineProperty, so that a key named `__proto__` (JSON.parse makes those) stays a plain key.
    for (const key of Object.keys(source)) {
      Object.defineProperty(target, key, { value: toPlainData(source[key], ancestors), enumerable: true, writable: true, configurable: true })
    }
    copy = target
  }
  ancestors.delete(container)
  return copy
}
