// Builds minimal validated models for the planner's tests: only what the planner reads is meaningful.
import type { Dependency, DependencyCondition, DependencyType, Step, WorkflowModel } from '../../src/definition/model.js'
import { buildStep } from '../support/model.js'

const location = { file: 'workflow.yml', line: 1, column: 1 }

export interface StepSpec {
  readonly id: string
  readonly name?: string
  readonly estimatedDuration?: number
}

export interface EdgeSpec {
  readonly from: string
  readonly to: string
  readonly type?: DependencyType
  readonly condition?: DependencyCondition
  readonly implicit?: boolean
}

export function workflowOf(steps: readonly (string | StepSpec)[], edges: readonly EdgeSpec[] = [], name = 'test'): WorkflowModel {
  const modelSteps = steps.map((spec, index): Step => {
    const { id, name: stepName, estimatedDuration } = typeof spec === 'string' ? { id: spec, name: undefined, estimatedDuration: undefined } : spec
    return {
      ...buildStep({ id, name: stepName ?? id, killGracePeriod: 5000, ...(estimatedDuration === undefined ? {} : { estimatedDuration }) }, index),
      location,
    }
  })
  const dependencies = edges.map(
    (edge): Dependency => ({
      from: edge.from,
      to: edge.to,
      type: edge.type ?? 'finish_to_start',
      condition: edge.condition ?? (edge.implicit === true ? 'always' : 'success'),
      implicit: edge.implicit ?? false,
      location
    })
  )
  return { name, steps: modelSteps, dependencies, sequential: false }
}
