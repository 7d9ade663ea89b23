/**
 * Expressions built to exhaust the orchestrator: deep nesting, long chains, values nested thousands
 * deep from untrusted step outputs, and format() amplification. Each is a located syntax error or an
 * evaluation error, promptly — never a stack overflow or an out-of-memory crash of the orchestrator.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { evaluateConditionDetailed, parseCondition } from '../../src/definition/conditions.js'
import type { ConditionContext, StepFacts } from '../../src/definition/conditions.js'
import { createTemplateEvaluator, substituteCommand } from '../../src/definition/substitution.js'

const deepJson = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)

function contextWith(outputs: Record<string, string>): ConditionContext {
  const producer: StepFacts = { status: 'completed', outputs, exitCode: 0, duration: 1, attempts: 1, continueOnError: false, timedOut: false }
  return {
    steps: { producer },
    context: {},
    parameters: {},
    env: {},
    workflow: { name: 'limits' },
    dependenciesSatisfied: true,
    upstreamFailed: false,
    cancelled: false,
  }
}

/** Parses and evaluates, turning any exception into a test failure with its message. */
function judge(text: string, ctx: ConditionContext): { syntax?: string; evaluation?: string; value?: boolean } {
  const started = performance.now()
  const parsed = parseCondition(text)
  if (!parsed.ok) {
    expect(parsed.error.column).toBeGreaterThanOrEqual(1)
    return { syntax: parsed.error.message }
  }
  const evaluated = evaluateConditionDetailed(parsed.value, ctx)
  expect(performance.now() - started).toBeLessThan(5000)
  return evaluated.ok ? { value: evaluated.value } : { evaluation: evaluated.error.message }
}

describe('expressions that would exhaust the orchestrator', () => {
  it.each([
    ['parentheses 3,000 deep', `${'('.repeat(3000)}true${')'.repeat(3000)}`],
    ['3,000 negations', `${'!'.repeat(3000)}true`],
    ['a chain of 5,000 calls', Array.from({ length: 5000 }, () => 'success()').join(' && ')],
    ['indexes 2,000 deep', `context${'[0]'.repeat(2000)} == 1`],
  ])('%s: a located syntax error', (_name, text) => {
    expect(judge(text, contextWith({})).syntax).toMatch(/deeper|too long/)
  })

  it('a step output nested 100,000 deep read with fromJSON is an evaluation error, not a stack overflow', () => {
    const ctx = contextWith({ x: deepJson(100_000) })
    expect(judge("toJSON(fromJSON(steps.producer.outputs.x)) != ''", ctx).evaluation).toMatch(/nests deeper than 64/)
    expect(judge('fromJSON(steps.producer.outputs.x)[0] == 1', ctx).evaluation).toMatch(/nests deeper/)
  })

  it('the same value substituted into a command is a clean error', () => {
    const evaluate = createTemplateEvaluator({ steps: { producer: { outputs: { x: deepJson(50_000) } } }, context: {}, parameters: {}, env: {}, workflow: { name: 'w' }, matrix: null })
    const substituted = substituteCommand('echo ${{ toJSON(fromJSON(steps.producer.outputs.x)) }}', evaluate)
    expect(substituted.ok).toBe(false)
  })

  it('JSON nested 64 deep is still read', () => {
    expect(judge(`toJSON(fromJSON('${deepJson(64)}')) != ''`, contextWith({})).value).toBe(true)
  })

  it('format() nested to multiply its text stops at 10 MiB instead of exhausting memory', () => {
    const eight = `'${'{0}'.repeat(8)}'`
    let text = `'${'x'.repeat(100)}'`
    for (let i = 0; i < 10; i++) text = `format(${eight}, ${text})`
    expect(judge(`${text} != ''`, contextWith({})).evaluation).toMatch(/longer than/)
  })

  it('random values in step outputs through fromJSON/toJSON never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ depthSize: 'large' }), fc.string(), fc.constantFrom(deepJson(5000), '{"__proto__":{"polluted":1}}', '1e999', '"\\ud800"')), (output) => {
        judge("toJSON(fromJSON(steps.producer.outputs.x)) != '' || true", contextWith({ x: output }))
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
      }),
      { numRuns: 300 },
    )
  })
})
