import { describe, expect, it } from '@jest/globals'
import { buildRequest } from '../support/model.js'
import { byStep, ok, simulate, startOf } from '../support/simulated-run.js'

const wide = (n: number, extra: object = {}) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, ...extra }))

describe('concurrency, exclusivity and resources', () => {
  it('never runs more steps than the concurrency limit', () => {
    const run = simulate(buildRequest(wide(10)), ok(10), { concurrency: 3 })
    expect(run.maxRunning).toBe(3)
    expect(run.endTime).toBe(40) // ceil(10/3) rounds
  })

  it('mode sequential means one at a time', () => {
    // The driver maps `sequential` to concurrency 1; the scheduler honours whatever limit it gets.
    const run = simulate(buildRequest(wide(4)), ok(10), { concurrency: 1 })
    expect(run.maxRunning).toBe(1)
  })

  it('a parallel:false step runs alone', () => {
    const steps = [{ id: 'a' }, { id: 'solo', exclusive: true }, { id: 'b' }, { id: 'c' }]
    const run = simulate(buildRequest(steps), byStep({ solo: { duration: 50 } }), { concurrency: 4 })
    const soloStart = startOf(run, 'solo')
    for (const [time, kind, id] of run.trace) {
      if (id !== 'solo' && kind === 'start') expect(time < soloStart || time >= soloStart + 50).toBe(true)
    }
  })

  it('starts a step only when its resource requests fit the free capacity', () => {
    const steps = wide(4, { resources: { cpu: 2, memory: 0, gpu: 0 } })
    const run = simulate(buildRequest(steps), ok(10), { concurrency: 4, capacity: { cpu: 4, memory: 1e12, gpu: 0 } })
    expect(run.maxRunning).toBe(2)
    expect(run.endTime).toBe(20)
  })

  it('backfills smaller steps beside a big one that does not fit yet', () => {
    const steps = [
      { id: 'big1', resources: { cpu: 3, memory: 0, gpu: 0 } },
      { id: 'big2', resources: { cpu: 3, memory: 0, gpu: 0 } },
      { id: 'small', resources: { cpu: 1, memory: 0, gpu: 0 } },
    ]
    const run = simulate(buildRequest(steps), ok(10), { concurrency: 4, capacity: { cpu: 4, memory: 1e12, gpu: 0 } })
    expect(startOf(run, 'small')).toBe(0)
    expect(startOf(run, 'big2')).toBe(10)
  })

  it('starts the longest remaining path first (critical-path priority)', () => {
    // 4 independent steps defined first, then a chain of 3: with priority the chain head starts at once.
    const steps = [...wide(4), { id: 'c0' }, { id: 'c1' }, { id: 'c2' }]
    const deps = [{ from: 'c0', to: 'c1' }, { from: 'c1', to: 'c2' }]
    const priority = Float64Array.from([1, 1, 1, 1, 3, 2, 1])
    const run = simulate(buildRequest(steps, deps), ok(10), { concurrency: 2, priority })
    expect(startOf(run, 'c0')).toBe(0)
    expect(run.endTime).toBe(40) // 7 unit steps on 2 slots with a 3-chain: 4 rounds; definition order needs 5
    const fifo = simulate(buildRequest(steps, deps), ok(10), { concurrency: 2 })
    expect(fifo.endTime).toBe(50)
  })
})

describe('retries', () => {
  it('retries a failing step with delay × multiplier^(k-1), capped by maxDelay', () => {
    const request = buildRequest([{ id: 'flaky', retries: 3, retryDelay: 100 }], [], {
      errorHandling: { retryPolicy: { maxRetries: 0, backoffMultiplier: 2, maxDelay: 150 }, rollbackStrategy: 'none' },
    })
    const run = simulate(request, byStep({ flaky: (attempt) => ({ duration: 10, exitCode: attempt < 4 ? 1 : 0 }) }))
    const starts = [1, 2, 3, 4].map((a) => startOf(run, 'flaky', a))
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number) - 10)
    expect(gaps).toEqual([100, 150, 150])
    expect(run.results.get('flaky')).toMatchObject({ status: 'completed', attempts: 4 })
  })

  it('fails after the last retry with the last attempt’s cause', () => {
    const run = simulate(buildRequest([{ id: 'x', retries: 1, retryDelay: 5 }]), byStep({ x: { duration: 1, exitCode: 7 } }))
    expect(run.results.get('x')).toMatchObject({ status: 'failed', attempts: 2, exitCode: 7, error: 'Exit code 7' })
  })

  it('a timed-out attempt is a failed one and is retried', () => {
    const run = simulate(
      buildRequest([{ id: 'slow', timeout: 50, retries: 1, retryDelay: 5 }]),
      byStep({ slow: (attempt) => ({ duration: attempt === 1 ? 500 : 10 }) }),
    )
    expect(run.results.get('slow')).toMatchObject({ status: 'completed', attempts: 2 })
  })
})

