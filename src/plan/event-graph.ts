/**
 * The event graph: each step s has a start event S(s) and a finish event F(s), with S(s) → F(s);
 * each dependency joins one event of `from` to one event of `to` (SPEC §2). Cycles, levels and the
 * critical path are all questions about this graph, so it is built once, in compact arrays
 * (compressed sparse rows), to stay cheap at 10,000 steps and 30,000 edges.
 */
import type { DependencyType } from '../definition/model.js'
import { unreachable } from '../util/unreachable.js'

/** The part of a dependency the graph needs. */
export interface DependencyEdge {
  readonly from: string
  readonly to: string
  readonly type: DependencyType
}

export interface EventGraph {
  readonly stepCount: number
  /** 2 × stepCount: event 2i is S(step i), event 2i+1 is F(step i). */
  readonly eventCount: number
  /** The out-edges of event e are `targets[offsets[e]]` up to (excluding) `targets[offsets[e + 1]]`. */
  readonly offsets: Int32Array
  readonly targets: Int32Array
}

/** The start event of the step at `stepIndex`. */
export const startEvent = (stepIndex: number): number => stepIndex * 2

/** The finish event of the step at `stepIndex`. */
export const finishEvent = (stepIndex: number): number => stepIndex * 2 + 1

/** The step an event belongs to. */
export const stepOfEvent = (event: number): number => event >> 1

/** Whether an event is a start event (else it is a finish event). */
export const isStartEvent = (event: number): boolean => (event & 1) === 0

/** The event of `from` that a dependency of this type waits on: its start or its finish. */
export function sourceEvent(type: DependencyType, fromIndex: number): number {
  switch (type) {
    case 'finish_to_start':
    case 'finish_to_finish':
      return finishEvent(fromIndex)
    case 'start_to_start':
    case 'start_to_finish':
      return startEvent(fromIndex)
    default:
      return unreachable(type)
  }
}

/** The event of `to` that a dependency of this type holds: its start or its finish. */
export function targetEvent(type: DependencyType, toIndex: number): number {
  switch (type) {
    case 'finish_to_start':
    case 'start_to_start':
      return startEvent(toIndex)
    case 'finish_to_finish':
    case 'start_to_finish':
      return finishEvent(toIndex)
    default:
      return unreachable(type)
  }
}

/** Each dependency's endpoints as step indices (position in the step list), -1 for an unknown id. */
export interface DependencyEndpoints {
  readonly fromIndex: Int32Array
  readonly toIndex: Int32Array
}

/** Looks every dependency's step ids up once; the first of duplicate ids wins (the validator reports duplicates). */
export function resolveEndpoints(stepIds: readonly string[], dependencies: readonly DependencyEdge[]): DependencyEndpoints {
  const indexById = new Map<string, number>()
  for (let index = 0; index < stepIds.length; index++) {
    const id = stepIds[index] as string
    if (!indexById.has(id)) indexById.set(id, index)
  }
  const fromIndex = new Int32Array(dependencies.length)
  const toIndex = new Int32Array(dependencies.length)
  for (let edge = 0; edge < dependencies.length; edge++) {
    const dependency = dependencies[edge] as DependencyEdge
    fromIndex[edge] = indexById.get(dependency.from) ?? -1
    toIndex[edge] = indexById.get(dependency.to) ?? -1
  }
  return { fromIndex, toIndex }
}

/**
 * Builds the event graph of steps `stepIds` (index = position) and `dependencies`; `endpoints`, when the
 * caller has them already, saves looking the ids up again.
 * Dependencies naming an unknown step and self-dependencies are left out: the validator reports both
 * on their own, and a self-dependency would otherwise also show up as a one-step cycle.
 * Out-edges keep the order of `dependencies`, after each start event's own S → F edge.
 */
export function buildEventGraph(
  stepIds: readonly string[],
  dependencies: readonly DependencyEdge[],
  endpoints: DependencyEndpoints = resolveEndpoints(stepIds, dependencies)
): EventGraph {
  const stepCount = stepIds.length
  const eventCount = stepCount * 2
  const edgeSources = new Int32Array(dependencies.length)
  const edgeTargets = new Int32Array(dependencies.length)
  let dependencyEdgeCount = 0
  for (let edge = 0; edge < dependencies.length; edge++) {
    const fromIndex = endpoints.fromIndex[edge] ?? -1
    const toIndex = endpoints.toIndex[edge] ?? -1
    if (fromIndex === -1 || toIndex === -1 || fromIndex === toIndex) continue
    const type = (dependencies[edge] as DependencyEdge).type
    edgeSources[dependencyEdgeCount] = sourceEvent(type, fromIndex)
    edgeTargets[dependencyEdgeCount] = targetEvent(type, toIndex)
    dependencyEdgeCount++
  }

  const edgeCount = stepCount + dependencyEdgeCount
  const outDegree = new Int32Array(eventCount)
  for (let step = 0; step < stepCount; step++) outDegree[startEvent(step)] = 1
  for (let edge = 0; edge < dependencyEdgeCount; edge++) {
    const source = edgeSources[edge] as number
    outDegree[source] = (outDegree[source] as number) + 1
  }
  const offsets = new Int32Array(eventCount + 1)
  for (let event = 0; event < eventCount; event++) offsets[event + 1] = (offsets[event] as number) + (outDegree[event] as number)

  // outDegree is reused as each event's write position.
  const fill = outDegree
  fill.set(offsets.subarray(0, eventCount))
  const targets = new Int32Array(edgeCount)
  const append = (source: number, target: number): void => {
    const position = fill[source] as number
    targets[position] = target
    fill[source] = position + 1
  }
  for (let step = 0; step < stepCount; step++) append(startEvent(step), finishEvent(step))
  for (let edge = 0; edge < dependencyEdgeCount; edge++) append(edgeSources[edge] as number, edgeTargets[edge] as number)
  return { stepCount, eventCount, offsets, targets }
}

/**
 * The events in an order where every edge goes forward (Kahn's algorithm), or undefined when the
 * graph has a cycle.
 */
export function topologicalOrder(graph: EventGraph): Int32Array | undefined {
  const { eventCount, offsets, targets } = graph
  const inDegree = new Int32Array(eventCount)
  for (const target of targets) inDegree[target] = (inDegree[target] as number) + 1

  // A FIFO over a preallocated array: each event enters it exactly once.
  const order = new Int32Array(eventCount)
  let tail = 0
  for (let event = 0; event < eventCount; event++) if (inDegree[event] === 0) order[tail++] = event
  for (let head = 0; head < tail; head++) {
    const event = order[head] as number
    const end = offsets[event + 1] as number
    for (let edge = offsets[event] as number; edge < end; edge++) {
      const target = targets[edge] as number
      const remaining = (inDegree[target] as number) - 1
      inDegree[target] = remaining
      if (remaining === 0) order[tail++] = target
    }
  }
  return tail === eventCount ? order : undefined
}
