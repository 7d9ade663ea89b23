/**
 * The event graph of a validated workflow together with a topological order of its events: what the
 * level and critical-path computations both walk.
 */
import type { WorkflowModel } from '../definition/model.js'
import { buildEventGraph, topologicalOrder, type EventGraph } from './event-graph.js'

export interface OrderedEventGraph {
  readonly graph: EventGraph
  /** Every event once, each after all events with an edge into it. */
  readonly order: Int32Array
}

/**
 * Builds the workflow's event graph and orders it. A cycle here means the caller skipped validation,
 * which is a bug, not a user error: it throws.
 */
export function orderedEventGraph(workflow: WorkflowModel): OrderedEventGraph {
  const graph = buildEventGraph(
    workflow.steps.map((step) => step.id),
    workflow.dependencies
  )
  const order = topologicalOrder(graph)
  if (order === undefined) throw new Error(`workflow "${workflow.name}" has a dependency cycle; validate it before planning`)
  return { graph, order }
}