describe('circuit breaker', () => {
  it('opens at the threshold, holds new attempts for its timeout, then lets one trial through', () => {
    const request = buildRequest(wide(4), [], {
      errorHandling: {
        retryPolicy: { maxRetries: 0, backoffMultiplier: 1, maxDelay: 1000 },
        rollbackStrategy: 'none',
        circuitBreaker: { enabled: true, failureThreshold: 2, timeout: 1000 },
      },
    })
    const run = simulate(request, byStep({ s0: { duration: 10, exitCode: 1 }, s1: { duration: 10, exitCode: 1 } }), { concurrency: 1 })
    expect(startOf(run, 's2')).toBe(1020) // opened at 20 by the second failure; s2 waited (not skipped)
    expect(startOf(run, 's3')).toBe(1030) // half-open: one trial at a time, its success closes it
    expect(run.results.get('s3')?.status).toBe('completed')
    expect(run.scheduler.breaker).toEqual({ state: 'closed', trips: 1 })
    expect(run.events.filter((e) => e.type === 'breaker').map((e) => (e.type === 'breaker' ? e.state : ''))).toEqual(['open', 'closed'])
  })
})

describe('pause, cancel, workflow timeout and restart', () => {
  it('pause lets running steps finish and starts nothing new until resume', () => {
    const run = simulate(buildRequest(wide(4)), ok(10), {
      concurrency: 2,
      at: [
        { time: 5, action: (s) => s.pause() },
        { time: 100, action: (s) => s.resume() },
      ],
    })
    expect(startOf(run, 's2')).toBe(100)
    expect([...run.results.values()].every((r) => r.status === 'completed')).toBe(true)
  })

  it('cancel kills running steps and cancels pending ones, each with a reason', () => {
    const run = simulate(buildRequest(wide(3), [{ from: 's0', to: 's2' }]), ok(100), { concurrency: 1, at: [{ time: 50, action: (s) => s.cancel('stop') }] })
    expect(run.results.get('s0')).toMatchObject({ status: 'cancelled', reason: 'stop' })
    expect(run.results.get('s1')).toMatchObject({ status: 'cancelled', startTime: null })
    expect(run.scheduler.cancelled).toBe(true)
  })

  it('workflow timeout cancels everything and marks the run timed out', () => {
    const run = simulate(buildRequest(wide(2)), ok(100), { concurrency: 1, at: [{ time: 30, action: (s) => s.timeout('Workflow timed out after 30 ms') }] })
    expect(run.results.get('s0')?.reason).toBe('Workflow timed out after 30 ms')
    expect(run.results.get('s1')?.status).toBe('cancelled')
    expect(run.scheduler.timedOut).toBe(true)
  })

  it('restart keeps completed steps with their outputs and runs the rest', () => {
    const request = buildRequest([{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b' }])
    const first = simulate(request, byStep({ a: { duration: 5, outputs: { v: '1' } }, b: { duration: 5, exitCode: 1 } }))
    const previous = [...first.results.values()]
    const second = simulate(request, ok(5), { previous })
    expect(second.trace.filter(([, k]) => k === 'start').map(([, , id]) => id)).toEqual(['b'])
    expect(second.results.get('a')).toMatchObject({ status: 'completed', cached: true, outputs: { v: '1' } })
    expect(second.results.get('b')?.status).toBe('completed')
  })
})
