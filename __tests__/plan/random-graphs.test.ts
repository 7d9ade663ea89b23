// Properties over random graphs, checked against brute-force oracles built straight from SPEC §2's event rules.
import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import type { DependencyType } from '../../src/definition/model.js'
import { findCycles } from '../../src/plan/cycles.js'
import { criticalPath, remainingPathLengths } from '../../src/plan/critical-path.js'
import { planWorkflow } from '../../src/plan/plan.js'
import { workflowOf } from './workflow-fixture.js'

type Edge = { from: string; to: string; type: DependencyType }

const kinds: readonly DependencyType[] = ['finish_to_start', 'start_to_start', 'finish_to_finish', 'start_to_finish']
const idOf = (index: number): string => `s${index}`
const S = (step: number): number => step * 2
const F = (step: number): number => step * 2 + 1

/** The event-level edges of a dependency, written out independently of the code under test. */
function eventEdge(edge: Edge): [number, number] {
  const from = Number(edge.from.slice(1))
  const to = Number(edge.to.slice(1))
  switch (edge.type) {
    case 'finish_to_start':
      return [F(from), S(to)]
    case 'start_to_start':
      return [S(from), S(to)]
    case 'finish_to_finish':
      return [F(from), F(to)]
    case 'start_to_finish':
      return [S(from), F(to)]
  }
  throw new Error(`unknown type ${String(edge.type)}`)
}

function adjacency(stepCount: number, edges: readonly Edge[]): Set<number>[] {
  const out = Array.from({ length: stepCount * 2 }, () => new Set<number>())
  for (let step = 0; step < stepCount; step++) out[S(step)]?.add(F(step))
  for (const edge of edges) {
    const [source, target] = eventEdge(edge)
    out[source]?.add(target)
  }
  return out
}

/** Whether any event reaches itself: a breadth-first search from every event. */
function hasEventCycle(stepCount: number, edges: readonly Edge[]): boolean {
  const out = adjacency(stepCount, edges)
  return out.some((_, start) => {
    const seen = new Set<number>()
    const queue = [...(out[start] ?? [])]
    while (queue.length > 0) {
      const event = queue.shift() as number
      if (event === start) return true
      if (seen.has(event)) continue
      seen.add(event)
      queue.push(...(out[event] ?? []))
    }
    return false
  })
}

/**
 * Whether a collapsed step cycle is a real closed walk of the event graph: from some event of its first
 * step, following dependency edges to each next step in turn (and a step's own S -> F in between),
 * back to that same event.
 */
function isClosedWalk(cycle: readonly string[], stepCount: number, edges: readonly Edge[]): boolean {
  const out = adjacency(stepCount, edges)
  const stepOf = (event: number): number => event >> 1
  const withOwnFinish = (events: Set<number>): Set<number> => {
    for (const event of [...events]) if (event % 2 === 0) events.add(event + 1)
    return events
  }
  const steps = cycle.map((id) => Number(id.slice(1)))
  if (steps.length < 3 || steps[0] !== steps[steps.length - 1]) return false
  if (steps.some((step, i) => i > 0 && step === steps[i - 1])) return false
  const first = steps[0] as number
  return [S(first), F(first)].some((startEvent) => {
    let current = withOwnFinish(new Set([startEvent]))
    for (const nextStep of steps.slice(1)) {
      const reached = new Set<number>()
      for (const event of current) for (const target of out[event] ?? []) if (stepOf(target) === nextStep) reached.add(target)
      current = withOwnFinish(reached)
    }
    return current.has(startEvent)
  })
}

/** A DAG in definition order: every edge goes from a lower index to a higher one. */
const dagArbitrary = (maxSteps: number) =>
  fc.integer({ min: 2, max: maxSteps }).chain((stepCount) =>
    fc
      .array(fc.tuple(fc.nat(stepCount - 1), fc.nat(stepCount - 1), fc.constantFrom(...kinds)), { maxLength: stepCount * 3 })
      .map((raw) => ({
        stepCount,
        edges: raw
          .filter(([a, b]) => a !== b)
          .map(([a, b, type]): Edge => ({ from: idOf(Math.min(a, b)), to: idOf(Math.max(a, b)), type }))
      }))
  )

const idsOf = (stepCount: number): string[] => Array.from({ length: stepCount }, (_, i) => idOf(i))

