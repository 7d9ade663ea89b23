import { describe, it, expect } from '@jest/globals'
import {
  conditionRootValues,
  evaluateAlertCondition,
  evaluateCondition,
  evaluateConditionDetailed,
  isCleanupCondition,
  parseAlertCondition,
  parseCondition,
  stepContextValue,
} from '../../src/definition/conditions.js'
import type { Condition, ConditionContext, StepFacts } from '../../src/definition/conditions.js'

function condition(text: string): Condition {
  const parsed = parseCondition(text)
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message} at ${parsed.error.column}`)
  return parsed.value
}

const facts = (status: StepFacts['status'], more: Partial<StepFacts> = {}): StepFacts => ({
  status,
  outputs: {},
  exitCode: status === 'completed' ? 0 : status === 'failed' ? 1 : null,
  duration: 100,
  attempts: 1,
  continueOnError: false,
  timedOut: false,
  ...more,
})

const ctx = (over: Partial<ConditionContext> = {}): ConditionContext => ({
  steps: {
    test: facts('completed', { outputs: { coverage: '91', 'report-url': 'https://x' } }),
    lint: facts('failed'),
    flaky: facts('failed', { continueOnError: true }),
    slow: facts('failed', { timedOut: true, exitCode: null }),
    docs: facts('skipped'),
    'deploy-prod': facts('cancelled'),
    later: facts('pending'),
  },
  context: { environment: 'production', replicas: 3 },
  parameters: { region: 'eu' },
  env: { CI: 'true' },
  workflow: { name: 'CI/CD Pipeline' },
  dependenciesSatisfied: true,
  upstreamFailed: false,
  cancelled: false,
  ...over,
})

const holds = (text: string, over: Partial<ConditionContext> = {}): boolean => evaluateCondition(condition(text), ctx(over))

describe('parseCondition', () => {
  it('lists every step reference with its column, in source order', () => {
    const parsed = condition("on_success(test, deploy-prod) && steps.lint.outputs.x == '1' || steps['docs'].status == 'skipped'")
    expect(parsed.stepRefs).toEqual([
      { id: 'test', column: 12 },
      { id: 'deploy-prod', column: 18 },
      { id: 'lint', column: 40 },
      { id: 'docs', column: 72 },
    ])
  })

  it('keeps columns in the original text with a ${{ }} wrapper', () => {
    expect(condition('${{ steps.a.outputs.x }}').stepRefs).toEqual([{ id: 'a', column: 11 }])
  })

  it('does not count other roots or computed step names as references', () => {
    expect(condition("context.steps.x == 1 && steps[format('{0}', env.X)].status").stepRefs).toEqual([])
  })

  it('tells whether a status function appears', () => {
    expect(condition('always').usesStatusFunction).toBe(true)
    expect(condition('never').usesStatusFunction).toBe(true)
    expect(condition('on_failure(a)').usesStatusFunction).toBe(true)
    expect(condition("failure() && env.CI == 'true'").usesStatusFunction).toBe(true)
    expect(condition('!cancelled()').usesStatusFunction).toBe(true)
    expect(condition("steps.a.status == 'completed'").usesStatusFunction).toBe(false)
    expect(condition("context.environment == 'production'").usesStatusFunction).toBe(false)
  })

  it('keeps the source text', () => {
    expect(condition(' always ').source).toBe(' always ')
  })

  it('allows the documented roots and rejects others at their column', () => {
    for (const text of ['steps.a.status', 'context.x', 'parameters.y', 'env.Z', 'workflow.name', 'matrix.os']) expect(parseCondition(text).ok).toBe(true)
    expect(parseCondition("env.CI && github.ref == 'main'")).toEqual({ ok: false, error: { message: expect.stringContaining("unknown name 'github'"), column: 11 } })
    expect(parseCondition('step.duration > 1')).toMatchObject({ ok: false, error: { column: 1 } })
  })
})

describe('evaluateCondition (SPEC §4)', () => {
  it('always and always() hold whatever happened upstream; never never holds', () => {
    const bad = { dependenciesSatisfied: false, upstreamFailed: true, cancelled: true }
    expect(holds('always', bad)).toBe(true)
    expect(holds('always()', bad)).toBe(true)
    expect(holds('${{ always() }}', bad)).toBe(true)
    expect(holds('never')).toBe(false)
  })

  it('success(), failure() and cancelled() read the context', () => {
    expect(holds('success()')).toBe(true)
    expect(holds('success()', { dependenciesSatisfied: false })).toBe(false)
    expect(holds('failure()')).toBe(false)
    expect(holds('failure()', { upstreamFailed: true, dependenciesSatisfied: false })).toBe(true)
    expect(holds('cancelled()', { cancelled: true })).toBe(true)
    expect(holds('cancelled()')).toBe(false)
  })

  it('ANDs a condition without a status function with the dependencies being satisfied', () => {
    expect(holds("context.environment == 'production'")).toBe(true)
    expect(holds("context.environment == 'production'", { dependenciesSatisfied: false })).toBe(false)
    expect(holds("always() && context.environment == 'production'", { dependenciesSatisfied: false })).toBe(true)
    expect(holds("failure() || context.environment == 'production'", { dependenciesSatisfied: false })).toBe(true)
  })

  it('on_success: completed, or failed with continueOnError', () => {
    expect(holds('on_success(test)')).toBe(true)
    expect(holds('on_success(flaky)')).toBe(true)
    expect(holds('on_success(lint)')).toBe(false)
    expect(holds('on_success(docs)')).toBe(false)
    expect(holds('on_success(later)')).toBe(false)
    expect(holds('on_success(test, lint)')).toBe(false)
    expect(holds('on_success(test, flaky)')).toBe(true)
    expect(holds('on_success(nosuch)')).toBe(false)
  })

  it('on_failure: failed, a timeout included, tolerated or not', () => {
    expect(holds('on_failure(lint)')).toBe(true)
    expect(holds('on_failure(slow)')).toBe(true)
    expect(holds('on_failure(flaky)')).toBe(true)
    expect(holds('on_failure(test)')).toBe(false)
    expect(holds('on_failure(docs)')).toBe(false)
    expect(holds('on_failure(deploy-prod)')).toBe(false)
    expect(holds('on_failure(test, lint)')).toBe(true)
  })

  it('on_completion: completed or failed, not skipped, cancelled or unfinished', () => {
    expect(holds('on_completion(test, lint, slow)')).toBe(true)
    expect(holds('on_completion(docs)')).toBe(false)
    expect(holds('on_completion(deploy-prod)')).toBe(false)
    expect(holds('on_completion(later)')).toBe(false)
  })

  it('is not ANDed with dependencies when an on_* form appears', () => {
    expect(holds('on_failure(lint)', { dependenciesSatisfied: false })).toBe(true)
  })

  it('mixes seed forms with expressions', () => {
    expect(holds("on_success(test) && context.environment == 'production'")).toBe(true)
    expect(holds("on_success(test) && context.environment == 'staging'")).toBe(false)
    expect(holds("on_failure(test) || parameters.region == 'EU'")).toBe(true)
  })

  it('reads steps.<id> status, outcome, conclusion, outputs and numbers', () => {
    expect(holds("steps.test.status == 'completed'")).toBe(true)
    expect(holds("steps.lint.status == 'failed' && steps.lint.outcome == 'failure' && steps.lint.conclusion == 'failure'")).toBe(true)
    expect(holds("steps.flaky.outcome == 'failure' && steps.flaky.conclusion == 'success'")).toBe(true)
    expect(holds("steps.docs.outcome == 'skipped'")).toBe(true)
    expect(holds("steps['deploy-prod'].conclusion == 'cancelled'")).toBe(true)
    expect(holds('steps.later.outcome == null')).toBe(true)
    expect(holds('steps.test.outputs.coverage >= 90')).toBe(true)
    expect(holds("steps.test.outputs['report-url'] == 'https://x'")).toBe(true)
    expect(holds('steps.test.exitCode == 0 && steps.lint.exitCode == 1')).toBe(true)
    expect(holds('steps.test.duration < 1000 && steps.test.attempts == 1')).toBe(true)
    expect(holds('steps.slow.timedOut')).toBe(true)
    expect(holds('steps.nosuch.outputs.x == null')).toBe(true)
  })

  it('reads workflow, env, parameters and matrix', () => {
    expect(holds("workflow.name == 'ci/cd pipeline'")).toBe(true)
    expect(holds("env.CI == 'true' && parameters.region == 'eu'")).toBe(true)
    expect(holds("matrix.os == 'linux'", { matrix: { os: 'linux' } })).toBe(true)
    expect(holds('matrix.os == null')).toBe(true)
  })

  it('reads an evaluation error as false, and explains it on request', () => {
    const broken = condition("fromJSON(steps.test.outputs.coverage).x || fromJSON('{')")
    expect(evaluateCondition(broken, ctx())).toBe(false)
    expect(evaluateConditionDetailed(broken, ctx())).toMatchObject({ ok: false, error: { column: 44, message: expect.stringContaining('fromJSON') } })
  })

  it('refuses a Condition that parseCondition did not make', () => {
    const forged: Condition = { source: 'x', stepRefs: [], usesStatusFunction: true, ast: 'x' }
    expect(evaluateCondition(forged, ctx())).toBe(false)
  })
})

describe('isCleanupCondition', () => {
  it.each([
    ['always', true],
    ['always()', true],
    ['cancelled()', true],
    ['${{ always() }}', true],
    ['cancelled() || failure()', true],
    ["always() && env.CI == 'true'", true],
    ['!cancelled()', false],
    ['!(always() && env.CI)', false],
    ['!!cancelled()', true],
    ['never', false],
    ['success()', false],
    ['failure()', false],
    ['on_completion(a)', false],
    ["context.x == 'always'", false],
  ])('%s → %p', (text, expected) => {
    expect(isCleanupCondition(condition(text))).toBe(expected)
  })
})

describe('step context values', () => {
  it('gives GitHub outcome and conclusion words', () => {
    expect(stepContextValue(facts('running'))).toMatchObject({ status: 'running', outcome: null, conclusion: null })
    expect(stepContextValue(facts('failed', { continueOnError: true }))).toMatchObject({ outcome: 'failure', conclusion: 'success' })
  })

  it('builds the roots a template evaluator can share', () => {
    const roots = conditionRootValues(ctx())
    expect(Object.keys(roots).sort()).toEqual(['context', 'env', 'matrix', 'parameters', 'steps', 'workflow'])
    expect(roots.workflow).toEqual({ name: 'CI/CD Pipeline' })
  })
})

describe('alert conditions', () => {
  it('parse over step, workflow, context and env', () => {
    const alert = parseAlertCondition('step.duration > 600000')
    expect(alert.ok).toBe(true)
    if (!alert.ok) return
    expect(alert.value.stepRefs).toEqual([])
    expect(evaluateAlertCondition(alert.value, { step: { duration: 700000 } })).toBe(true)
    expect(evaluateAlertCondition(alert.value, { step: { duration: 5 } })).toBe(false)
    expect(evaluateAlertCondition(alert.value, {})).toBe(false)
  })

  it('reject status functions, seed forms and step roots at their column', () => {
    expect(parseAlertCondition('step.duration > 1 && failure()')).toMatchObject({ ok: false, error: { column: 22 } })
    expect(parseAlertCondition('on_failure(a)')).toMatchObject({ ok: false, error: { column: 1 } })
    expect(parseAlertCondition('steps.a.duration > 1')).toMatchObject({ ok: false, error: { column: 1 } })
    expect(parseAlertCondition('always')).toMatchObject({ ok: false, error: { column: 1 } })
  })
})
