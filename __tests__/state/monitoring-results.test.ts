import { describe, expect, it } from '@jest/globals'
import { monitoringResults } from '../../src/state/monitoring-results.js'
import { applyEvent } from '../../src/state/run-record.js'
import type { RunRecord } from '../../src/state/run-record.js'
import { recordFor, stepResult } from './fixtures.js'

const T0 = Date.parse('2026-03-01T12:00:00Z')
const iso = (ms: number): string => new Date(ms).toISOString()

/** extract -> transform -> load, with validate beside transform. */
function etlRecord(): RunRecord {
  let record = recordFor(
    'wf-etl',
    [{ id: 'extract', name: 'Extract Data' }, { id: 'transform', name: 'Transform Data' }, { id: 'validate' }, { id: 'load', name: 'Load Data' }, { id: 'report' }],
    [
      { from: 'extract', to: 'transform' },
      { from: 'extract', to: 'validate' },
      { from: 'transform', to: 'load' },
      { from: 'validate', to: 'load' },
      { from: 'load', to: 'report' },
    ],
    T0,
  )
  record = applyEvent(record, { type: 'step_start', time: T0, stepId: 'extract', attempt: 1, pid: 1 })
  record = applyEvent(record, { type: 'step_end', time: T0 + 60_000, stepId: 'extract', result: stepResult('extract', 'completed', T0, 60_000) })
  record = applyEvent(record, { type: 'step_start', time: T0 + 60_000, stepId: 'transform', attempt: 1, pid: 2 })
  record = applyEvent(record, { type: 'step_start', time: T0 + 60_000, stepId: 'validate', attempt: 1, pid: 3 })
  record = applyEvent(record, { type: 'step_progress', time: T0 + 90_000, stepId: 'transform', percentage: 75, task: 'Processing batch 3 of 4' })
  record = applyEvent(record, { type: 'step_end', time: T0 + 100_000, stepId: 'validate', result: stepResult('validate', 'completed', T0 + 60_000, 40_000) })
  return { ...record, machine: { cpu: 45, memory: 60 } }
}

describe('monitoring results', () => {
  it('shows progress, active steps with the progress they report, and the seed metrics', () => {
    const status = monitoringResults(etlRecord(), true, T0 + 120_000, {})
    expect(status.workflowId).toBe('wf-etl')
    expect(status.status).toBe('running')
    expect(status.progress).toEqual({ completed: 2, total: 5, percentage: 40 })
    expect(status.activeSteps).toEqual([
      { id: 'transform', name: 'Transform Data', status: 'running', progress: { percentage: 75, currentTask: 'Processing batch 3 of 4' }, startTime: iso(T0 + 60_000), attempt: 1 },
    ])
    expect(status.metrics).toEqual({ throughput: '1.00 steps/minute', cpuUsage: '45%', memoryUsage: '60%' })
    expect(status.circuitBreaker).toBeNull()
  })

  it('estimates next starts from earlier runs’ durations, through the chain of dependencies', () => {
    const now = T0 + 120_000
    const status = monitoringResults(etlRecord(), true, now, { transform: 180_000, load: 30_000 })
    // transform started at T0+60 s and usually takes 180 s: load at T0+240 s, report 30 s later.
    expect(status.nextSteps).toEqual([
      { id: 'load', name: 'Load Data', estimatedStart: iso(T0 + 240_000) },
      { id: 'report', name: 'report', estimatedStart: iso(T0 + 270_000) },
    ])
  })

  it('leaves the estimate out where no duration is known, and never places it in the past', () => {
    expect(monitoringResults(etlRecord(), true, T0 + 120_000, {}).nextSteps.map((s) => s.estimatedStart)).toEqual([null, null])
    const late = T0 + 600_000
    const status = monitoringResults(etlRecord(), true, late, { transform: 180_000, load: 30_000 })
    expect(status.nextSteps[0]?.estimatedStart).toBe(iso(late))
  })

  it('reads a run whose owner died before its end as interrupted, with nothing active', () => {
    const status = monitoringResults(etlRecord(), false, T0 + 120_000, { transform: 180_000 })
    expect(status.status).toBe('interrupted')
    expect(status.activeSteps).toEqual([])
    expect(status.nextSteps.map((s) => [s.id, s.estimatedStart])).toEqual([
      ['transform', null],
      ['load', null],
      ['report', null],
    ])
  })

  it('shows the paused status and the circuit breaker state', () => {
    let record = recordFor('wf-b', [{ id: 'a' }], [], T0)
    record = { ...record, circuitBreaker: { state: 'closed', trips: 0 } }
    record = applyEvent(record, { type: 'run_status', time: T0 + 1, status: 'paused' })
    record = applyEvent(record, { type: 'breaker', time: T0 + 2, state: 'open', trips: 1 })
    const status = monitoringResults(record, true, T0 + 10, {})
    expect(status.status).toBe('paused')
    expect(status.circuitBreaker).toEqual({ state: 'open', trips: 1 })
    expect(status.progress).toEqual({ completed: 0, total: 1, percentage: 0 })
  })
})
