/**
 * Step durations across runs of the same workflow: the last few durations of each step are kept and
 * their mean feeds scheduling priority and the monitor's estimated start times.
 */
import type { StepResult } from '../report/result.js'
import type { StepHistory } from './store.js'

/** How many recent durations of a step count. */
const KEPT_RUNS = 5

export interface HistoryFile {
  readonly version: 1
  /** step id → its last durations (ms), oldest first. */
  readonly steps: Readonly<Record<string, readonly number[]>>
}

export const EMPTY_HISTORY: HistoryFile = { version: 1, steps: {} }

/** The history with this run's completed, really executed steps added (cached ones ran earlier). */
export function addDurations(history: HistoryFile, steps: readonly StepResult[]): HistoryFile {
  const next: Record<string, readonly number[]> = { ...history.steps }
  for (const step of steps) {
    if (step.status !== 'completed' || step.cached || step.duration === null) continue
    next[step.id] = [...(next[step.id] ?? []), step.duration].slice(-KEPT_RUNS)
  }
  return { version: 1, steps: next }
}

export function meanDurations(history: HistoryFile): StepHistory {
  const means: Record<string, number> = {}
  for (const [id, durations] of Object.entries(history.steps)) {
    if (durations.length > 0) means[id] = Math.round(durations.reduce((a, b) => a + b, 0) / durations.length)
  }
  return means
}

/** Reads a stored history leniently: anything unexpected counts as no history. */
export function parseHistory(text: string): HistoryFile {
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null) return EMPTY_HISTORY
    const steps = (parsed as { steps?: unknown }).steps
    if (typeof steps !== 'object' || steps === null) return EMPTY_HISTORY
    const clean: Record<string, number[]> = {}
    for (const [id, value] of Object.entries(steps)) {
      if (Array.isArray(value)) clean[id] = value.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    }
    return { version: 1, steps: clean }
  } catch {
    return EMPTY_HISTORY
  }
}

/** A file name for a workflow's name, which may hold any character. */
export function historyKey(workflowName: string): string {
  const readable = workflowName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
  let hash = 0
  for (const char of workflowName) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) >>> 0
  return `${readable || 'workflow'}-${hash.toString(16)}`
}
