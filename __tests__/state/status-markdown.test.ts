import { describe, expect, it } from '@jest/globals'
import { formatStatus } from '../../src/cli/commands/monitor.js'
import type { MonitoringResults } from '../../src/state/monitoring-results.js'
import { statusMarkdown } from '../../src/state/status-markdown.js'

const status: MonitoringResults = {
  workflowId: 'wf-1',
  status: 'paused',
  progress: { completed: 1, total: 3, percentage: 33 },
  activeSteps: [{ id: 'build', name: '<b>Build</b>', status: 'running', progress: { percentage: 40, currentTask: 'a | b' }, startTime: null, attempt: 2 }],
  nextSteps: [{ id: 'deploy', name: 'Deploy', estimatedStart: '2026-01-01T00:00:00.000Z' }],
  metrics: { throughput: '1.00 steps/minute', cpuUsage: '45%', memoryUsage: '60%' },
  circuitBreaker: { state: 'open', trips: 1 },
  name: 'Release <main>',
  attempt: 1,
  startTime: '2026-01-01T00:00:00.000Z',
  updateTime: '2026-01-01T00:00:00.000Z',
  endTime: null,
}

describe('status rendering', () => {
  it('writes the job summary with names escaped and table cells kept whole', () => {
    const markdown = statusMarkdown(status, 'pause acknowledged by the run.')
    expect(markdown).toContain('## ⏸️ Release &lt;main&gt; — paused')
    expect(markdown).toContain('| &lt;b&gt;Build&lt;/b&gt; (`build`) | 40% | a \\| b | 2 |')
    expect(markdown).toContain('| Deploy (`deploy`) | 2026-01-01T00:00:00.000Z |')
    expect(markdown).toContain('**Circuit breaker**: open (1 trips)')
    expect(markdown).not.toContain('<b>')
  })

  it('prints a few readable lines for the CLI', () => {
    expect(formatStatus(status).split('\n')).toEqual([
      'wf-1 (Release <main>): paused',
      '  progress: 1/3 steps (33%), 1.00 steps/minute',
      '  runner: cpu 45%, memory 60%; circuit breaker open (1 trips)',
      '  running: build — 40% a | b (attempt 2)',
      '  next: deploy at ~2026-01-01T00:00:00.000Z',
      '',
    ])
  })
})
