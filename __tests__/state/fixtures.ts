/**
 * Shared pieces of the state tests: temporary state folders, step results and a record made from a
 * small built request.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StepResult } from '../../src/report/result.js'
import { initialRecord } from '../../src/state/run-record.js'
import type { RunRecord } from '../../src/state/run-record.js'
import { buildRequest } from '../support/model.js'
import type { DepSpec, StepSpec } from '../support/model.js'

export function tempDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `to-state-${label}-`))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export function stepResult(id: string, status: StepResult['status'], start: number, duration: number | null, extra: Partial<StepResult> = {}): StepResult {
  return {
    id,
    name: id,
    status,
    startTime: duration === null ? null : new Date(start).toISOString(),
    endTime: duration === null ? null : new Date(start + duration).toISOString(),
    duration,
    output: null,
    error: status === 'failed' ? 'exit code 1' : null,
    attempts: duration === null ? 0 : 1,
    exitCode: status === 'completed' ? 0 : status === 'failed' ? 1 : null,
    outputs: {},
    reason: null,
    timedOut: false,
    cached: false,
    ...extra,
  }
}

export function recordFor(workflowId: string, steps: readonly StepSpec[], deps: readonly DepSpec[] = [], now = Date.now(), name = 'test'): RunRecord {
  const request = buildRequest(steps, deps, { workflow: { name } })
  return initialRecord(request, workflowId, { pid: process.pid, hostname: 'test-host' }, 1, now)
}
