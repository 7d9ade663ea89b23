/**
 * Rewrites inside expressions, done on the parsed tree so that only real references are touched (never
 * a `matrix.env` inside a string literal): a matrix value becomes a literal, so the expression keeps
 * going through the engine's safe substitution (SPEC §4) instead of being pasted into a shell command;
 * and `on_success(build)` of a matrix step `build` becomes `on_success(build_a, build_b)`.
 */
import type { ExpressionNode } from './expressions/ast.js'
import { parseExpression } from './expressions/parser.js'
import { printLiteral } from './expressions/printer.js'
import { CONDITION_ROOTS } from './conditions.js'
import { findTemplateExpressions } from './substitution.js'

interface Replacement {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Calls `visit` on `node` and every node below it. */
export function walkExpression(node: ExpressionNode, visit: (node: ExpressionNode) => void): void {
  visit(node)
  switch (node.kind) {
    case 'property':
    case 'filter':
      walkExpression(node.object, visit)
      break
    case 'index':
      walkExpression(node.object, visit)
      walkExpression(node.index, visit)
      break
    case 'not':
      walkExpression(node.operand, visit)
      break
    case 'logical':
    case 'comparison':
      walkExpression(node.left, visit)
      walkExpression(node.right, visit)
      break
    case 'call':
      for (const arg of node.args) walkExpression(arg, visit)
      break
    default:
      break
  }
}

/** An expression text for a value: a literal, or `fromJSON('…')` for lists and objects. */
export function expressionLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return printLiteral(value)
  return `fromJSON(${printLiteral(JSON.stringify(value))})`
}

function parseLoosely(text: string): ExpressionNode | undefined {
  const parsed = parseExpression(text, { roots: CONDITION_ROOTS, seedForms: true, statusFunctions: true })
  return parsed.ok ? parsed.value : undefined
}

function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  let output = text
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) output = output.slice(0, r.start) + r.text + output.slice(r.end)
  return output
}

function matrixReplacements(ast: ExpressionNode, matrix: Readonly<Record<string, unknown>>, base: number): Replacement[] {
  const replacements: Replacement[] = []
  const isMatrixRoot = (node: ExpressionNode): boolean => node.kind === 'root' && node.name.toLowerCase() === 'matrix'
  walkExpression(ast, (node) => {
    let name: string | undefined
    if (node.kind === 'property' && isMatrixRoot(node.object)) name = node.name
    else if (node.kind === 'index' && isMatrixRoot(node.object) && node.index.kind === 'literal' && typeof node.index.value === 'string') name = node.index.value
    if (name === undefined || !Object.hasOwn(matrix, name)) return
    replacements.push({ start: base + node.start, end: base + node.end, text: expressionLiteral(matrix[name]) })
  })
  // A matched node's own children are never matched (a root is not a property), so spans do not nest.
  return replacements
}

/** `matrix.x` references in a whole-text expression (a condition) replaced by their values. */
export function inlineMatrixInExpression(text: string, matrix: Readonly<Record<string, unknown>>): string {
  const ast = parseLoosely(text)
  return ast ? applyReplacements(text, matrixReplacements(ast, matrix, 0)) : text
}

/** `matrix.x` references inside each `${{ }}` of a text (command, environment value, …) replaced by their values. */
export function inlineMatrixInTemplate(text: string, matrix: Readonly<Record<string, unknown>>): string {
  const spans = findTemplateExpressions(text)
  if (!spans.ok) return text
  const replacements: Replacement[] = []
  for (const span of spans.value) {
    const ast = parseLoosely(span.expression)
    if (ast) replacements.push(...matrixReplacements(ast, matrix, span.expressionStart))
  }
  return applyReplacements(text, replacements)
}

/** Step arguments of `on_success(…)` and its kin that name an expanded matrix step, replaced by its expansions. */
export function fanOutStepArguments(text: string, expansions: ReadonlyMap<string, readonly string[]>): string {
  const ast = parseLoosely(text)
  if (!ast) return text
  const replacements: Replacement[] = []
  walkExpression(ast, (node) => {
    if (node.kind !== 'stepStatusCall') return
    for (const step of node.steps) {
      const ids = expansions.get(step.id)
      if (ids) replacements.push({ start: step.start, end: step.end, text: ids.join(', ') })
    }
  })
  return applyReplacements(text, replacements)
}
