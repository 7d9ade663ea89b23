/**
 * Splits expression text into tokens, each with its offsets in the original text. Follows GitHub's lexer:
 * identifiers may contain `-` (there is no subtraction), numbers may carry a sign, `true`/`false`/`null`
 * are keywords except right after a `.`.
 */
import type { Result } from '../../util/result.js'
import { err, ok } from '../../util/result.js'
import type { ExpressionSyntaxError } from '../conditions.js'

export type TokenKind =
  | 'string'
  | 'number'
  | 'identifier'
  | 'true'
  | 'false'
  | 'null'
  | '('
  | ')'
  | '['
  | ']'
  | ','
  | '.'
  | '*'
  | '!'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '&&'
  | '||'
  | 'end'

export interface Token {
  readonly kind: TokenKind
  /** 0-based offset in the original text. */
  readonly start: number
  readonly end: number
  /** The source text of the token (for identifiers: the name as written). */
  readonly text: string
  /** Decoded value of string and number tokens. */
  readonly value?: string | number
}

const IDENTIFIER_START = /[A-Za-z_]/
const IDENTIFIER_PART = /[A-Za-z0-9_-]/
const DIGIT = /[0-9]/
const HEX_DIGIT = /[0-9A-Fa-f]/
const WHITESPACE = /[ \t\r\n]/

/** Token kinds after which a `.` is member access rather than the start of a number like `.5`. */
const ENDS_OPERAND: ReadonlySet<TokenKind> = new Set<TokenKind>(['identifier', ']', ')', '*'])

const TWO_CHAR_OPERATORS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['==', '=='],
  ['!=', '!='],
  ['<=', '<='],
  ['>=', '>='],
  ['&&', '&&'],
  ['||', '||'],
])

const ONE_CHAR_OPERATORS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['(', '('],
  [')', ')'],
  ['[', '['],
  [']', ']'],
  [',', ','],
  ['*', '*'],
  ['!', '!'],
  ['<', '<'],
  ['>', '>'],
])

/** A single `=`, `&` or `|` is a common slip: say what was probably meant. */
const HALF_OPERATORS: ReadonlyMap<string, string> = new Map([
  ['=', '=='],
  ['&', '&&'],
  ['|', '||'],
])

/**
 * Tokenizes `text` between offsets `from` and `to` (the inside of a `${{ }}` wrapper, or all of it).
 * The last token is always `end`, placed at `to`.
 */
export function tokenize(text: string, from = 0, to = text.length): Result<Token[], ExpressionSyntaxError> {
  const tokens: Token[] = []
  let offset = from
  const at = (i: number): string => (i < to ? (text[i] ?? '') : '')
  const fail = (message: string, position: number): Result<Token[], ExpressionSyntaxError> =>
    err({ message, column: position + 1 })
  const push = (kind: TokenKind, start: number, end: number, value?: string | number): void => {
    tokens.push(value === undefined ? { kind, start, end, text: text.slice(start, end) } : { kind, start, end, text: text.slice(start, end), value })
  }

  while (offset < to) {
    const c = at(offset)
    const start = offset
    if (WHITESPACE.test(c)) {
      offset++
      continue
    }
    if (c === "'") {
      const scanned = scanString(text, start, to)
      if (scanned === null) return fail('unterminated string: a closing single quote is missing', start)
      push('string', start, scanned.end, scanned.value)
      offset = scanned.end
      continue
    }
    const previous = tokens[tokens.length - 1]?.kind
    const startsNumber =
      DIGIT.test(c) ||
      (c === '.' && DIGIT.test(at(offset + 1)) && (previous === undefined || !ENDS_OPERAND.has(previous))) ||
      ((c === '-' || c === '+') && (DIGIT.test(at(offset + 1)) || at(offset + 1) === '.' || text.startsWith('Infinity', offset + 1)))
    if (startsNumber) {
      const scanned = scanNumber(text, start, to)
      if (scanned === null) return fail(`invalid number '${text.slice(start, wordEnd(text, start, to))}'`, start)
      push('number', start, scanned.end, scanned.value)
      offset = scanned.end
      continue
    }
    if (IDENTIFIER_START.test(c)) {
      let end = offset + 1
      while (end < to && IDENTIFIER_PART.test(at(end))) end++
      const word = text.slice(start, end)
      const afterDot = previous === '.'
      if (!afterDot && (word === 'true' || word === 'false' || word === 'null')) push(word, start, end)
      else if (!afterDot && word === 'NaN') push('number', start, end, NaN)
      else if (!afterDot && word === 'Infinity') push('number', start, end, Infinity)
      else push('identifier', start, end)
      offset = end
      continue
    }
    const pair = TWO_CHAR_OPERATORS.get(c + at(offset + 1))
    if (pair !== undefined) {
      push(pair, start, start + 2)
      offset += 2
      continue
    }
    if (c === '.') {
      push('.', start, start + 1)
      offset++
      continue
    }
    const single = ONE_CHAR_OPERATORS.get(c)
    if (single !== undefined) {
      push(single, start, start + 1)
      offset++
      continue
    }
    const meant = HALF_OPERATORS.get(c)
    if (meant !== undefined) return fail(`unexpected '${c}' (did you mean '${meant}'?)`, start)
    if (c === '-' || c === '+') return fail(`unexpected '${c}': expressions have no arithmetic`, start)
    return fail(`unexpected character '${describeChar(text, start)}'`, start)
  }
  push('end', to, to)
  return ok(tokens)
}

