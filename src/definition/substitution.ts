/**
 * `${{ expr }}` in step fields (SPEC §4). In `environment` and `workingDirectory` a span is replaced by its
 * value as text. In `command` it is replaced by a reference to an environment variable that carries the
 * value (`"$TASK_EXPR_1"`), so that no value is ever read as shell syntax, whatever quotes surround it:
 * GitHub's own hardening advice against script injection, applied automatically.
 */
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'
import { unreachable } from '../util/unreachable.js'
import type { ExpressionSyntaxError } from './conditions.js'
import { CONDITION_ROOTS } from './conditions.js'
import { evaluateExpression } from './expressions/evaluator.js'
import { parseExpression } from './expressions/parser.js'
import type { ShellQuoting } from './expressions/shell-context.js'
import { quotingAt } from './expressions/shell-context.js'
import { kindOf, toExpressionString, toPlainData } from './expressions/values.js'
import type { Shell } from './model.js'

/** One `${{ … }}` in a text. Offsets are 0-based into that text. */
export interface TemplateExpressionSpan {
  /** Offset of the `$` of `${{`. */
  readonly start: number
  /** Offset just past the closing `}}`. */
  readonly end: number
  /** The text between `${{` and `}}`, untrimmed. */
  readonly expression: string
  /**
   * Offset of the expression's first character (`start + 3`). An error at 1-based column `c` of
   * `expression` is at 1-based column `expressionStart + c` of the whole text.
   */
  readonly expressionStart: number
}

/**
 * Gives the value of one span. An error's column is relative to `span.expression` (1-based), as
 * parseExpression(span.expression, …) reports it; substituteText/substituteCommand move it into the text.
 */
export type TemplateEvaluator = (span: TemplateExpressionSpan) => Result<unknown, ExpressionSyntaxError>

export interface SubstitutedCommand {
  /** The command with every `${{ }}` replaced by a reference to `TASK_EXPR_<n>`. */
  readonly command: string
  /** `TASK_EXPR_1`, `TASK_EXPR_2`, … with the values as text: add these to the step's environment. */
  readonly env: Readonly<Record<string, string>>
}

/**
 * Every `${{ … }}` in `text`, in order. The closing `}}` is looked for outside string literals, so
 * `${{ format('{0}}}', x) }}` is one span. A `${{` with no closing `}}` is an error at its column.
 */
export function findTemplateExpressions(text: string): Result<TemplateExpressionSpan[], ExpressionSyntaxError> {
  const spans: TemplateExpressionSpan[] = []
  let from = 0
  for (;;) {
    const start = text.indexOf('${{', from)
    if (start === -1) return ok(spans)
    const expressionStart = start + 3
    const close = closingBraces(text, expressionStart)
    if (close === -1) return err({ message: "'${{' is not closed by '}}'", column: start + 1 })
    spans.push({ start, end: close + 2, expression: text.slice(expressionStart, close), expressionStart })
    from = close + 2
  }
}

/** Offset of the `}}` that ends an expression starting at `from`; -1 if none. */
function closingBraces(text: string, from: number): number {
  let i = from
  while (i < text.length) {
    const c = text[i]
    if (c === '}' && text[i + 1] === '}') return i
    if (c === "'") {
      const endOfString = closingQuote(text, i + 1)
      // An unterminated string: fall back to the first `}}`, and let the parser report the string.
      if (endOfString === -1) return text.indexOf('}}', from)
      i = endOfString + 1
    } else {
      i++
    }
  }
  return -1
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== "'") continue
    if (text[i + 1] === "'") i++
    else return i
  }
  return -1
}

/**
 * Every syntax problem of the `${{ }}` spans in `text` (an unclosed `${{`, or a span that does not parse
 * over `allowedRoots`), each at its 1-based column in `text`: what the validator reports before anything runs.
 */
export function checkTemplateText(text: string, allowedRoots: readonly string[] = CONDITION_ROOTS): ExpressionSyntaxError[] {
  const spans = findTemplateExpressions(text)
  if (!spans.ok) return [spans.error]
  const problems: ExpressionSyntaxError[] = []
  for (const span of spans.value) {
    const parsed = parseExpression(span.expression, { roots: allowedRoots, seedForms: false, statusFunctions: false })
    if (!parsed.ok) problems.push({ message: parsed.error.message, column: span.expressionStart + parsed.error.column })
  }
  return problems
}

/**
 * A value as the text that replaces `${{ }}`: null → '', numbers as GitHub prints them, arrays and objects
 * as compact JSON.
 */
export function templateValueToString(value: unknown): string {
  const kind = kindOf(value)
  // GitHub would print 'Array'/'Object'; a value passed on to a step is more use as JSON.
  return kind === 'array' || kind === 'object' ? JSON.stringify(toPlainData(value)) : toExpressionString(value)
}

