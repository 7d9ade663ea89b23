import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { DependencyCondition, DependencyType } from '../../src/definition/model.js'
import { buildRequest } from '../support/model.js'
import type { DepSpec } from '../support/model.js'
import { simulate } from '../support/simulated-run.js'

const TYPES: DependencyType[] = ['finish_to_start', 'start_to_start', 'finish_to_finish', 'start_to_finish']
const CONDITIONS: DependencyCondition[] = ['success', 'failure', 'always']

/** Random DAGs (edges only from a lower to a higher index), random kinds, outcomes and durations. */
const scenario = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          type: fc.constantFrom(...TYPES),
          condition: fc.constantFrom(...CONDITIONS),
        }),
        { maxLength: n * 2 },
      ),
      outcomes: fc.array(fc.record({ duration: fc.integer({ min: 1, max: 50 }), exitCode: fc.constantFrom(0, 0, 0, 1), retries: fc.integer({ min: 0, max: 2 }) }), {
        minLength: n,
        maxLength: n,
      }),
      concurrency: fc.integer({ min: 1, max: 5 }),
    }),
  )

describe('scheduler properties over random DAGs', () => {
  it('respects every dependency, never exceeds concurrency, settles each step once and runs none twice', () => {
    fc.assert(
      fc.property(scenario, ({ n, edges, outcomes, concurrency }) => {
        const steps = outcomes.map((o, i) => ({ id: `s${i}`, retries: o.retries, retryDelay: 3 }))
        const seen = new Set<string>()
        const deps: DepSpec[] = []
        for (const e of edges) {
          if (e.a === e.b) continue
          const [from, to] = e.a < e.b ? [e.a, e.b] : [e.b, e.a]
          if (seen.has(`${from}-${to}`)) continue
          seen.add(`${from}-${to}`)
          deps.push({ from: `s${from}`, to: `s${to}`, type: e.type, condition: e.condition })
        }
        const run = simulate(buildRequest(steps, deps), (id, attempt) => {
          const o = outcomes[Number(id.slice(1))] as { duration: number; exitCode: number }
          return { duration: o.duration, exitCode: attempt > 1 ? 0 : o.exitCode }
        }, { concurrency })

        // Every step ends in exactly one terminal state, and step_end is emitted once per step.
        expect(run.results.size).toBe(n)
        const ends = run.events.filter((e) => e.type === 'step_end').map((e) => (e.type === 'step_end' ? e.stepId : ''))
        expect(new Set(ends).size).toBe(ends.length)
        expect(ends.length).toBe(n)

        // Never more than `concurrency` processes at once.
        expect(run.maxRunning).toBeLessThanOrEqual(concurrency)

        // No step starts a first attempt twice; attempts are consecutive.
        const firstStarts = run.trace.filter(([, k, , a]) => k === 'start' && a === 1).map(([, , id]) => id)
        expect(new Set(firstStarts).size).toBe(firstStarts.length)

        // Order: a start-holding edge's dependent starts no earlier than the trigger; a finish-holding
        // one reports its end no earlier than the trigger.
        const firstStart = new Map(run.trace.filter(([, k, , a]) => k === 'start' && a === 1).map(([t, , id]) => [id, t]))
        for (const d of deps) {
          const from = run.results.get(d.from)
          const to = run.results.get(d.to)
          if (!from || !to) throw new Error('missing result')
          const trigger = d.type === 'start_to_start' || d.type === 'start_to_finish' ? firstStart.get(d.from) : from.endTime ? Date.parse(from.endTime) : undefined
          if (trigger === undefined) continue // the dependency never started/finished: the dependent cannot have relied on it
          if (d.type === 'finish_to_start' || d.type === 'start_to_start') {
            const started = firstStart.get(d.to)
            if (started !== undefined) expect(started).toBeGreaterThanOrEqual(trigger)
          } else if (to.endTime && (to.status === 'completed' || to.status === 'failed')) {
            expect(Date.parse(to.endTime)).toBeGreaterThanOrEqual(trigger)
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})
