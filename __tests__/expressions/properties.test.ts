import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { parseExpression } from '../../src/definition/expressions/parser.js'
import { evaluateExpression } from '../../src/definition/expressions/evaluator.js'
import type { StatusFunctions } from '../../src/definition/expressions/evaluator.js'
import { printExpression } from '../../src/definition/expressions/printer.js'
import type { BuiltinFunctionName, ExpressionNode } from '../../src/definition/expressions/ast.js'
import { parseCondition } from '../../src/definition/conditions.js'
import { findTemplateExpressions } from '../../src/definition/substitution.js'

const ROOTS = ['steps', 'context', 'env']
const OPTIONS = { roots: ROOTS, seedForms: true }

/** The parser's contract on any input: a tree, or an error whose column lies within the text (or just past it). */
function expectTreeOrLocatedError(text: string): void {
  const result = parseExpression(text, OPTIONS)
  if (result.ok) {
    expect(result.value.start).toBeGreaterThanOrEqual(0)
    expect(result.value.end).toBeLessThanOrEqual(text.length)
    return
  }
  expect(typeof result.error.message).toBe('string')
  expect(result.error.message.length).toBeGreaterThan(0)
  expect(Number.isInteger(result.error.column)).toBe(true)
  expect(result.error.column).toBeGreaterThanOrEqual(1)
  expect(result.error.column).toBeLessThanOrEqual(text.length + 1)
}

/** Pieces of the grammar (and of mistakes), so random sequences come close to valid expressions. */
const FRAGMENTS = [
  'env', 'context', 'steps', 'github', 'a', 'build-1', '_x', '.', '*', '[', ']', '(', ')', ',', '!', '==', '!=', '<', '<=', '>',
  '>=', '&&', '||', '=', '&', '|', '-', '+', "'s'", "'it''s'", "'", "''", '0', '1.5', '-2', '0x1F', '1e3', '.5', 'NaN', 'Infinity',
  'true', 'false', 'null', 'contains', 'format', 'fromJSON', 'toJSON', 'join', 'startsWith', 'success', 'failure', 'always',
  'never', 'cancelled', 'on_success', 'on_failure', 'on_completion', '${{', '}}', ' ', '\t', '\n', '#', '$', '"', '\\', 'é',
]

describe('the parser never throws', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), expectTreeOrLocatedError), { numRuns: 1000 })
  })

  it('on random token sequences', () => {
    const sequence = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 }).map((parts) => parts.join(''))
    const spaced = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 }).map((parts) => parts.join(' '))
    fc.assert(fc.property(fc.oneof(sequence, spaced), expectTreeOrLocatedError), { numRuns: 2000 })
  })

  it('nor does parseCondition or findTemplateExpressions', () => {
    const sequence = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(sequence, fc.string({ maxLength: 40 })), (text) => {
        const condition = parseCondition(text)
        if (!condition.ok) expect(condition.error.column).toBeLessThanOrEqual(text.length + 1)
        else for (const ref of condition.value.stepRefs) if (!ref.id.includes("'")) expect(text.slice(ref.column - 1).startsWith(ref.id)).toBe(true)
        const spans = findTemplateExpressions(text)
        if (spans.ok) for (const span of spans.value) expect(text.slice(span.start, span.end)).toBe(`\${{${span.expression}}}`)
        else expect(spans.error.column).toBeLessThanOrEqual(text.length)
      }),
      { numRuns: 1000 },
    )
  })
})

// --- printing and reparsing random trees ----------------------------------------------------------

