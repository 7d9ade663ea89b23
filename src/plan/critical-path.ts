/**
 * Longest weighted paths through the event graph (SPEC §3): the S(s) → F(s) edge weighs the step's
 * duration, every dependency edge weighs nothing. The longest path overall is the critical path; the
 * longest path from each step's start is the scheduler's priority ("longest remaining path first").
 */
import type { Step, WorkflowModel } from '../definition/model.js'
import { isStartEvent, startEvent, stepOfEvent, type EventGraph } from './event-graph.js'
import { orderedEventGraph, type OrderedEventGraph } from './workflow-graph.js'

/** Earlier runs' durations in ms, by step id. */
export type KnownDurations = Readonly<Record<string, number>>

export interface CriticalPath {
  /** Step ids along the path, in order (a step reached through a zero-weight edge is listed too). */
  readonly steps: string[]
  /** Sum of the weights along the path. */
  readonly duration: number
}

/**
 * The weight of a step: `durations[id]` (an earlier run) ?? `estimatedDuration` ?? 1 (unit weight).
 * A value that is not a finite, non-negative number counts as unknown.
 */
export function stepWeight(step: Step, durations?: KnownDurations): number {
  const known = durations === undefined ? undefined : usableDuration(Object.hasOwn(durations, step.id) ? durations[step.id] : undefined)
  return known ?? usableDuration(step.estimatedDuration) ?? 1
}

/** Whether any step's weight comes from a real duration (earlier run or estimate) rather than the unit fallback. */
export function hasKnownDuration(workflow: WorkflowModel, durations?: KnownDurations): boolean {
  return workflow.steps.some(
    (step) =>
      usableDuration(step.estimatedDuration) !== undefined ||
      (durations !== undefined && Object.hasOwn(durations, step.id) && usableDuration(durations[step.id]) !== undefined)
  )
}

/** The longest weighted path through the workflow; `{steps: [], duration: 0}` for a workflow without steps. */
export function criticalPath(workflow: WorkflowModel, durations?: KnownDurations): CriticalPath {
  return criticalPathOf(workflow, longestPaths(orderedEventGraph(workflow), stepWeights(workflow, durations)))
}

/**
 * For each step (indexed by `step.index`), the longest weighted path from its start to the end of the
 * graph, its own duration included. Ties are left to the scheduler (definition order).
 */
export function remainingPathLengths(workflow: WorkflowModel, durations?: KnownDurations): Float64Array {
  return remainingFromStarts(longestPaths(orderedEventGraph(workflow), stepWeights(workflow, durations)))
}

/** Longest path from every event to the end of the graph, and the edge each one takes. */
export interface LongestPaths {
  readonly graph: EventGraph
  /** Weight of the longest path from each event to a sink. */
  readonly tail: Float64Array
  /** The next event along that path, -1 at a sink. */
  readonly next: Int32Array
}

/** Each step's weight by step index. */
export function stepWeights(workflow: WorkflowModel, durations?: KnownDurations): Float64Array {
  return Float64Array.from(workflow.steps, (step) => stepWeight(step, durations))
}

/**
 * One pass over the events in reverse topological order. On ties the earlier out-edge wins, which at a
 * start event is the step's own run: the path then goes through the step rather than around it.
 */
export function longestPaths({ graph, order }: OrderedEventGraph, weights: Float64Array): LongestPaths {
  const { eventCount, offsets, targets } = graph
  const tail = new Float64Array(eventCount)
  const next = new Int32Array(eventCount).fill(-1)
  for (let position = eventCount - 1; position >= 0; position--) {
    const event = order[position] as number
    const ownRun = isStartEvent(event) ? event + 1 : -1
    let best = 0
    let bestNext = -1
    const end = offsets[event + 1] as number
    for (let edge = offsets[event] as number; edge < end; edge++) {
      const target = targets[edge] as number
      const weight = target === ownRun ? (weights[stepOfEvent(event)] as number) : 0
      const length = weight + (tail[target] as number)
      if (bestNext === -1 || length > best) {
        best = length
        bestNext = target
      }
    }
    tail[event] = best
    next[event] = bestNext
  }
  return { graph, tail, next }
}

/** `tail` at each step's start event, by step index. */
export function remainingFromStarts({ graph, tail }: LongestPaths): Float64Array {
  const remaining = new Float64Array(graph.stepCount)
  for (let step = 0; step < graph.stepCount; step++) remaining[step] = tail[startEvent(step)] as number
  return remaining
}

/** Follows `next` from the start event with the longest tail (the earliest step on ties). */
export function criticalPathOf(workflow: WorkflowModel, { graph, tail, next }: LongestPaths): CriticalPath {
  if (graph.stepCount === 0) return { steps: [], duration: 0 }
  // A longest path can always begin at a start event: S(s) reaches everything F(s) does.
  let first = 0
  for (let step = 1; step < graph.stepCount; step++) {
    if ((tail[startEvent(step)] as number) > (tail[startEvent(first)] as number)) first = step
  }
  const steps: string[] = []
  let previousStep = -1
  for (let event = startEvent(first); event !== -1; event = next[event] as number) {
    const step = stepOfEvent(event)
    if (step !== previousStep) steps.push(workflow.steps[step]?.id as string)
    previousStep = step
  }
  return { steps, duration: tail[startEvent(first)] as number }
}

function usableDuration(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}
