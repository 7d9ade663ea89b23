/**
 * The plan of a workflow (SPEC §11 `plan --json`): each step's level and dependencies, the levels, and
 * the critical path. Pure: it reads the validated model and earlier durations, nothing else.
 */
import type { WorkflowModel } from '../definition/model.js'
import { isStartEvent, stepOfEvent, type DependencyEndpoints } from './event-graph.js'
import { criticalPathOf, longestPaths, stepWeights, type CriticalPath, type KnownDurations } from './critical-path.js'
import { orderedEventGraph, type OrderedEventGraph } from './workflow-graph.js'

export interface PlannedStep {
  readonly id: string
  /** 0 when nothing holds the step's start; see `planWorkflow`. */
  readonly level: number
  /** Every `from` of an incoming dependency, explicit or implicit, deduplicated, in dependency order. */
  readonly dependsOn: string[]
}

export interface Plan {
  /** In definition order. */
  readonly steps: PlannedStep[]
  /** `levels[k]`: the ids of the steps at level k, in definition order. */
  readonly levels: string[][]
  readonly criticalPath: CriticalPath
  /**
   * The critical path's duration. It is in ms when any step has a known duration (an earlier run or an
   * `estimatedDuration`; steps with neither count 1 ms). With no known duration at all every step
   * weighs 1, so it is the number of steps along the critical path: a number either way, never null,
   * so `plan --json` keeps one shape. `hasKnownDuration` tells the two apart for display.
   */
  readonly estimatedDuration: number
}

/**
 * Plans a validated workflow. Levels: a finish_to_start edge puts its `to` at least one level below its
 * `from`, a start_to_start edge at least at the same level; finish_to_finish and start_to_finish edges
 * hold only the end of `to`, so they do not move its level. Weights for the critical path are
 * `durations[id]` ?? `estimatedDuration` ?? 1. Throws on a cyclic model (validate first).
 */
export function planWorkflow(workflow: WorkflowModel, durations?: KnownDurations): Plan {
  const ordered = orderedEventGraph(workflow)
  const level = stepLevels(ordered)
  const dependsOn = incomingSteps(workflow, ordered.endpoints)

  const levels: string[][] = []
  const steps = workflow.steps.map((step, index): PlannedStep => {
    const stepLevel = level[index] as number
    while (levels.length <= stepLevel) levels.push([])
    levels[stepLevel]?.push(step.id)
    return { id: step.id, level: stepLevel, dependsOn: dependsOn[index] ?? [] }
  })

  const critical = criticalPathOf(workflow, longestPaths(ordered, stepWeights(workflow, durations)))
  return { steps, levels, criticalPath: critical, estimatedDuration: critical.duration }
}

/**
 * Levels in one pass over the events in topological order: every event that can raise a step's level
 * comes before that step's start event, so each level is final before it is passed on.
 */
function stepLevels({ graph, order }: OrderedEventGraph): Int32Array {
  const { offsets, targets } = graph
  const level = new Int32Array(graph.stepCount)
  for (const event of order) {
    const step = stepOfEvent(event)
    // From a start event only start_to_start edges reach another start; from a finish event, finish_to_start.
    const raised = (level[step] as number) + (isStartEvent(event) ? 0 : 1)
    const end = offsets[event + 1] as number
    for (let edge = offsets[event] as number; edge < end; edge++) {
      const target = targets[edge] as number
      if (!isStartEvent(target)) continue
      const targetStep = stepOfEvent(target)
      if ((level[targetStep] as number) < raised) level[targetStep] = raised
    }
  }
  return level
}

/**
 * The `from` ids of each step's incoming dependencies, by step index. Dependencies are grouped by `to`
 * with a stable counting sort, and repeats are dropped with a per-`from` marker, so a step with a huge
 * fan-in costs no more than the sum of its edges.
 */
function incomingSteps(workflow: WorkflowModel, endpoints: DependencyEndpoints): string[][] {
  const stepIds = workflow.steps.map((step) => step.id)
  // Edges naming an unknown step are dropped (a validated model has none).
  const edgeFrom: number[] = []
  const edgeTo: number[] = []
  for (let edge = 0; edge < endpoints.fromIndex.length; edge++) {
    const fromIndex = endpoints.fromIndex[edge] ?? -1
    const toIndex = endpoints.toIndex[edge] ?? -1
    if (fromIndex === -1 || toIndex === -1) continue
    edgeFrom.push(fromIndex)
    edgeTo.push(toIndex)
  }

  const stepCount = stepIds.length
  const start = new Int32Array(stepCount + 1)
  for (const toIndex of edgeTo) start[toIndex + 1] = (start[toIndex + 1] as number) + 1
  for (let step = 0; step < stepCount; step++) start[step + 1] = (start[step + 1] as number) + (start[step] as number)
  const fill = start.slice(0, stepCount)
  const fromByTo = new Int32Array(edgeFrom.length)
  for (let edge = 0; edge < edgeTo.length; edge++) {
    const toIndex = edgeTo[edge] as number
    const position = fill[toIndex] as number
    fromByTo[position] = edgeFrom[edge] as number
    fill[toIndex] = position + 1
  }

  // lastListedBy[f] = the last step whose list got f: a repeat within one step's group is skipped.
  const lastListedBy = new Int32Array(stepCount).fill(-1)
  const incoming: string[][] = []
  for (let step = 0; step < stepCount; step++) {
    const froms: string[] = []
    const end = start[step + 1] as number
    for (let position = start[step] as number; position < end; position++) {
      const fromIndex = fromByTo[position] as number
      if (lastListedBy[fromIndex] === step) continue
      lastListedBy[fromIndex] = step
      froms.push(stepIds[fromIndex] as string)
    }
    incoming.push(froms)
  }
  return incoming
}
