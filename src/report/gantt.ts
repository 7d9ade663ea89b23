/**
 * A Mermaid Gantt chart of what actually ran: one bar per step that started, from its start to its end,
 * drawn by GitHub in a job summary or check run (```mermaid fence). Failed steps are marked `crit`,
 * steps on the critical path `active`, the rest `done`.
 */
import type { StepResult, WorkflowResult } from './result.js'

/** Mermaid refuses diagrams over 50,000 characters by default; stay well inside. */
export const GANTT_MAX_CHARS = 40_000
const DEFAULT_MAX_TASKS = 200

export interface GanttOptions {
  /** At most this many bars; failed and critical-path steps are kept first. */
  readonly maxTasks?: number
  readonly maxChars?: number
}

export interface GanttChart {
  /** The diagram source, without the fence. Empty when no step started. */
  readonly text: string
  /** Steps that started but were left out to respect the limits. */
  readonly omitted: number
}

interface Bar {
  readonly step: StepResult
  readonly start: number
  readonly end: number
  readonly tag: 'crit' | 'active' | 'done'
}

/** Builds the chart from a finished run's result. */
export function ganttChart(result: WorkflowResult, options: GanttOptions = {}): GanttChart {
  const maxTasks = options.maxTasks ?? DEFAULT_MAX_TASKS
  const maxChars = options.maxChars ?? GANTT_MAX_CHARS
  const critical = new Set(result.metrics.criticalPath.steps)
  const bars: Bar[] = []
  for (const step of result.steps) {
    if (step.startTime === null) continue
    const start = Date.parse(step.startTime)
    if (Number.isNaN(start)) continue
    const parsedEnd = step.endTime === null ? Number.NaN : Date.parse(step.endTime)
    const end = Number.isNaN(parsedEnd) ? start + (step.duration ?? 0) : parsedEnd
    const tag = step.status === 'failed' || step.status === 'cancelled' ? 'crit' : critical.has(step.id) ? 'active' : 'done'
    // A zero-width bar does not render; give it one millisecond.
    bars.push({ step, start, end: Math.max(end, start + 1), tag })
  }
  if (bars.length === 0) return { text: '', omitted: 0 }

  const chosen = choose(bars, maxTasks)
  const first = Math.min(...chosen.map((b) => b.start))
  const last = Math.max(...chosen.map((b) => b.end))
  const header = [
    'gantt',
    `  title ${label(result.name)}`,
    '  dateFormat x',
    // Times are shown in the reader's time zone; seconds matter for most runs.
    `  axisFormat ${last - first >= 6 * 3600_000 ? '%d %H:%M' : '%H:%M:%S'}`,
    '  section steps',
  ]
  const lines = [...header]
  let size = header.join('\n').length
  let kept = 0
  for (const bar of chosen) {
    const line = `  ${label(bar.step.id)} :${bar.tag}, ${bar.start}, ${bar.end}`
    if (size + line.length + 1 > maxChars) break
    lines.push(line)
    size += line.length + 1
    kept += 1
  }
  return { text: lines.join('\n'), omitted: bars.length - kept }
}

/** Keeps failed, then critical-path, then other steps up to `max`, and returns them in start order. */
function choose(bars: readonly Bar[], max: number): Bar[] {
  if (bars.length <= max) return [...bars].sort(byStart)
  const rank = (bar: Bar): number => (bar.tag === 'crit' ? 0 : bar.tag === 'active' ? 1 : 2)
  const kept = [...bars].sort((a, b) => rank(a) - rank(b) || byStart(a, b)).slice(0, max)
  return kept.sort(byStart)
}

function byStart(a: Bar, b: Bar): number {
  return a.start - b.start || a.step.id.localeCompare(b.step.id)
}

/** Mermaid's Gantt grammar ends a task name at `:` and a line at `;` or `#`. */
function label(text: string): string {
  const clean = text.replace(/[:;#\r\n]/g, ' ').trim()
  return clean === '' ? 'workflow' : clean
}