describe('planner properties over random graphs', () => {
  it('finds no cycle in any DAG, and levels are exactly the start constraints', () => {
    fc.assert(
      fc.property(dagArbitrary(25), ({ stepCount, edges }) => {
        expect(findCycles(idsOf(stepCount), edges)).toEqual([])
        const plan = planWorkflow(workflowOf(idsOf(stepCount), edges))
        const level = plan.steps.map((step) => step.level)
        for (let step = 0; step < stepCount; step++) {
          let expected = 0
          for (const edge of edges) {
            if (edge.to !== idOf(step)) continue
            const fromLevel = level[Number(edge.from.slice(1))] as number
            if (edge.type === 'finish_to_start') expected = Math.max(expected, fromLevel + 1)
            if (edge.type === 'start_to_start') expected = Math.max(expected, fromLevel)
          }
          expect(level[step]).toBe(expected)
        }
        expect(plan.levels.flat().sort()).toEqual(idsOf(stepCount).sort())
      }),
      { numRuns: 300 }
    )
  })

  it('finds a real cycle through an injected back edge', () => {
    const withBackEdge = dagArbitrary(25).chain(({ stepCount, edges }) =>
      fc.tuple(fc.nat(stepCount - 2), fc.nat(stepCount - 1), fc.constantFrom(...kinds)).map(([low, high, backType]) => {
        const from = Math.min(low, high)
        const to = Math.max(high, from + 1)
        // A finish_to_start edge forward plus any kind of edge back always closes an event cycle.
        const closing: Edge[] = [
          { from: idOf(from), to: idOf(to), type: 'finish_to_start' },
          { from: idOf(to), to: idOf(from), type: backType }
        ]
        return { stepCount, edges: [...edges, ...closing], pair: [idOf(from), idOf(to)] }
      })
    )
    fc.assert(
      fc.property(withBackEdge, ({ stepCount, edges, pair }) => {
        const cycles = findCycles(idsOf(stepCount), edges)
        expect(cycles.length).toBeGreaterThan(0)
        for (const cycle of cycles) {
          expect(isClosedWalk(cycle, stepCount, edges)).toBe(true)
          expect(cycle).toEqual(expect.arrayContaining(pair))
        }
      }),
      { numRuns: 300 }
    )
  })

  it('reports a cycle exactly when the event graph has one, and each is a closed walk', () => {
    const anyGraph = fc.integer({ min: 2, max: 10 }).chain((stepCount) =>
      fc
        .array(fc.tuple(fc.nat(stepCount - 1), fc.nat(stepCount - 1), fc.constantFrom(...kinds)), { maxLength: stepCount * 2 })
        .map((raw) => ({
          stepCount,
          edges: raw.filter(([a, b]) => a !== b).map(([a, b, type]): Edge => ({ from: idOf(a), to: idOf(b), type }))
        }))
    )
    fc.assert(
      fc.property(anyGraph, ({ stepCount, edges }) => {
        const cycles = findCycles(idsOf(stepCount), edges)
        expect(cycles.length > 0).toBe(hasEventCycle(stepCount, edges))
        for (const cycle of cycles) expect(isClosedWalk(cycle, stepCount, edges)).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it('matches brute-force longest paths for random weights', () => {
    const weighted = dagArbitrary(15).chain(({ stepCount, edges }) =>
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: stepCount, maxLength: stepCount }).map((weights) => ({ stepCount, edges, weights }))
    )
    fc.assert(
      fc.property(weighted, ({ stepCount, edges, weights }) => {
        const out = adjacency(stepCount, edges)
        // Relax until nothing changes: a DAG settles within eventCount rounds.
        const tail = new Array<number>(stepCount * 2).fill(0)
        for (let round = 0; round < stepCount * 2; round++) {
          out.forEach((targets, event) => {
            for (const target of targets) {
              const own = event % 2 === 0 && target === event + 1 ? (weights[event >> 1] as number) : 0
              tail[event] = Math.max(tail[event] as number, own + (tail[target] as number))
            }
          })
        }
        const durations = Object.fromEntries(weights.map((weight, step) => [idOf(step), weight]))
        const workflow = workflowOf(idsOf(stepCount), edges)
        const remaining = Array.from(remainingPathLengths(workflow, durations))
        expect(remaining).toEqual(idsOf(stepCount).map((_, step) => tail[S(step)]))
        const path = criticalPath(workflow, durations)
        expect(path.duration).toBe(Math.max(...remaining))
        // Consecutive steps on the path are joined by a dependency.
        for (let i = 1; i < path.steps.length; i++) {
          const joined = edges.some((edge) => edge.from === path.steps[i - 1] && edge.to === path.steps[i])
          expect(joined).toBe(true)
        }
      }),
      { numRuns: 300 }
    )
  })
})
