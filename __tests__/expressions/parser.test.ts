import { describe, it, expect } from '@jest/globals'
import { parseExpression } from '../../src/definition/expressions/parser.js'
import { printExpression } from '../../src/definition/expressions/printer.js'
import type { ExpressionNode } from '../../src/definition/expressions/ast.js'

const ROOTS = ['steps', 'context', 'parameters', 'env', 'workflow', 'matrix']
const parse = (text: string) => parseExpression(text, { roots: ROOTS, seedForms: true })

function tree(text: string): ExpressionNode {
  const result = parse(text)
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.message} at ${result.error.column}`)
  return result.value
}

function failure(text: string, options = { roots: ROOTS, seedForms: true }) {
  const result = parseExpression(text, options)
  if (result.ok) throw new Error(`expected ${text} to fail, got ${printExpression(result.value)}`)
  return result.error
}

/** The tree with offsets dropped, printed fully parenthesized: shows how the parser grouped things. */
const grouped = (text: string): string => printExpression(tree(text))

describe('literals', () => {
  it.each([
    ["'it''s'", "it's"],
    ["''", ''],
    ['42', 42],
    ['-9.5', -9.5],
    ['.5', 0.5],
    ['0xff', 255],
    ['-0x10', -16],
    ['2.99e-2', 0.0299],
    ['1E3', 1000],
    ['true', true],
    ['false', false],
    ['null', null],
  ])('reads %s', (text, value) => {
    expect(tree(text)).toMatchObject({ kind: 'literal', value })
  })

  it('reads NaN and Infinity as numbers', () => {
    expect(tree('NaN')).toMatchObject({ kind: 'literal', value: NaN })
    expect(tree('-Infinity')).toMatchObject({ kind: 'literal', value: -Infinity })
  })

  it('keeps offsets of each node in the given text', () => {
    expect(tree("  'ab'  ")).toMatchObject({ start: 2, end: 6 })
    const node = tree('env.HOME == 3')
    expect(node).toMatchObject({ kind: 'comparison', start: 0, end: 13, left: { kind: 'property', nameStart: 4 }, right: { start: 12 } })
  })
})

describe('paths', () => {
  it('reads property, index and filter access', () => {
    expect(tree("steps.build.outputs['x']")).toMatchObject({
      kind: 'index',
      object: { kind: 'property', name: 'outputs', object: { kind: 'property', name: 'build', object: { kind: 'root', name: 'steps' } } },
      index: { kind: 'literal', value: 'x' },
    })
    expect(tree('context.items[0]')).toMatchObject({ kind: 'index', index: { value: 0 } })
    expect(tree('context.items.*.name')).toMatchObject({ kind: 'property', name: 'name', object: { kind: 'filter' } })
    expect(tree('context.items[*]')).toMatchObject({ kind: 'filter' })
  })

  it('accepts ids with dashes and keywords as property names', () => {
    expect(tree('steps.deploy-prod.outputs.true')).toMatchObject({ kind: 'property', name: 'true', object: { object: { name: 'deploy-prod' } } })
  })

  it('matches roots case-insensitively and keeps the canonical spelling', () => {
    expect(tree('ENV.x')).toMatchObject({ object: { kind: 'root', name: 'env' } })
  })

  it('allows a path on a function result', () => {
    expect(tree("fromJSON(env.X).a[1]")).toMatchObject({ kind: 'index', object: { kind: 'property', object: { kind: 'call', name: 'fromJSON' } } })
  })
})

describe('operators and precedence', () => {
  it.each([
    ['env.a || env.b && env.c', '(env.a || (env.b && env.c))'],
    ['env.a && env.b || env.c', '((env.a && env.b) || env.c)'],
    ['env.a == env.b && env.c != env.d', '((env.a == env.b) && (env.c != env.d))'],
    ['env.a < 1 == env.b >= 2', '((env.a < 1) == (env.b >= 2))'],
    ['!env.a == env.b', '(!env.a == env.b)'],
    ['!(env.a == env.b)', '!(env.a == env.b)'],
    ['env.a || env.b || env.c', '((env.a || env.b) || env.c)'],
    ['1 < 2 < 3', '((1 < 2) < 3)'],
    ['!!env.a', '!!env.a'],
    ['(env.a || env.b) && env.c', '((env.a || env.b) && env.c)'],
    ['env.a<=env.b', '(env.a <= env.b)'],
    ['env.a>env.b', '(env.a > env.b)'],
  ])('groups %s as %s', (text, expected) => {
    expect(grouped(text)).toBe(expected)
  })

  it('ignores whitespace and newlines between tokens', () => {
    expect(grouped("env.a\n  &&\tenv.b")).toBe('(env.a && env.b)')
  })
})

describe('functions', () => {
  it('matches names case-insensitively and stores the canonical one', () => {
    expect(tree("CONTAINS('abc', 'b')")).toMatchObject({ kind: 'call', name: 'contains' })
    expect(tree("startswith('abc', 'a')")).toMatchObject({ kind: 'call', name: 'startsWith' })
    expect(tree("FromJson('{}')")).toMatchObject({ kind: 'call', name: 'fromJSON' })
    expect(tree('Success()')).toMatchObject({ kind: 'statusCall', name: 'success' })
    expect(tree('ALWAYS()')).toMatchObject({ kind: 'statusCall', name: 'always' })
  })

  it('parses every builtin', () => {
    for (const text of ["contains('a', 'b')", "startsWith('a', 'b')", "endsWith('a', 'b')", "fromJSON('1')", 'toJSON(env)', "format('{0}', 1, 2)", 'join(context.x)', "join(context.x, '-')"]) {
      expect(parse(text).ok).toBe(true)
    }
    for (const text of ['success()', 'failure()', 'always()', 'cancelled()']) expect(tree(text).kind).toBe('statusCall')
  })

  it('checks the number of arguments, at the function name', () => {
    expect(failure("env.a && contains('a')")).toEqual({ message: 'contains() takes 2 arguments, got 1', column: 10 })
    expect(failure('format()')).toMatchObject({ message: 'format() takes at least 1 argument, got 0', column: 1 })
    expect(failure("join(1, 2, 3)")).toMatchObject({ message: 'join() takes 1 to 2 arguments, got 3', column: 1 })
    expect(failure('success(1)')).toMatchObject({ message: 'success() takes no arguments', column: 9 })
  })

  it('rejects unknown functions at their column', () => {
    expect(failure("env.a == hashFiles('x')")).toMatchObject({ message: "unknown function 'hashFiles'", column: 10 })
  })

  it('rejects status functions where the caller disallows them', () => {
    expect(failure('success()', { roots: ['step'], seedForms: false, statusFunctions: false } as never)).toMatchObject({ column: 1 })
  })
})

describe('seed forms', () => {
  it('reads bare always and never as whole conditions', () => {
    expect(tree('always')).toMatchObject({ kind: 'keyword', keyword: 'always' })
    expect(tree('  never ')).toMatchObject({ kind: 'keyword', keyword: 'never', start: 2 })
    expect(tree('${{ always }}')).toMatchObject({ kind: 'keyword', keyword: 'always' })
  })

  it('refuses bare always inside a larger expression', () => {
    expect(failure('always && env.a')).toMatchObject({ message: "'always' must be the whole condition; inside an expression write always()", column: 1 })
  })

  it('reads on_success/on_failure/on_completion with bare step ids and their offsets', () => {
    expect(tree('on_success(test, security_scan)')).toMatchObject({
      kind: 'stepStatusCall',
      name: 'on_success',
      steps: [
        { id: 'test', start: 11 },
        { id: 'security_scan', start: 17 },
      ],
    })
    expect(tree('on_failure(deploy-prod)')).toMatchObject({ name: 'on_failure', steps: [{ id: 'deploy-prod' }] })
    expect(tree('on_completion(a,b,c)')).toMatchObject({ name: 'on_completion', steps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] })
  })

  it('mixes seed forms with expressions', () => {
    expect(grouped("on_success(test) && context.environment == 'production'")).toBe("(on_success(test) && (context.environment == 'production'))")
    expect(grouped('!on_failure(a) || always()')).toBe('(!on_failure(a) || always())')
  })

  it('rejects a step id that is not a bare name, at the argument', () => {
    expect(failure("on_success('test')")).toMatchObject({ column: 12, message: expect.stringContaining('write the id without quotes') })
    expect(failure('on_success()')).toMatchObject({ column: 12 })
    expect(failure('on_success(a b)')).toMatchObject({ column: 14 })
  })

  it('rejects seed forms when the caller did not ask for them', () => {
    expect(failure('on_success(a)', { roots: ROOTS, seedForms: false })).toMatchObject({ message: "unknown function 'on_success' here", column: 1 })
    expect(failure('always', { roots: ROOTS, seedForms: false })).toMatchObject({ column: 1 })
  })
})

describe('the ${{ }} wrapper', () => {
  it('accepts it around the whole text and keeps columns in the original text', () => {
    expect(tree('${{ env.a }}')).toMatchObject({ kind: 'property', start: 4 })
    expect(failure('${{ env.a && }}')).toMatchObject({ column: 14 })
    expect(failure('  ${{ nope }}')).toMatchObject({ message: expect.stringContaining("unknown name 'nope'"), column: 7 })
  })

  it('reports an unclosed wrapper at its start', () => {
    expect(failure('${{ env.a')).toEqual({ message: "'${{' is not closed by '}}'", column: 1 })
  })
})

describe('syntax errors carry the column of the fault', () => {
  it.each([
    ['', 1, 'the expression is empty'],
    ['   ', 4, 'the expression is empty'],
    ['env.a &&', 9, 'the expression ends early'],
    ["env.a == 'x", 10, 'unterminated string'],
    ['env.a = 1', 7, "did you mean '=='"],
    ['env.a & env.b', 7, "did you mean '&&'"],
    ['env.a | env.b', 7, "did you mean '||'"],
    ['foo.bar', 1, "unknown name 'foo'"],
    ['env.a == bogus', 10, "unknown name 'bogus'"],
    ['(env.a', 7, "expected ')'"],
    ['env.a)', 6, "unexpected ')'"],
    ['env.[0]', 5, 'expected a property name'],
    ['env.a[1', 8, "expected ']'"],
    ['1abc', 1, 'invalid number'],
    ['0x', 1, 'invalid number'],
    ['1e', 1, 'invalid number'],
    ['env.a - 1', 7, 'no arithmetic'],
    ['env.a # x', 7, "unexpected character '#'"],
    ['env.a env.b', 7, 'after a complete expression'],
    ['success', 1, 'is a function'],
    ["contains('a', 'b'", 18, "expected ',' or ')'"],
    ['env.a ==', 9, 'an operand is missing'],
  ])('%j fails at column %d', (text, column, message) => {
    const error = failure(text)
    expect(error.column).toBe(column)
    expect(error.message).toContain(message)
  })

  it('refuses nesting deep enough to threaten the stack', () => {
    expect(failure('('.repeat(200) + 'env.a' + ')'.repeat(200)).message).toContain('nests deeper')
    expect(failure('!'.repeat(500) + 'env.a').message).toContain('nests deeper')
  })

  it('refuses absurdly long expressions', () => {
    expect(failure(Array.from({ length: 3000 }, () => 'env.a').join(' || ')).message).toContain('too long')
  })
})
