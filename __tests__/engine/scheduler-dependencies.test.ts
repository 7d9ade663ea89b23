import { describe, expect, it } from '@jest/globals'
import { buildRequest } from '../support/model.js'
import { byStep, endOf, ok, simulate, startOf } from '../support/simulated-run.js'

describe('dependency kinds', () => {
  it('finish_to_start: the dependent starts after its dependency finishes', () => {
    const run = simulate(buildRequest([{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b' }]), ok(10))
    expect(startOf(run, 'b')).toBe(endOf(run, 'a'))
    expect(run.results.get('b')?.status).toBe('completed')
  })

  it('start_to_start: the dependent starts as soon as its dependency starts', () => {
    const run = simulate(buildRequest([{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b', type: 'start_to_start' }]), ok(10))
    expect(startOf(run, 'b')).toBe(startOf(run, 'a'))
  })

  it('finish_to_finish: the dependent starts at once but its reported end waits for the dependency', () => {
    const run = simulate(
      buildRequest([{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b', type: 'finish_to_finish' }]),
      byStep({ a: { duration: 50 }, b: { duration: 5 } }),
    )
    expect(startOf(run, 'b')).toBe(0)
    expect(endOf(run, 'b')).toBe(5) // the process ended early…
    const b = run.results.get('b')
    expect(b?.status).toBe('completed')
    expect(Date.parse(b?.endTime ?? '')).toBe(50) // …but its end is held until a finished
  })

  it('start_to_finish: the dependent may finish only after the dependency starts', () => {
    const run = simulate(
      buildRequest([{ id: 'gate' }, { id: 'a' }, { id: 'b' }], [
        { from: 'gate', to: 'a' },
        { from: 'a', to: 'b', type: 'start_to_finish' },
      ]),
      byStep({ gate: { duration: 30 }, b: { duration: 5 } }),
    )
    expect(startOf(run, 'b')).toBe(0)
    expect(Date.parse(run.results.get('b')?.endTime ?? '')).toBe(30)
  })

  it('a finish-side dependency that fails cancels the held dependent with a reason', () => {
    const run = simulate(
      buildRequest([{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b', type: 'finish_to_finish' }]),
      byStep({ a: { duration: 20, exitCode: 1 }, b: { duration: 5 } }),
    )
    const b = run.results.get('b')
    expect(b?.status).toBe('cancelled')
    expect(b?.reason).toMatch(/dependency a failed/)
  })
})

describe('edge conditions and skip propagation', () => {
  it('skips dependents of a failed step, transitively, each with a reason', () => {
    const run = simulate(
      buildRequest([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ]),
      byStep({ a: { duration: 10, exitCode: 3 } }),
    )
    expect(run.results.get('a')).toMatchObject({ status: 'failed', exitCode: 3, error: 'Exit code 3' })
    expect(run.results.get('b')).toMatchObject({ status: 'skipped', startTime: null, duration: null })
    expect(run.results.get('b')?.reason).toMatch(/dependency a failed/)
    expect(run.results.get('c')?.reason).toMatch(/dependency b skipped/)
    expect(run.results.get('d')?.status).toBe('completed')
  })

  it('a failure edge runs the handler only when the dependency failed', () => {
    const deps = [{ from: 'a', to: 'onfail', condition: 'failure' as const }]
    const failing = simulate(buildRequest([{ id: 'a' }, { id: 'onfail' }], deps), byStep({ a: { duration: 5, exitCode: 1 } }))
    expect(failing.results.get('onfail')?.status).toBe('completed')
    const passing = simulate(buildRequest([{ id: 'a' }, { id: 'onfail' }], deps), ok(5))
    expect(passing.results.get('onfail')?.status).toBe('skipped')
  })

  it('an always edge runs the dependent whatever the outcome', () => {
    const run = simulate(
      buildRequest([{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b', condition: 'always' }]),
      byStep({ a: { duration: 5, exitCode: 1 } }),
    )
    expect(run.results.get('b')?.status).toBe('completed')
  })

  it('continueOnError: the failure counts as success for dependents', () => {
    const run = simulate(
      buildRequest([{ id: 'a', continueOnError: true }, { id: 'b' }], [{ from: 'a', to: 'b' }]),
      byStep({ a: { duration: 5, exitCode: 1 } }),
    )
    expect(run.results.get('a')?.status).toBe('failed')
    expect(run.results.get('b')?.status).toBe('completed')
  })

  it('settles a 10,000-step chain of skips without overflowing the stack', () => {
    const n = 10_000
    const steps = Array.from({ length: n }, (_, i) => ({ id: `s${i}` }))
    const deps = steps.slice(1).map((s, i) => ({ from: `s${i}`, to: s.id }))
    const run = simulate(buildRequest(steps, deps), byStep({ s0: { duration: 1, exitCode: 1 } }))
    expect(run.results.size).toBe(n)
    expect(run.results.get(`s${n - 1}`)?.status).toBe('skipped')
  })
})
