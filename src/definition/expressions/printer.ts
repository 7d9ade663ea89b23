/**
 * Prints a parsed expression back as text that parses to the same tree (up to grouping). Binary
 * operations are always parenthesized, so the output never depends on precedence rules.
 */
import { unreachable } from '../../util/unreachable.js'
import type { ExpressionNode, LiteralValue } from './ast.js'

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/

/** Canonical text for `node`; `parseExpression(printExpression(node))` evaluates to the same value. */
export function printExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case 'literal':
      return printLiteral(node.value)
    case 'keyword':
      return node.keyword
    case 'root':
      return node.name
    case 'property':
      return IDENTIFIER.test(node.name)
        ? `${printOperand(node.object)}.${node.name}`
        : `${printOperand(node.object)}[${printLiteral(node.name)}]`
    case 'index':
      return `${printOperand(node.object)}[${printExpression(node.index)}]`
    case 'filter':
      return `${printOperand(node.object)}.*`
    case 'not':
      return `!${printExpression(node.operand)}`
    case 'logical':
    case 'comparison':
      return `(${printExpression(node.left)} ${node.operator} ${printExpression(node.right)})`
    case 'call':
      return `${node.name}(${node.args.map(printExpression).join(', ')})`
    case 'statusCall':
      return `${node.name}()`
    case 'stepStatusCall':
      return `${node.name}(${node.steps.map((step) => step.id).join(', ')})`
    default:
      return unreachable(node)
  }
}

/**
 * A node that a `.` or `[` applies to: a literal gets parentheses so its `.` is not read as a decimal
 * point, and a negation so the postfix does not bind to its operand instead.
 */
function printOperand(node: ExpressionNode): string {
  return node.kind === 'literal' || node.kind === 'not' ? `(${printExpression(node)})` : printExpression(node)
}

/** A literal as the lexer reads it back, -0 and the non-finite numbers included. */
export function printLiteral(value: LiteralValue): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value)
  return String(value)
}
