/**
 * The run as Markdown for a job summary or a check run: a status line, the step table, the critical path,
 * a Gantt chart and the tail of each failed step's log. Pure: the caller supplies the log tails. The text
 * never exceeds the byte budget it is given (GitHub refuses a step summary over 1 MiB), however many
 * steps the workflow has: sections shrink, and each cut says so.
 */
import { ganttChart } from './gantt.js'
import type { StepResult, StepResultStatus, WorkflowResult, WorkflowStatus } from './result.js'
import { unreachable } from '../util/unreachable.js'

/** GitHub's limit is 1 MiB per step summary; leave room for what else the job appends. */
export const SUMMARY_MAX_BYTES = 1_000_000

export type SummarySection = 'status' | 'table' | 'criticalPath' | 'gantt' | 'failedLogs'
const ALL_SECTIONS: readonly SummarySection[] = ['status', 'table', 'criticalPath', 'gantt', 'failedLogs']

export interface SummaryInput {
  readonly result: WorkflowResult
  /** The last lines of each failed step's log, by step id. */
  readonly failedLogTails?: Readonly<Record<string, readonly string[]>>
  /** Byte budget of the whole text (default SUMMARY_MAX_BYTES). */
  readonly maxBytes?: number
  /** Which sections to render, in this order (default all). */
  readonly sections?: readonly SummarySection[]
}

/** A row of the step table; a live check run shows steps that have not finished yet. */
export interface StepRow {
  readonly id: string
  readonly name: string
  readonly status: StepResultStatus | 'running' | 'pending'
  readonly duration: number | null
  readonly attempts: number
  /** The error, or why the step was skipped or cancelled. */
  readonly detail: string | null
}

/** Renders the summary Markdown within the byte budget. */
export function renderSummary(input: SummaryInput): string {
  const maxBytes = input.maxBytes ?? SUMMARY_MAX_BYTES
  const sections = input.sections ?? ALL_SECTIONS
  const result = input.result
  const parts: string[] = []
  let used = 0
  // Share of what is left that each section may take, so later sections keep some room.
  const share: Record<SummarySection, number> = { status: 1, table: 0.6, criticalPath: 1, gantt: 0.5, failedLogs: 1 }
  for (const section of sections) {
    const budget = Math.floor((maxBytes - used) * share[section])
    const text = renderSection(section, result, input.failedLogTails ?? {}, budget)
    if (text === '' || bytes(text) + 1 > maxBytes - used) continue
    parts.push(text)
    used += bytes(text) + 1
  }
  return parts.join('\n')
}

function renderSection(section: SummarySection, result: WorkflowResult, tails: Readonly<Record<string, readonly string[]>>, budget: number): string {
  switch (section) {
    case 'status':
      return fit(statusSection(result), budget)
    case 'table':
      return stepTable(result.steps.map(rowOf), budget)
    case 'criticalPath':
      return fit(criticalPathSection(result), budget)
    case 'gantt':
      return ganttSection(result, budget)
    case 'failedLogs':
      return failedLogsSection(result, tails, budget)
    default:
      return unreachable(section)
  }
}

/** The emoji shown beside a step or workflow status. */
export function statusEmoji(status: StepRow['status'] | WorkflowStatus): string {
  switch (status) {
    case 'completed':
      return '✅'
    case 'failed':
      return '❌'
    case 'skipped':
      return '⏭️'
    case 'cancelled':
      return '⏹️'
    case 'running':
      return '🔄'
    case 'pending':
      return '⏳'
    default:
      return unreachable(status)
  }
}

/** A one-line headline: `❌ build failed: Step test failed`. */
export function headline(result: WorkflowResult): string {
  const what = `${statusEmoji(result.status)} ${result.name} ${result.status}`
  return result.error ? `${what}: ${result.error}` : what
}

function statusSection(result: WorkflowResult): string {
  const m = result.metrics
  const counts = [
    `${m.completedSteps} completed`,
    m.failedSteps > 0 ? `${m.failedSteps} failed` : '',
    m.skippedSteps > 0 ? `${m.skippedSteps} skipped` : '',
    m.cancelledSteps > 0 ? `${m.cancelledSteps} cancelled` : '',
  ].filter((s) => s !== '')
  return [
    `## ${escapeHtml(headline(result))}`,
    '',
    `**${m.totalSteps} steps**: ${counts.join(', ')} · wall time **${formatDuration(m.totalDuration)}** · ` +
      `parallel efficiency ${m.parallelEfficiency} · at most ${m.maxConcurrency} at once · workflow id \`${escapeHtml(result.workflowId)}\``,
    '',
  ].join('\n')
}

function rowOf(step: StepResult): StepRow {
  return { id: step.id, name: step.name, status: step.status, duration: step.duration, attempts: step.attempts, detail: step.error ?? step.reason }
}

/**
 * The step table as HTML (cells escaped here: the toolkit's summary builder does not escape). Over
 * budget, failed, cancelled and running steps are kept first and a closing row counts the rest.
 */
