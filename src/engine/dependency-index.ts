/**
 * Dependencies regrouped for the scheduler: which edges fire when a step starts or finishes, and which
 * hold a step's start or its end. SPEC §2: finish_to_start and start_to_start hold the dependent's start;
 * finish_to_finish and start_to_finish hold only its reported end.
 */
import type { Dependency, DependencyType, WorkflowModel } from '../definition/model.js'

export interface IndexedEdge {
  readonly dependency: Dependency
  readonly from: number
  readonly to: number
  /** Fires at `from`'s start (true) or at its finish (false). */
  readonly firesAtStart: boolean
  /** Holds `to`'s start (true) or only its end (false). */
  readonly holdsStart: boolean
}

const FIRES_AT_START: Readonly<Record<DependencyType, boolean>> = {
  finish_to_start: false,
  start_to_start: true,
  finish_to_finish: false,
  start_to_finish: true,
}
const HOLDS_START: Readonly<Record<DependencyType, boolean>> = {
  finish_to_start: true,
  start_to_start: true,
  finish_to_finish: false,
  start_to_finish: false,
}

export interface DependencyIndex {
  readonly edges: readonly IndexedEdge[]
  /** Per step: edges that fire when it starts / when it finishes. */
  readonly firedAtStart: readonly (readonly IndexedEdge[])[]
  readonly firedAtFinish: readonly (readonly IndexedEdge[])[]
  /** Per step: incoming edges that hold its start / its end. */
  readonly holdingStart: readonly (readonly IndexedEdge[])[]
  readonly holdingFinish: readonly (readonly IndexedEdge[])[]
}

/** The list of a step without edges of a kind: one shared array, not four per step of a 10,000-step run. */
const NO_EDGES: readonly IndexedEdge[] = Object.freeze([])

export function indexDependencies(workflow: WorkflowModel): DependencyIndex {
  const n = workflow.steps.length
  const position = new Map(workflow.steps.map((s, i) => [s.id, i]))
  const firedAtStart = new Array<readonly IndexedEdge[]>(n).fill(NO_EDGES)
  const firedAtFinish = new Array<readonly IndexedEdge[]>(n).fill(NO_EDGES)
  const holdingStart = new Array<readonly IndexedEdge[]>(n).fill(NO_EDGES)
  const holdingFinish = new Array<readonly IndexedEdge[]>(n).fill(NO_EDGES)
  const edges: IndexedEdge[] = []
  for (const dependency of workflow.dependencies) {
    const from = position.get(dependency.from)
    const to = position.get(dependency.to)
    if (from === undefined || to === undefined) continue // the validator has reported it
    const edge: IndexedEdge = {
      dependency,
      from,
      to,
      firesAtStart: FIRES_AT_START[dependency.type],
      holdsStart: HOLDS_START[dependency.type],
    }
    edges.push(edge)
    add(edge.firesAtStart ? firedAtStart : firedAtFinish, from, edge)
    add(edge.holdsStart ? holdingStart : holdingFinish, to, edge)
  }
  return { edges, firedAtStart, firedAtFinish, holdingStart, holdingFinish }
}

/** Appends to a step's list, giving it an array of its own on its first edge. */
function add(lists: (readonly IndexedEdge[])[], index: number, edge: IndexedEdge): void {
  const list = lists[index]
  // Past the first edge the list is this index's own array (a fan-in of thousands must not copy).
  if (list === undefined || list === NO_EDGES) lists[index] = [edge]
  else (list as IndexedEdge[]).push(edge)
}
