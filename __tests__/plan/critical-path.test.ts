import { describe, it, expect } from '@jest/globals'
import { criticalPath, hasKnownDuration, remainingPathLengths } from '../../src/plan/critical-path.js'
import { planWorkflow } from '../../src/plan/plan.js'
import { workflowOf } from './workflow-fixture.js'

// a -> b -> d and a -> c -> d: the critical path goes through whichever of b, c is longer.
const diamond = (durations: { b?: number; c?: number } = {}) =>
  workflowOf(
    ['a', { id: 'b', estimatedDuration: durations.b }, { id: 'c', estimatedDuration: durations.c }, 'd'],
    [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'd' },
      { from: 'c', to: 'd' }
    ]
  )

describe('criticalPath', () => {
  it('counts steps with unit weights when no duration is known, preferring definition order on ties', () => {
    expect(criticalPath(diamond())).toEqual({ steps: ['a', 'b', 'd'], duration: 3 })
    expect(hasKnownDuration(diamond())).toBe(false)
  })

  it('follows estimatedDuration', () => {
    const workflow = diamond({ b: 100, c: 5000 })
    expect(criticalPath(workflow)).toEqual({ steps: ['a', 'c', 'd'], duration: 5002 })
    expect(hasKnownDuration(workflow)).toBe(true)
  })

  it('prefers earlier runs over estimates', () => {
    const workflow = diamond({ b: 100, c: 5000 })
    const durations = { a: 10, b: 9000, c: 20, d: 30 }
    expect(criticalPath(workflow, durations)).toEqual({ steps: ['a', 'b', 'd'], duration: 9040 })
  })

  it('ignores durations that are not usable numbers and names that are not own keys', () => {
    const workflow = workflowOf(['constructor', 'toString'], [{ from: 'constructor', to: 'toString' }])
    expect(criticalPath(workflow, { toString: Number.NaN })).toEqual({ steps: ['constructor', 'toString'], duration: 2 })
  })

  it('goes through a start_to_start edge without counting the predecessor', () => {
    // b starts with a, so the run lasts b's 50; a's 10 runs beside it.
    const workflow = workflowOf([{ id: 'a', estimatedDuration: 10 }, { id: 'b', estimatedDuration: 50 }], [
      { from: 'a', to: 'b', type: 'start_to_start' }
    ])
    expect(criticalPath(workflow)).toEqual({ steps: ['a', 'b'], duration: 50 })
  })

  it('holds a finish_to_finish dependent until its predecessor ends', () => {
    // b may end only after a ends: the path is a's run, then b's (held) end.
    const workflow = workflowOf([{ id: 'a', estimatedDuration: 80 }, { id: 'b', estimatedDuration: 5 }, 'c'], [
      { from: 'a', to: 'b', type: 'finish_to_finish' },
      { from: 'b', to: 'c' }
    ])
    expect(criticalPath(workflow)).toEqual({ steps: ['a', 'b', 'c'], duration: 81 })
  })
})

describe('remainingPathLengths', () => {
  it('gives each step the longest path from its start, its own duration included', () => {
    const remaining = remainingPathLengths(diamond({ b: 100, c: 5000 }))
    expect(Array.from(remaining)).toEqual([5002, 101, 5001, 1])
  })

  it('uses the caller durations', () => {
    const remaining = remainingPathLengths(diamond(), { a: 1, b: 2, c: 3, d: 4 })
    expect(Array.from(remaining)).toEqual([8, 6, 7, 4])
  })
})

describe('planWorkflow estimatedDuration', () => {
  it('is the critical path duration in ms when durations are known', () => {
    const plan = planWorkflow(diamond(), { a: 1000, b: 2000, c: 500, d: 1000 })
    expect(plan.criticalPath).toEqual({ steps: ['a', 'b', 'd'], duration: 4000 })
    expect(plan.estimatedDuration).toBe(4000)
  })

  it('falls back to the unit-weight critical path without any duration', () => {
    expect(planWorkflow(diamond()).estimatedDuration).toBe(3)
  })
})
