/**
 * Cycle detection over start/finish events (SPEC §2 "Validation"): a loop of finish_to_finish edges
 * never closes a step-level cycle of "runs before", yet it deadlocks, because each step's end waits on
 * the other's. Working on events catches that and every other mix of dependency kinds.
 */
import type { DependencyType } from '../definition/model.js'
import { buildEventGraph, stepOfEvent, type EventGraph } from './event-graph.js'

/**
 * One cycle per strongly connected component of the event graph that has one, each as the step ids
 * along it with the first repeated at the end (`['a', 'b', 'a']`); consecutive events of the same step
 * are collapsed into one id. Each cycle starts at the earliest step (definition order) of its component,
 * and cycles come in that order too. Dependencies naming unknown steps, and self-dependencies, are
 * ignored: the validator reports those separately. Iterative and O(V + E), so 10,000-step chains are fine.
 */
export function findCycles(
  stepIds: readonly string[],
  deps: readonly { from: string; to: string; type: DependencyType }[]
): string[][] {
  const graph = buildEventGraph(stepIds, deps)
  return findEventCycles(graph).map((events) => collapseToSteps(events, stepIds))
}

/**
 * One cycle of events per strongly connected component with more than one event, each starting at
 * the component's lowest event and ending with it again. Components come ordered by that event.
 */
export function findEventCycles(graph: EventGraph): Int32Array[] {
  const cycleStarts = cyclicComponentStarts(graph)
  return cycleStarts.starts.map((start) => shortestCycleThrough(graph, start, cycleStarts.componentOf))
}

interface ComponentStarts {
  /** The lowest event of each component with more than one event, ascending. */
  readonly starts: number[]
  /** Component number of each event. */
  readonly componentOf: Int32Array
}

/** Tarjan's strongly connected components with an explicit stack instead of recursion. */
function cyclicComponentStarts(graph: EventGraph): ComponentStarts {
  const { eventCount, offsets, targets } = graph
  const unvisited = -1
  const discovery = new Int32Array(eventCount).fill(unvisited)
  const lowLink = new Int32Array(eventCount)
  const onStack = new Uint8Array(eventCount)
  const componentOf = new Int32Array(eventCount).fill(-1)
  const componentStack = new Int32Array(eventCount)
  const callStack = new Int32Array(eventCount)
  // The next out-edge to explore for each frame of callStack.
  const nextEdge = new Int32Array(eventCount)
  const starts: number[] = []
  let componentStackSize = 0
  let callDepth = 0
  let counter = 0
  let componentCount = 0

  const enter = (event: number): void => {
    discovery[event] = counter
    lowLink[event] = counter
    counter++
    componentStack[componentStackSize++] = event
    onStack[event] = 1
    callStack[callDepth] = event
    nextEdge[callDepth] = offsets[event] as number
    callDepth++
  }

  for (let root = 0; root < eventCount; root++) {
    if (discovery[root] !== unvisited) continue
    enter(root)
    while (callDepth > 0) {
      const frame = callDepth - 1
      const event = callStack[frame] as number
      const edge = nextEdge[frame] as number
      if (edge < (offsets[event + 1] as number)) {
        nextEdge[frame] = edge + 1
        const target = targets[edge] as number
        if (discovery[target] === unvisited) enter(target)
        else if (onStack[target] === 1) lowLink[event] = Math.min(lowLink[event] as number, discovery[target] as number)
        continue
      }
      callDepth--
      if (callDepth > 0) {
        const parent = callStack[callDepth - 1] as number
        lowLink[parent] = Math.min(lowLink[parent] as number, lowLink[event] as number)
      }
      if (lowLink[event] !== discovery[event]) continue
      let size = 0
      let lowest = event
      let member: number
      do {
        member = componentStack[--componentStackSize] as number
        onStack[member] = 0
        componentOf[member] = componentCount
        lowest = Math.min(lowest, member)
        size++
      } while (member !== event)
      if (size > 1) starts.push(lowest)
      componentCount++
    }
  }
  starts.sort((a, b) => a - b)
  return { starts, componentOf }
}

/**
 * Breadth-first search from `start` inside its component until an edge leads back to `start`; the
 * shortest such cycle makes the shortest message. Only the component's events are visited.
 */
function shortestCycleThrough(graph: EventGraph, start: number, componentOf: Int32Array): Int32Array {
  const { offsets, targets } = graph
  const component = componentOf[start]
  const parent = new Map<number, number>([[start, -1]])
  const queue = [start]
  for (let head = 0; head < queue.length; head++) {
    const event = queue[head] as number
    const end = offsets[event + 1] as number
    for (let edge = offsets[event] as number; edge < end; edge++) {
      const target = targets[edge] as number
      if (target === start) return pathBack(parent, event, start)
      if (componentOf[target] !== component || parent.has(target)) continue
      parent.set(target, event)
      queue.push(target)
    }
  }
  // A component with more than one event is strongly connected: some edge leads back to start.
  throw new Error(`no cycle through event ${start} in its own strongly connected component`)
}

/** The events from `start` to `last` along `parent` links, then `start` again. */
function pathBack(parent: ReadonlyMap<number, number>, last: number, start: number): Int32Array {
  const reversed: number[] = [start]
  for (let event = last; event !== -1; event = parent.get(event) ?? -1) reversed.push(event)
  return Int32Array.from(reversed.reverse())
}

/** Step ids along an event cycle, with consecutive events of the same step collapsed into one id. */
function collapseToSteps(events: Int32Array, stepIds: readonly string[]): string[] {
  const steps: string[] = []
  let previousStep = -1
  for (const event of events) {
    const step = stepOfEvent(event)
    if (step === previousStep) continue
    steps.push(stepIds[step] as string)
    previousStep = step
  }
  return steps
}