/** Replaces each `${{ }}` in `text` by its value as text (environment values, workingDirectory). */
export function substituteText(text: string, evaluate: TemplateEvaluator): Result<string, ExpressionSyntaxError> {
  const spans = findTemplateExpressions(text)
  if (!spans.ok) return spans
  let output = ''
  let copied = 0
  for (const span of spans.value) {
    const value = evaluateSpan(span, evaluate)
    if (!value.ok) return value
    output += text.slice(copied, span.start) + value.value
    copied = span.end
  }
  return ok(output + text.slice(copied))
}

/**
 * Replaces each `${{ }}` in a command by a reference to an environment variable holding its value:
 * `"$TASK_EXPR_n"` where it stands unquoted, `${TASK_EXPR_n}` inside double quotes or an unquoted heredoc,
 * `'"$TASK_EXPR_n"'` inside single quotes (close, reference, reopen). Inside a quoted heredoc, where
 * nothing expands, the value goes in as text unless a line of it would end the heredoc. Inside arithmetic
 * (`$(( ))`, `(( ))`) no form is safe, so a `${{ }}` there is an error.
 * Only bash and sh are supported: for pwsh and python a `${{ }}` in the command is an error that points the
 * user to `environment` instead.
 */
export function substituteCommand(command: string, evaluate: TemplateEvaluator, shell: Shell = 'bash'): Result<SubstitutedCommand, ExpressionSyntaxError> {
  const found = findTemplateExpressions(command)
  if (!found.ok) return found
  const spans = found.value
  const first = spans[0]
  if (first === undefined) return ok({ command, env: {} })
  if (shell === 'pwsh' || shell === 'python') {
    return err({
      message: `'\${{ }}' in a ${shell} command is not supported: put the value in 'environment' and read it from there`,
      column: first.start + 1,
    })
  }
  const quotings = quotingAt(...collapseSpans(command, spans))
  const env: Record<string, string> = {}
  let output = ''
  let copied = 0
  for (const [index, span] of spans.entries()) {
    const value = evaluateSpan(span, evaluate)
    if (!value.ok) return value
    const name = `TASK_EXPR_${index + 1}`
    const quoting = quotings[index] ?? { kind: 'unquoted' }
    const reference = referenceFor(name, value.value, quoting)
    if (!reference.ok) return err({ message: reference.error, column: span.start + 1 })
    if (value.value.includes('\0')) return err({ message: 'the value contains a NUL character, which no environment variable can carry', column: span.start + 1 })
    env[name] = value.value
    output += command.slice(copied, span.start) + reference.value
    copied = span.end
  }
  return ok({ command: output + command.slice(copied), env })
}

/** The command with each span collapsed to one placeholder character, and where those characters are. */
function collapseSpans(command: string, spans: readonly TemplateExpressionSpan[]): [string, number[]] {
  let collapsed = ''
  let copied = 0
  const points: number[] = []
  for (const span of spans) {
    collapsed += command.slice(copied, span.start)
    points.push(collapsed.length)
    collapsed += 'x'
    copied = span.end
  }
  return [collapsed + command.slice(copied), points]
}

function referenceFor(name: string, value: string, quoting: ShellQuoting): Result<string, string> {
  switch (quoting.kind) {
    case 'unquoted':
      return ok(`"$${name}"`)
    case 'double':
      return ok(`\${${name}}`)
    case 'single':
      return ok(`'"$${name}"'`)
    case 'ansi':
      return ok(`'"$${name}"$'`)
    case 'escaped':
      return err("'${{' right after a backslash cannot be substituted safely: remove the backslash")
    case 'arithmetic':
      return err("'${{ }}' inside $(( )) or (( )) is not safe: bash evaluates the value as an expression (a[$(cmd)] runs cmd); assign it to a variable and check it is a number first")
    case 'heredoc': {
      if (!quoting.quoted) return ok(`\${${name}}`)
      const endsHeredoc = value.split('\n').some((line) => (quoting.stripTabs ? line.replace(/^\t+/, '') : line) === quoting.delimiter)
      return endsHeredoc ? err(`the value has a line '${quoting.delimiter}', which would end the heredoc it stands in`) : ok(value)
    }
    default:
      return unreachable(quoting)
  }
}

/** Evaluates one span and turns its value into text; an error's column becomes a column in the whole text. */
function evaluateSpan(span: TemplateExpressionSpan, evaluate: TemplateEvaluator): Result<string, ExpressionSyntaxError> {
  const value = evaluate(span)
  if (!value.ok) return err({ message: value.error.message, column: span.expressionStart + value.error.column })
  return ok(templateValueToString(value.value))
}

/**
 * A TemplateEvaluator over fixed values: each span is parsed with `roots`' keys as the allowed names
 * (default: the condition roots — steps, context, parameters, env, workflow, matrix) and evaluated against
 * them. No status functions or seed forms. Pair it with conditionRootValues(ctx) from conditions.ts.
 */
export function createTemplateEvaluator(
  roots: Readonly<Record<string, unknown>>,
  allowedRoots: readonly string[] = CONDITION_ROOTS,
): TemplateEvaluator {
  return (span) => {
    const parsed = parseExpression(span.expression, { roots: allowedRoots, seedForms: false, statusFunctions: false })
    if (!parsed.ok) return parsed
    return evaluateExpression(parsed.value, roots)
  }
}