export function stepTable(rows: readonly StepRow[], budget: number): string {
  const head = '<table>\n<tr><th>Step</th><th>Status</th><th>Duration</th><th>Attempts</th><th>Error</th></tr>\n'
  const foot = '</table>\n'
  const rendered = rows.map(renderRow)
  const total = bytes(head) + bytes(foot) + rendered.reduce((sum, r) => sum + bytes(r), 0)
  if (total <= budget) return head + rendered.join('') + foot

  const noteReserve = 200
  let room = budget - bytes(head) - bytes(foot) - noteReserve
  if (room <= 0) return ''
  const important = (row: StepRow): boolean => row.status === 'failed' || row.status === 'cancelled' || row.status === 'running'
  const keep = new Set<number>()
  for (const pass of [true, false]) {
    rows.forEach((row, i) => {
      if (important(row) !== pass || keep.has(i)) return
      const size = bytes(rendered[i] ?? '')
      if (size > room) return
      keep.add(i)
      room -= size
    })
  }
  const shown = rendered.filter((_r, i) => keep.has(i))
  const left = rows.length - shown.length
  const note = `<tr><td colspan="5"><em>${left} more step${left === 1 ? '' : 's'} not shown (size limit); the <code>result</code> output has them all.</em></td></tr>\n`
  return head + shown.join('') + note + foot
}

function renderRow(row: StepRow): string {
  const name = row.name !== row.id ? `<code>${escapeHtml(row.id)}</code> ${escapeHtml(truncate(row.name, 200))}` : `<code>${escapeHtml(row.id)}</code>`
  const duration = row.duration === null ? '' : formatDuration(row.duration)
  const attempts = row.attempts > 0 ? String(row.attempts) : ''
  const detail = row.detail ? escapeHtml(truncate(row.detail, 500)) : ''
  return `<tr><td>${name}</td><td>${statusEmoji(row.status)} ${row.status}</td><td>${duration}</td><td>${attempts}</td><td>${detail}</td></tr>\n`
}

function criticalPathSection(result: WorkflowResult): string {
  const path = result.metrics.criticalPath
  if (path.steps.length === 0) return ''
  const shown = path.steps.length > 100 ? [...path.steps.slice(0, 50), '…', ...path.steps.slice(-49)] : path.steps
  return `**Critical path** (${formatDuration(path.duration)}): ${shown.map((s) => (s === '…' ? s : `\`${escapeHtml(s)}\``)).join(' → ')}\n`
}

function ganttSection(result: WorkflowResult, budget: number): string {
  const chart = ganttChart(result, { maxChars: Math.max(0, Math.min(budget - 200, 40_000)) })
  if (chart.text === '' || !chart.text.includes(' :')) return ''
  const note = chart.omitted > 0 ? `\n_${chart.omitted} more steps are not drawn (diagram size limit)._\n` : ''
  return `### Timeline\n\n\`\`\`mermaid\n${chart.text}\n\`\`\`\n${note}`
}

function failedLogsSection(result: WorkflowResult, tails: Readonly<Record<string, readonly string[]>>, budget: number): string {
  const failed = result.steps.filter((s) => s.status === 'failed')
  if (failed.length === 0) return ''
  const heading = '### Failed steps\n\n'
  let room = budget - bytes(heading) - 200
  const blocks: string[] = []
  let left = 0
  failed.forEach((step, index) => {
    // Each failed step gets an equal share of what remains, at most 16 KB.
    const share = Math.min(16 * 1024, Math.floor(room / (failed.length - index)))
    const block = failedBlock(step, tails[step.id] ?? [], share)
    if (block === '' || bytes(block) + 1 > room) {
      left += 1
      return
    }
    blocks.push(block)
    room -= bytes(block) + 1
  })
  const note = left > 0 ? `_${left} more failed step${left === 1 ? '' : 's'} not shown (size limit)._\n` : ''
  return blocks.length === 0 && left === 0 ? '' : heading + blocks.join('\n') + note
}

function failedBlock(step: StepResult, tail: readonly string[], budget: number): string {
  const summary = `<details open><summary><code>${escapeHtml(step.id)}</code>: ${escapeHtml(truncate(step.error ?? 'failed', 300))}</summary>\n\n`
  const close = '</pre>\n</details>\n'
  const open = '<pre>\n'
  let room = budget - bytes(summary) - bytes(open) - bytes(close)
  if (room <= 0) return ''
  const lines: string[] = []
  for (let i = tail.length - 1; i >= 0; i -= 1) {
    const line = `${escapeHtml(truncate(tail[i] ?? '', 1000))}\n`
    if (bytes(line) > room) break
    lines.unshift(line)
    room -= bytes(line)
  }
  const body = lines.length === 0 ? '(no output)\n' : lines.join('')
  return summary + open + body + close
}

/** Escapes text for HTML and for Markdown's inline code/emphasis inside HTML blocks. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** `850 ms`, `12.3 s`, `2 m 05 s`, `1 h 02 m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return ''
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  if (seconds < 3600) return `${Math.floor(seconds / 60)} m ${String(seconds % 60).padStart(2, '0')} s`
  const minutes = Math.round(seconds / 60)
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} m`
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function fit(text: string, budget: number): string {
  return bytes(text) <= budget ? text : ''
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
