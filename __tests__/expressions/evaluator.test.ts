import { describe, it, expect } from '@jest/globals'
import { parseExpression } from '../../src/definition/expressions/parser.js'
import { evaluateExpression } from '../../src/definition/expressions/evaluator.js'
import type { StatusFunctions } from '../../src/definition/expressions/evaluator.js'
import { isTruthy, looseEquals, toNumber } from '../../src/definition/expressions/values.js'

const data = {
  context: {
    environment: 'production',
    count: 3,
    flag: true,
    nothing: null,
    list: ['a', 'B', 3],
    users: [
      { name: 'ann', roles: ['admin'] },
      { name: 'bob', roles: ['dev', 'ops'] },
      { nick: 'x' },
    ],
    nested: { Deep: { value: 7 } },
    json: '{"a": [1, 2, {"b": "c"}]}',
  },
  env: { HOME: '/home/me', EMPTY: '' },
}

function run(text: string, status?: StatusFunctions): unknown {
  const parsed = parseExpression(text, { roots: [...Object.keys(data), 'matrix'], seedForms: true })
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.error.message} at ${parsed.error.column}`)
  const result = evaluateExpression(parsed.value, data, status)
  if (!result.ok) throw new Error(`evaluation failed: ${result.error.message}`)
  return result.value
}

function evaluationError(text: string) {
  const parsed = parseExpression(text, { roots: Object.keys(data) })
  if (!parsed.ok) throw new Error(parsed.error.message)
  const result = evaluateExpression(parsed.value, data)
  if (result.ok) throw new Error(`expected ${text} to fail, got ${JSON.stringify(result.value)}`)
  return result.error
}

describe('truthiness (GitHub rules)', () => {
  it.each([
    [false, false],
    [0, false],
    [-0, false],
    [NaN, false],
    ['', false],
    [null, false],
    [undefined, false],
    [true, true],
    [1, true],
    [-1, true],
    ['0', true],
    ['false', true],
    [[], true],
    [{}, true],
  ])('isTruthy(%p) is %p', (value, expected) => {
    expect(isTruthy(value)).toBe(expected)
  })
})

describe('coercion to numbers', () => {
  it.each([
    [null, 0],
    [true, 1],
    [false, 0],
    ['', 0],
    ['  12 ', 12],
    ['0x1F', 31],
    ['1e3', 1000],
    ['-2.5', -2.5],
    ['abc', NaN],
    ['1,000', NaN],
    [[], NaN],
    [{}, NaN],
  ])('toNumber(%p) is %p', (value, expected) => {
    expect(toNumber(value)).toEqual(expected)
  })
})

describe('== and != coerce loosely', () => {
  it.each([
    ["'abc' == 'ABC'", true],
    ["'abc' != 'ABD'", true],
    ["1 == '1'", true],
    ["'1.0' == 1", true],
    ["'' == 0", true],
    ['null == 0', true],
    ["null == ''", true],
    ['null == null', true],
    ['null == false', true],
    ['true == 1', true],
    ["true == '1'", true],
    ["true == 'true'", false],
    ["false == '0'", true],
    ['NaN == NaN', false],
    ['NaN != NaN', true],
    ["context.list == context.list", true],
    ["context.list == fromJSON('[\"a\",\"B\",3]')", false],
    ["context.nested == 'Object'", false],
    ['context.missing == null', true],
    ["context.environment == 'PRODUCTION'", true],
  ])('%s is %p', (text, expected) => {
    expect(run(text)).toBe(expected)
  })

  it('looseEquals is symmetric on mixed kinds', () => {
    expect(looseEquals('2', 2)).toBe(looseEquals(2, '2'))
    expect(looseEquals(null, '')).toBe(true)
  })
})

describe('ordering comparisons', () => {
  it.each([
    ['1 < 2', true],
    ['2 <= 2', true],
    ["'10' > 9", true],
    ["'a' < 'B'", true],
    ["'B' < 'a'", false],
    ["'abc' >= 'ABC'", true],
    ['true > false', true],
    ['null < 1', true],
    ["'x' < 1", false],
    ["'x' >= 1", false],
    ['NaN < 1', false],
    ['NaN >= NaN', false],
    ['context.list > 0', false],
    ['context.count > 2', true],
  ])('%s is %p', (text, expected) => {
    expect(run(text)).toBe(expected)
  })
})

describe('logical operators yield operands', () => {
  it.each([
    ["context.environment && 'yes'", 'yes'],
    ["context.nothing && 'yes'", null],
    ["'' || 'fallback'", 'fallback'],
    ["context.count || 'fallback'", 3],
    ['0 || null', null],
    ['!context.nothing', true],
    ['!context.list', false],
    ['!!context.count', true],
  ])('%s is %p', (text, expected) => {
    expect(run(text)).toEqual(expected)
  })

  it('does not evaluate the right side once the left decides', () => {
    // fromJSON of bad JSON would be an error if it ran.
    expect(run("false && fromJSON('not json')")).toBe(false)
    expect(run("true || fromJSON('not json')")).toBe(true)
  })
})

describe('property access', () => {
  it('reads nested values by dot and index', () => {
    expect(run('context.users[1].name')).toBe('bob')
    expect(run("context['environment']")).toBe('production')
    expect(run('context.list[2]')).toBe(3)
    expect(run("context.list['1']")).toBe('B')
    expect(run('context.list[1.7]')).toBe('B')
  })

  it('gives null for anything missing, never an error', () => {
    expect(run('context.missing.deeper[3].x')).toBeNull()
    expect(run('context.list[10]')).toBeNull()
    expect(run('context.list[-1]')).toBeNull()
    expect(run('context.count.x')).toBeNull()
    expect(run('context.environment[0]')).toBeNull()
    expect(run('context.list.length')).toBeNull()
    expect(run('matrix.x')).toBeNull()
  })

  it('never reaches the prototype', () => {
    expect(run('context.constructor')).toBeNull()
    expect(run("context['__proto__']")).toBeNull()
    expect(run('context.toString')).toBeNull()
    expect(run('context.list.map')).toBeNull()
  })

  it('ignores case when no exact key exists', () => {
    expect(run('context.NESTED.deep.VALUE')).toBe(7)
    expect(run('env.home')).toBe('/home/me')
  })

  it('filters with .* and [*], mapping later access over the elements', () => {
    expect(run('context.users.*.name')).toEqual(['ann', 'bob'])
    expect(run('context.users[*].roles[0]')).toEqual(['admin', 'dev'])
    expect(run('context.users.*.roles.*')).toEqual(['admin', 'dev', 'ops'])
    expect(run('context.nested.*.value')).toEqual([7])
    expect(run('context.count.*')).toEqual([])
    expect(run("contains(context.users.*.name, 'BOB')")).toBe(true)
  })
})

describe('functions', () => {
  it.each([
    ["contains('Hello world', 'WORLD')", true],
    ["contains('abc', 'd')", false],
    ["contains(context.list, 'b')", true],
    ['contains(context.list, 3)', true],
    ["contains(context.list, '3')", true],
    ["contains(context.list, 'c')", false],
    ["contains(context.nested, 'Deep')", false],
    ['contains(123, 2)', true],
    ["contains(null, '')", true],
    ["startsWith('Hello', 'he')", true],
    ["startsWith('Hello', 'lo')", false],
    ["endsWith('Hello', 'LO')", true],
    ["endsWith(context.list, 'x')", false],
    ['startsWith(12.5, 12)', true],
    ["join(context.list, ', ')", 'a, B, 3'],
    ['join(context.list)', 'a,B,3'],
    ["join('single')", 'single'],
    ['join(context.nested)', ''],
    ["format('{0} and {1}', 'a', 2)", 'a and 2'],
    ["format('{{0}} is {0}', 'x')", '{0} is x'],
    ["format('{1}{0}{1}', 'a', 'b')", 'bab'],
    ["format('}}{{')", '}{'],
    ["format('{0}', null)", ''],
    ["format('{0}', 0.1)", '0.1'],
    ['toJSON(context.nested)', '{\n  "Deep": {\n    "value": 7\n  }\n}'],
    ["toJSON('a')", '"a"'],
    ['toJSON(context.missing)', 'null'],
    ['fromJSON(context.json).a[2].b', 'c'],
    ["fromJSON('true')", true],
    ["fromJSON('12')", 12],
    ["fromJSON(' null ')", null],
  ])('%s is %p', (text, expected) => {
    expect(run(text)).toEqual(expected)
  })

  it('reports bad JSON and bad format strings at the call', () => {
    expect(evaluationError("env.HOME && fromJSON('{oops')")).toMatchObject({ column: 13, message: expect.stringContaining('fromJSON: not valid JSON') })
    expect(evaluationError("fromJSON('')")).toMatchObject({ column: 1, message: 'fromJSON: the text is empty' })
    expect(evaluationError("format('{1}', 'a')")).toMatchObject({ column: 1, message: expect.stringContaining('refers to argument {1}') })
    expect(evaluationError("format('{x}', 'a')")).toMatchObject({ message: expect.stringContaining('invalid format string') })
    expect(evaluationError("format('a } b')")).toMatchObject({ message: expect.stringContaining("lone '}'") })
    expect(evaluationError("format('{0', 1)")).toMatchObject({ message: expect.stringContaining('invalid format string') })
  })

  it('makes fromJSON data that cannot escape into the prototype', () => {
    expect(run(`toJSON(fromJSON('{"__proto__": {"x": 1}}'))`)).toBe('{\n  "__proto__": {\n    "x": 1\n  }\n}')
  })

  it('prints numbers with at most 15 significant digits, as GitHub does', () => {
    expect(run("format('{0}', 0.30000000000000004)")).toBe('0.3')
    expect(run("format('{0}', -0)")).toBe('0')
    expect(run("format('{0}', 1e21)")).toBe('1e+21')
    expect(run("format('{0}{1}', true, context.list)")).toBe('trueArray')
  })
})

describe('status functions', () => {
  const status: StatusFunctions = {
    success: () => true,
    failure: () => false,
    cancelled: () => true,
    stepSucceeded: (id) => id === 'ok' || id === 'ok2',
    stepFailed: (id) => id === 'bad',
    stepCompleted: (id) => id !== 'pending',
  }

  it('asks the caller for the run state', () => {
    expect(run('success()', status)).toBe(true)
    expect(run('failure()', status)).toBe(false)
    expect(run('cancelled()', status)).toBe(true)
    expect(run('always()', status)).toBe(true)
    expect(run('always')).toBe(true)
    expect(run('never')).toBe(false)
  })

  it('on_success needs every step, on_failure any step, on_completion every step', () => {
    expect(run('on_success(ok, ok2)', status)).toBe(true)
    expect(run('on_success(ok, bad)', status)).toBe(false)
    expect(run('on_failure(ok, bad)', status)).toBe(true)
    expect(run('on_failure(ok, ok2)', status)).toBe(false)
    expect(run('on_completion(ok, bad)', status)).toBe(true)
    expect(run('on_completion(ok, pending)', status)).toBe(false)
  })

  it('is an evaluation error when no run state is given', () => {
    const parsed = parseExpression('env.HOME && success()', { roots: ['env'] })
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(evaluateExpression(parsed.value, data)).toEqual({ ok: false, error: { message: 'success() has no meaning here', column: 13 } })
  })
})
