/**
 * Parser for GitHub Actions expressions plus the seed's condition forms, in one grammar.
 *
 * We write our own rather than use `@actions/expressions`: conditions mix the seed's forms (`always`,
 * `on_success(a, b)` with bare step ids) into GitHub's syntax, every error must carry its exact column in
 * the user's text, and that package throws on errors where we need them as values.
 *
 * Precedence, loosest first (GitHub's): `||`, `&&`, `==` `!=`, `<` `<=` `>` `>=`, `!`, then `.`, `[]` and
 * calls. Nothing is evaluated here; see evaluator.ts.
 */
import type { Result } from '../../util/result.js'
import { err, ok } from '../../util/result.js'
import type { ExpressionSyntaxError } from '../conditions.js'
import type { ComparisonOperator, ExpressionNode, StepIdArgument } from './ast.js'
import { arityOf, lookupBuiltin, lookupStatusFunction, lookupStepStatusFunction } from './functions.js'
import type { Token, TokenKind } from './lexer.js'
import { tokenize } from './lexer.js'

export interface ParseOptions {
  /** Named values an expression may start from (`steps`, `env`, …); matched case-insensitively. */
  readonly roots: readonly string[]
  /** Accept the seed's `always` / `never` (as a whole condition) and `on_success/on_failure/on_completion(ids)`. Default false. */
  readonly seedForms?: boolean
  /** Accept `success()`, `failure()`, `always()`, `cancelled()`. Default true. */
  readonly statusFunctions?: boolean
}

/** Deeper nesting than this is refused, so hostile input cannot exhaust the stack. */
const MAX_NESTING = 64
/** Longer expressions are refused for the same reason (a chain of `||` nests in the tree). */
const MAX_TOKENS = 4000

const COMPARISON_OPERATORS: ReadonlySet<TokenKind> = new Set<TokenKind>(['<', '<=', '>', '>='])
const EQUALITY_OPERATORS: ReadonlySet<TokenKind> = new Set<TokenKind>(['==', '!='])

/**
 * Parses one expression. A `${{ … }}` around the whole text is accepted; columns in errors and offsets in
 * the tree always refer to `text` as given. Never throws: a syntax error comes back as `{message, column}`
 * with a 1-based column between 1 and `text.length + 1`.
 */
export function parseExpression(text: string, options: ParseOptions): Result<ExpressionNode, ExpressionSyntaxError> {
  const range = expressionRange(text)
  if (!range.ok) return range
  const tokens = tokenize(text, range.value.from, range.value.to)
  if (!tokens.ok) return tokens
  const tooMany = tokens.value[MAX_TOKENS]
  if (tooMany !== undefined) return err({ message: `the expression is too long (more than ${MAX_TOKENS} tokens)`, column: tooMany.start + 1 })
  const parser = new Parser(tokens.value, options)
  return parser.parseWhole()
}

/** The part of `text` holding the expression: inside a `${{ }}` that wraps all of it, else all of it. */
function expressionRange(text: string): Result<{ from: number; to: number }, ExpressionSyntaxError> {
  const from = text.length - text.trimStart().length
  const to = text.trimEnd().length
  if (!text.startsWith('${{', from)) return ok({ from: 0, to: text.length })
  if (to - from < 5 || !text.startsWith('}}', to - 2)) {
    return err({ message: "'${{' is not closed by '}}'", column: from + 1 })
  }
  return ok({ from: from + 3, to: to - 2 })
}

/** Raised inside the parser only, and turned into an error value at its boundary. */
class SyntaxFailure {
  constructor(readonly error: ExpressionSyntaxError) {}
}

class Parser {
  readonly #tokens: readonly Token[]
  readonly #options: ParseOptions
  readonly #roots: ReadonlyMap<string, string>
  #position = 0
  #nesting = 0

  constructor(tokens: readonly Token[], options: ParseOptions) {
    this.#tokens = tokens
    this.#options = options
    this.#roots = new Map(options.roots.map((name) => [name.toLowerCase(), name]))
  }

  parseWhole(): Result<ExpressionNode, ExpressionSyntaxError> {
    try {
      const first = this.#peek()
      if (first.kind === 'end') this.#fail('the expression is empty', first)
      const keyword = this.#wholeConditionKeyword()
      if (keyword) return ok(keyword)
      const node = this.#parseOr()
      const rest = this.#peek()
      if (rest.kind !== 'end') this.#fail(`unexpected ${describe(rest)} after a complete expression`, rest)
      return ok(node)
    } catch (failure: unknown) {
      if (failure instanceof SyntaxFailure) return err(failure.error)
      throw failure
    }
  }