const at = { start: 0, end: 0 }
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,5}$/)
const literal: fc.Arbitrary<ExpressionNode> = fc
  .oneof(fc.string({ maxLength: 8 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null))
  .map((value): ExpressionNode => ({ kind: 'literal', value, ...at }))
const root: fc.Arbitrary<ExpressionNode> = fc.constantFrom(...ROOTS).map((name): ExpressionNode => ({ kind: 'root', name, ...at }))

const ARITY: Readonly<Record<BuiltinFunctionName, readonly [number, number]>> = {
  contains: [2, 2],
  startsWith: [2, 2],
  endsWith: [2, 2],
  fromJSON: [1, 1],
  toJSON: [1, 1],
  format: [1, 4],
  join: [1, 2],
}

const { tree } = fc.letrec<{ tree: ExpressionNode }>((tie) => {
  const child = tie('tree')
  return {
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      root,
      fc.record({ object: child, name: fc.oneof(identifier, fc.string({ maxLength: 4 })) }).map(({ object, name }): ExpressionNode => ({ kind: 'property', object, name, nameStart: 0, ...at })),
      fc.record({ object: child, index: child }).map(({ object, index }): ExpressionNode => ({ kind: 'index', object, index, ...at })),
      child.map((object): ExpressionNode => ({ kind: 'filter', object, ...at })),
      child.map((operand): ExpressionNode => ({ kind: 'not', operand, ...at })),
      fc.record({ operator: fc.constantFrom('&&' as const, '||' as const), left: child, right: child }).map((node): ExpressionNode => ({ kind: 'logical', ...node, ...at })),
      fc
        .record({ operator: fc.constantFrom('==' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const), left: child, right: child })
        .map((node): ExpressionNode => ({ kind: 'comparison', ...node, ...at })),
      fc
        .constantFrom(...(Object.keys(ARITY) as BuiltinFunctionName[]))
        .chain((name) => fc.array(child, { minLength: ARITY[name][0], maxLength: ARITY[name][1] }).map((args): ExpressionNode => ({ kind: 'call', name, args, ...at }))),
      fc.constantFrom('success' as const, 'failure' as const, 'always' as const, 'cancelled' as const).map((name): ExpressionNode => ({ kind: 'statusCall', name, ...at })),
      fc
        .record({ name: fc.constantFrom('on_success' as const, 'on_failure' as const, 'on_completion' as const), ids: fc.array(identifier, { minLength: 1, maxLength: 3 }) })
        .map(({ name, ids }): ExpressionNode => ({ kind: 'stepStatusCall', name, steps: ids.map((id) => ({ id, ...at })), ...at })),
    ),
  }
})

const data = {
  steps: { build: { status: 'completed', outputs: { json: '{"a":[1,2]}', 'x-y': 'z' } } },
  context: { list: [1, 'a', { b: 2 }], nested: { k: ['v'] }, n: 0, s: 'S', t: true },
  env: { HOME: '/h', EMPTY: '' },
}
const status: StatusFunctions = {
  success: () => true,
  failure: () => false,
  cancelled: () => false,
  stepSucceeded: (id) => id.length % 2 === 0,
  stepFailed: (id) => id.startsWith('a'),
  stepCompleted: (id) => id !== 'x',
}

/** The value, or just the message of an evaluation error (its column is the only thing printing may move). */
function outcome(node: ExpressionNode): unknown {
  const result = evaluateExpression(node, data, status)
  return result.ok ? { value: result.value } : { error: result.error.message }
}

describe('printing and reparsing', () => {
  it('gives the same value for a random tree', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const printed = printExpression(node)
        const reparsed = parseExpression(printed, OPTIONS)
        if (!reparsed.ok) throw new Error(`${printed} did not parse: ${reparsed.error.message} at ${reparsed.error.column}`)
        expect(outcome(reparsed.value)).toEqual(outcome(node))
        // Printing is a fixed point after one round.
        expect(printExpression(reparsed.value)).toBe(printed)
      }),
      { numRuns: 1500 },
    )
  })

  it('keeps the whole-condition keywords', () => {
    for (const keyword of ['always', 'never']) {
      const parsed = parseExpression(keyword, OPTIONS)
      expect(parsed.ok && printExpression(parsed.value)).toBe(keyword)
    }
  })
})
