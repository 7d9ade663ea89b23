/**
 * The monitor's status as Markdown, for the job summary of `mode: monitor` (and readable as plain text).
 */
import { escapeHtml } from '../report/summary.js'
import type { MonitoringResults } from './monitoring-results.js'

const ICONS: Readonly<Record<MonitoringResults['status'], string>> = {
  running: '🔄',
  paused: '⏸️',
  cancelling: '🛑',
  completed: '✅',
  failed: '❌',
  cancelled: '🚫',
  interrupted: '⚠️',
}

export function statusMarkdown(status: MonitoringResults, note?: string): string {
  const lines = [
    `## ${ICONS[status.status]} ${escapeHtml(status.name)} — ${status.status}`,
    '',
    `Workflow id \`${escapeHtml(status.workflowId)}\` (run ${status.attempt}), started ${status.startTime}${status.endTime ? `, ended ${status.endTime}` : ''}.`,
    '',
  ]
  if (note) lines.push(escapeHtml(note), '')
  lines.push(
    `**Progress**: ${status.progress.completed} of ${status.progress.total} steps (${status.progress.percentage}%) · ` +
      `**Throughput**: ${status.metrics.throughput} · **CPU**: ${status.metrics.cpuUsage ?? 'n/a'} · **Memory**: ${status.metrics.memoryUsage ?? 'n/a'}` +
      (status.circuitBreaker ? ` · **Circuit breaker**: ${status.circuitBreaker.state} (${status.circuitBreaker.trips} trips)` : ''),
    '',
  )
  if (status.activeSteps.length > 0) {
    lines.push('| Running step | Progress | Current task | Attempt |', '|---|---|---|---|')
    for (const step of status.activeSteps) {
      lines.push(
        `| ${escapeHtml(step.name)} (\`${escapeHtml(step.id)}\`) | ${step.progress.percentage === null ? '' : `${step.progress.percentage}%`} | ${escapeHtml(step.progress.currentTask ?? '').replace(/\|/g, '\\|')} | ${step.attempt} |`,
      )
    }
    lines.push('')
  }
  if (status.nextSteps.length > 0) {
    lines.push('| Next step | Estimated start |', '|---|---|')
    for (const step of status.nextSteps) lines.push(`| ${escapeHtml(step.name)} (\`${escapeHtml(step.id)}\`) | ${step.estimatedStart ?? 'unknown'} |`)
    lines.push('')
  }
  return lines.join('\n')
}
