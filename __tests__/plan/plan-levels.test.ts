import { describe, it, expect } from '@jest/globals'
import { planWorkflow } from '../../src/plan/plan.js'
import { workflowOf } from './workflow-fixture.js'

describe('planWorkflow levels and dependsOn', () => {
  it('puts a diamond on three levels', () => {
    const plan = planWorkflow(
      workflowOf(['a', 'b', 'c', 'd'], [
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'b', to: 'd' },
        { from: 'c', to: 'd' }
      ])
    )
    expect(plan.steps).toEqual([
      { id: 'a', level: 0, dependsOn: [] },
      { id: 'b', level: 1, dependsOn: ['a'] },
      { id: 'c', level: 1, dependsOn: ['a'] },
      { id: 'd', level: 2, dependsOn: ['b', 'c'] }
    ])
    expect(plan.levels).toEqual([['a'], ['b', 'c'], ['d']])
  })

  it('keeps a start_to_start dependent on its predecessor level', () => {
    const plan = planWorkflow(
      workflowOf(['a', 'b', 'c'], [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c', type: 'start_to_start' }
      ])
    )
    expect(plan.steps.map((step) => step.level)).toEqual([0, 1, 1])
    expect(plan.levels).toEqual([['a'], ['b', 'c']])
  })

  it('does not move a step held only at its finish', () => {
    const plan = planWorkflow(
      workflowOf(['a', 'b', 'c'], [
        { from: 'a', to: 'b', type: 'finish_to_finish' },
        { from: 'a', to: 'c', type: 'start_to_finish' }
      ])
    )
    expect(plan.steps.map((step) => step.level)).toEqual([0, 0, 0])
    expect(plan.steps.map((step) => step.dependsOn)).toEqual([[], ['a'], ['a']])
  })

  it('takes the longest chain of finish_to_start edges, whatever the definition order', () => {
    const plan = planWorkflow(
      workflowOf(['last', 'middle', 'first', 'side'], [
        { from: 'middle', to: 'last' },
        { from: 'first', to: 'middle' },
        { from: 'first', to: 'last' },
        { from: 'side', to: 'last', type: 'start_to_start' }
      ])
    )
    expect(plan.steps.map((step) => [step.id, step.level])).toEqual([
      ['last', 2],
      ['middle', 1],
      ['first', 0],
      ['side', 0]
    ])
    expect(plan.levels).toEqual([['first', 'side'], ['middle'], ['last']])
  })

  it('lists implicit dependencies in dependsOn once, after explicit ones', () => {
    const plan = planWorkflow(
      workflowOf(['a', 'b', 'c'], [
        { from: 'b', to: 'c', condition: 'failure' },
        { from: 'a', to: 'c', implicit: true },
        { from: 'b', to: 'c', implicit: true }
      ])
    )
    expect(plan.steps[2]).toEqual({ id: 'c', level: 1, dependsOn: ['b', 'a'] })
  })

  it('plans an empty workflow', () => {
    expect(planWorkflow(workflowOf([]))).toEqual({
      steps: [],
      levels: [],
      criticalPath: { steps: [], duration: 0 },
      estimatedDuration: 0
    })
  })

  it('refuses a cyclic model, which validation should have stopped', () => {
    const cyclic = workflowOf(['a', 'b'], [
      { from: 'a', to: 'b', type: 'finish_to_finish' },
      { from: 'b', to: 'a', type: 'finish_to_finish' }
    ])
    expect(() => planWorkflow(cyclic)).toThrow(/cycle/)
  })

  it('plans a 10,000-step chain without overflowing the stack', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `s${i}`)
    const edges = ids.slice(1).map((id, i) => ({ from: ids[i] as string, to: id }))
    const plan = planWorkflow(workflowOf(ids, edges))
    expect(plan.levels).toHaveLength(10_000)
    expect(plan.steps[9_999]?.level).toBe(9_999)
    expect(plan.criticalPath.steps).toHaveLength(10_000)
    expect(plan.estimatedDuration).toBe(10_000)
  })
})