/** A `'…'` literal; `''` inside stands for one quote. Null when the closing quote is missing. */
function scanString(text: string, start: number, to: number): { end: number; value: string } | null {
  let value = ''
  let i = start + 1
  while (i < to) {
    const c = text[i] ?? ''
    if (c === "'") {
      if (i + 1 < to && text[i + 1] === "'") {
        value += "'"
        i += 2
        continue
      }
      return { end: i + 1, value }
    }
    value += c
    i++
  }
  return null
}

/** Decimal (with fraction and exponent), hex (`0xff`) or signed `Infinity`; null when malformed. */
function scanNumber(text: string, start: number, to: number): { end: number; value: number } | null {
  let i = start
  let sign = 1
  if (text[i] === '-' || text[i] === '+') {
    sign = text[i] === '-' ? -1 : 1
    i++
  }
  if (text.startsWith('Infinity', i) && i + 8 <= to) {
    const end = i + 8
    return end < to && IDENTIFIER_PART.test(text[end] ?? '') ? null : { end, value: sign * Infinity }
  }
  if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
    let end = i + 2
    while (end < to && HEX_DIGIT.test(text[end] ?? '')) end++
    if (end === i + 2 || (end < to && IDENTIFIER_PART.test(text[end] ?? ''))) return null
    return { end, value: sign * Number.parseInt(text.slice(i + 2, end), 16) }
  }
  let digits = 0
  while (i < to && DIGIT.test(text[i] ?? '')) {
    i++
    digits++
  }
  if (text[i] === '.' && i < to) {
    i++
    while (i < to && DIGIT.test(text[i] ?? '')) {
      i++
      digits++
    }
  }
  if (digits === 0) return null
  if ((text[i] === 'e' || text[i] === 'E') && i < to) {
    i++
    if ((text[i] === '+' || text[i] === '-') && i < to) i++
    const exponentStart = i
    while (i < to && DIGIT.test(text[i] ?? '')) i++
    if (i === exponentStart) return null
  }
  if (i < to && IDENTIFIER_PART.test(text[i] ?? '')) return null
  return { end: i, value: Number(text.slice(start, i)) }
}

function wordEnd(text: string, start: number, to: number): number {
  let end = start + 1
  while (end < to && /[A-Za-z0-9_.+-]/.test(text[end] ?? '')) end++
  return end
}

/** The offending character as a reader would want to see it (control characters escaped). */
function describeChar(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0
  const char = String.fromCodePoint(code)
  return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : char
}