  /** The seed's bare `always` / `never`, which only ever stand alone. */
  #wholeConditionKeyword(): ExpressionNode | null {
    const [first, second] = this.#tokens
    if (!this.#options.seedForms || first?.kind !== 'identifier' || second?.kind !== 'end') return null
    const word = first.text.toLowerCase()
    if (word !== 'always' && word !== 'never') return null
    return { kind: 'keyword', keyword: word, start: first.start, end: first.end }
  }

  #parseOr(): ExpressionNode {
    let left = this.#parseAnd()
    while (this.#peek().kind === '||') {
      this.#advance()
      const right = this.#parseAnd()
      left = { kind: 'logical', operator: '||', left, right, start: left.start, end: right.end }
    }
    return left
  }

  #parseAnd(): ExpressionNode {
    let left = this.#parseEquality()
    while (this.#peek().kind === '&&') {
      this.#advance()
      const right = this.#parseEquality()
      left = { kind: 'logical', operator: '&&', left, right, start: left.start, end: right.end }
    }
    return left
  }

  #parseEquality(): ExpressionNode {
    let left = this.#parseComparison()
    while (EQUALITY_OPERATORS.has(this.#peek().kind)) {
      const operator = this.#advance().kind as ComparisonOperator
      const right = this.#parseComparison()
      left = { kind: 'comparison', operator, left, right, start: left.start, end: right.end }
    }
    return left
  }

  #parseComparison(): ExpressionNode {
    let left = this.#parseUnary()
    while (COMPARISON_OPERATORS.has(this.#peek().kind)) {
      const operator = this.#advance().kind as ComparisonOperator
      const right = this.#parseUnary()
      left = { kind: 'comparison', operator, left, right, start: left.start, end: right.end }
    }
    return left
  }

  #parseUnary(): ExpressionNode {
    const bang = this.#peek()
    if (bang.kind !== '!') return this.#parsePostfix()
    this.#advance()
    const operand = this.#nested(bang, () => this.#parseUnary())
    return { kind: 'not', operand, start: bang.start, end: operand.end }
  }

  #parsePostfix(): ExpressionNode {
    let node = this.#parsePrimary()
    for (;;) {
      const token = this.#peek()
      if (token.kind === '.') {
        this.#advance()
        const name = this.#advance()
        if (name.kind === '*') node = { kind: 'filter', object: node, start: node.start, end: name.end }
        else if (name.kind === 'identifier') {
          node = { kind: 'property', object: node, name: name.text, nameStart: name.start, start: node.start, end: name.end }
        } else this.#fail(`expected a property name after '.', found ${describe(name)}`, name)
      } else if (token.kind === '[') {
        this.#advance()
        const object = node
        if (this.#peek().kind === '*') {
          this.#advance()
          const close = this.#expect(']', token)
          node = { kind: 'filter', object, start: object.start, end: close.end }
        } else {
          const index = this.#nested(token, () => this.#parseOr())
          const close = this.#expect(']', token)
          node = { kind: 'index', object, index, start: object.start, end: close.end }
        }
      } else {
        return node
      }
    }
  }

  #parsePrimary(): ExpressionNode {
    const token = this.#advance()
    switch (token.kind) {
      case 'string':
      case 'number':
        return { kind: 'literal', value: token.value ?? null, start: token.start, end: token.end }
      case 'true':
      case 'false':
        return { kind: 'literal', value: token.kind === 'true', start: token.start, end: token.end }
      case 'null':
        return { kind: 'literal', value: null, start: token.start, end: token.end }
      case '(': {
        const inner = this.#nested(token, () => this.#parseOr())
        this.#expect(')', token)
        return inner
      }
      case 'identifier':
        return this.#peek().kind === '(' ? this.#parseCall(token) : this.#parseName(token)
      case 'end':
        return this.#fail('the expression ends early: an operand is missing', token)
      default:
        return this.#fail(`unexpected ${describe(token)}`, token)
    }
  }

  /** A bare name: one of the allowed roots, or a mistake worth explaining. */
  #parseName(token: Token): ExpressionNode {
    const lower = token.text.toLowerCase()
    const root = this.#roots.get(lower)
    if (root !== undefined) return { kind: 'root', name: root, start: token.start, end: token.end }
    if (this.#options.seedForms && (lower === 'always' || lower === 'never')) {
      const hint = lower === 'always' ? '; inside an expression write always()' : ''
      return this.#fail(`'${token.text}' must be the whole condition${hint}`, token)
    }
    if (lookupStatusFunction(lower) || lookupBuiltin(lower) || lookupStepStatusFunction(lower)) {
      return this.#fail(`'${token.text}' is a function: call it as ${token.text}(…)`, token)
    }
    const allowed = this.#options.roots.length > 0 ? `; expected one of: ${this.#options.roots.join(', ')}` : ''
    return this.#fail(`unknown name '${token.text}'${allowed}`, token)
  }

  #parseCall(name: Token): ExpressionNode {
    const open = this.#advance()
    const builtin = lookupBuiltin(name.text)
    if (builtin !== undefined) {
      const args = this.#nested(open, () => this.#parseArguments(open))
      const close = this.#previous()
      const arity = arityOf(builtin)
      if (args.length < arity.min || args.length > arity.max) {
        const unbounded = arity.max > 100
        const expected = arity.min === arity.max ? `${arity.min}` : unbounded ? `at least ${arity.min}` : `${arity.min} to ${arity.max}`
        const plural = (unbounded ? arity.min : arity.max) === 1 ? '' : 's'
        this.#fail(`${builtin}() takes ${expected} argument${plural}, got ${args.length}`, name)
      }
      return { kind: 'call', name: builtin, args, start: name.start, end: close.end }
    }
    const status = lookupStatusFunction(name.text)
    if (status !== undefined && this.#options.statusFunctions !== false) {
      const close = this.#advance()
      if (close.kind !== ')') this.#fail(`${status}() takes no arguments`, close)
      return { kind: 'statusCall', name: status, start: name.start, end: close.end }
    }
    const stepStatus = lookupStepStatusFunction(name.text)
    if (stepStatus !== undefined && this.#options.seedForms) {
      const steps = this.#parseStepIds(stepStatus, open)
      return { kind: 'stepStatusCall', name: stepStatus, steps, start: name.start, end: this.#previous().end }
    }
    const where = status !== undefined || stepStatus !== undefined ? ' here' : ''
    return this.#fail(`unknown function '${name.text}'${where}`, name)
  }

  /** Comma-separated expressions up to the closing parenthesis (already past the opening one). */
  #parseArguments(open: Token): ExpressionNode[] {
    const args: ExpressionNode[] = []
    if (this.#peek().kind === ')') {
      this.#advance()
      return args
    }
    for (;;) {
      args.push(this.#parseOr())
      const next = this.#advance()
      if (next.kind === ')') return args
      if (next.kind !== ',') this.#fail(`expected ',' or ')' after an argument, found ${describe(next)}`, next, open)
    }
  }

  /** `on_success(a, b-2, c)`: bare step ids only. */
  #parseStepIds(name: string, open: Token): StepIdArgument[] {
    const ids: StepIdArgument[] = []
    for (;;) {
      const id = this.#advance()
      if (id.kind !== 'identifier') {
        const quoted = id.kind === 'string' ? ` (write the id without quotes: ${name}(${String(id.value)}))` : ''
        this.#fail(`${name}() takes step ids, found ${describe(id)}${quoted}`, id, open)
      }
      ids.push({ id: id.text, start: id.start, end: id.end })
      const next = this.#advance()
      if (next.kind === ')') return ids
      if (next.kind !== ',') this.#fail(`expected ',' or ')' after a step id, found ${describe(next)}`, next, open)
    }
  }

  #nested<T>(at: Token, parse: () => T): T {
    if (++this.#nesting > MAX_NESTING) this.#fail(`the expression nests deeper than ${MAX_NESTING} levels`, at)
    const result = parse()
    this.#nesting--
    return result
  }

  #expect(kind: TokenKind, opener: Token): Token {
    const token = this.#advance()
    if (token.kind !== kind) this.#fail(`expected '${kind}' to close the '${opener.text}' at column ${opener.start + 1}, found ${describe(token)}`, token)
    return token
  }

  #peek(): Token {
    return this.#tokens[this.#position] ?? this.#last()
  }

  #previous(): Token {
    return this.#tokens[this.#position - 1] ?? this.#last()
  }

  #advance(): Token {
    const token = this.#peek()
    if (this.#position < this.#tokens.length - 1) this.#position++
    return token
  }

  #last(): Token {
    const last = this.#tokens[this.#tokens.length - 1]
    if (last === undefined) throw new Error('tokenize always ends with an end token')
    return last
  }

  /** Stops parsing with an error at `token`; at the end of input, `opener` (if given) says what was left open. */
  #fail(message: string, token: Token, opener?: Token): never {
    const unclosed = token.kind === 'end' && opener !== undefined ? ` ('${opener.text}' at column ${opener.start + 1} is not closed)` : ''
    throw new SyntaxFailure({ message: message + unclosed, column: token.start + 1 })
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression'
    case 'string':
      return `string ${token.text}`
    case 'number':
      return `number ${token.text}`
    default:
      return `'${token.text}'`
  }
}
