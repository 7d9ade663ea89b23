/**
 * The event graph of a validated workflow together with a topological order of its events: what the
 * level and critical-path computations both walk.
 */
import type { WorkflowModel } from '../definition/model.js'
import { buildEventGraph, resolveEndpoints, topologicalOrder, type DependencyEndpoints, type EventGraph } from './event-graph.js'

export interface OrderedEventGraph {
  readonly graph: EventGraph
  /** Every event once, each after all events with an edge into it. */
  readonly order: Int32Array
  /** `workflow.dependencies` as step indices. */
  readonly endpoints: DependencyEndpoints
}

/**
 * Builds the workflow's event graph and orders it. A cycle here means the caller skipped validation,
 * which is a bug, not a user error: it throws.
 */
export function orderedEventGraph(workflow: WorkflowModel): OrderedEventGraph {
  const stepIds = workflow.steps.map((step) => step.id)
  const endpoints = resolveEndpoints(stepIds, workflow.dependencies)
  const graph = buildEventGraph(stepIds, workflow.dependencies, endpoints)
  const order = topologicalOrder(graph)
  if (order === undefined) throw new Error(`workflow "${workflow.name}" has a dependency cycle; validate it before planning`)
  return { graph, order, endpoints }
}
