import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EngineEvent } from '../../src/engine/events.js'
import type { WorkflowResult } from '../../src/report/result.js'
import { LocalStateStore } from '../../src/state/local-store.js'
import { StateRecorder } from '../../src/state/state-recorder.js'
import { applyEvent } from '../../src/state/run-record.js'
import { recordFor, stepResult, tempDir } from './fixtures.js'

const T0 = Date.parse('2026-03-01T10:00:00Z')

function resultOf(steps: WorkflowResult['steps'], status: WorkflowResult['status']): WorkflowResult {
  return {
    success: status === 'completed',
    workflowId: 'wf-rec',
    name: 'test',
    status,
    steps,
    metrics: {
      totalSteps: steps.length,
      completedSteps: steps.filter((s) => s.status === 'completed').length,
      failedSteps: 0,
      skippedSteps: 0,
      cancelledSteps: 0,
      totalDuration: 3000,
      parallelEfficiency: 1,
      maxConcurrency: 1,
      criticalPath: { steps: ['a', 'b'], duration: 3000 },
    },
    metadata: { startTime: new Date(T0).toISOString(), endTime: new Date(T0 + 3000).toISOString(), timestamp: new Date(T0 + 3000).toISOString() },
    error: null,
  }
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('state recorder', () => {
  let dir: ReturnType<typeof tempDir>
  let store: LocalStateStore
  beforeEach(() => {
    dir = tempDir('recorder')
    store = new LocalStateStore(dir.path, { heartbeatInterval: 60_000 })
  })
  afterEach(() => dir.remove())

  const stateFile = (): Record<string, unknown> => JSON.parse(readFileSync(join(dir.path, 'runs', 'wf-rec', 'state.json'), 'utf8')) as Record<string, unknown>

  it('saves each state change to the record without waiting for the run to end', async () => {
    const record = recordFor('wf-rec', [{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b' }], T0)
    await store.beginRun(record, { file: 'x.yml', root: '/', definition: {} })
    const recorder = new StateRecorder(store, record)
    recorder.onEvent({ type: 'workflow_start', time: T0, workflowId: 'wf-rec', name: 'test', stepIds: ['a', 'b'] })
    recorder.onEvent({ type: 'step_start', time: T0 + 10, stepId: 'a', attempt: 1, pid: 123 })
    recorder.onEvent({ type: 'step_progress', time: T0 + 20, stepId: 'a', percentage: 75, task: 'batch 3 of 4' })
    await until(() => {
      const steps = stateFile()['steps'] as { id: string; status: string; percentage?: number }[]
      return steps[0]?.status === 'running' && steps[0].percentage === 75
    })
    recorder.onEvent({ type: 'step_end', time: T0 + 1000, stepId: 'a', result: stepResult('a', 'completed', T0 + 10, 990) })
    recorder.onEvent({ type: 'run_status', time: T0 + 1001, status: 'paused' })
    await until(() => stateFile()['status'] === 'paused')
    const steps = stateFile()['steps'] as { id: string; status: string; percentage?: number }[]
    expect(steps.map((s) => s.status)).toEqual(['completed', 'pending'])
    expect(steps[0]?.percentage).toBeUndefined()
    await recorder.close()
  })

  it('journals every event in order, the output lines too', async () => {
    const record = recordFor('wf-rec', [{ id: 'a' }], [], T0)
    await store.beginRun(record, { file: 'x.yml', root: '/', definition: {} })
    const recorder = new StateRecorder(store, record)
    const events: EngineEvent[] = [{ type: 'workflow_start', time: T0, workflowId: 'wf-rec', name: 'test', stepIds: ['a'] }]
    for (let i = 0; i < 200; i++) events.push({ type: 'step_output', time: T0 + i, stepId: 'a', stream: 'stdout', line: `line ${i}` })
    events.push({ type: 'workflow_end', time: T0 + 3000, result: resultOf([stepResult('a', 'completed', T0, 3000)], 'completed') })
    for (const event of events) recorder.onEvent(event)
    await recorder.close()
    expect(await store.readEvents('wf-rec')).toEqual(events)
    expect(stateFile()['status']).toBe('completed')
    expect(readdirSync(join(dir.path, 'history'))).toHaveLength(1)
    expect(await store.readHistory('test')).toEqual({ a: 3000 })
  })

  it('never stores a masked value: not the secret event, not later lines, progress or results', async () => {
    const record = recordFor('wf-rec', [{ id: 'a' }], [], T0)
    await store.beginRun(record, { file: 'x.yml', root: '/', definition: {} })
    const recorder = new StateRecorder(store, record)
    const secret = 's3cr3t-value-42'
    recorder.onEvent({ type: 'secret', time: T0, value: secret })
    recorder.onEvent({ type: 'step_start', time: T0, stepId: 'a', attempt: 1, pid: 1 })
    recorder.onEvent({ type: 'step_progress', time: T0, stepId: 'a', percentage: 5, task: `using ${secret}` })
    recorder.onEvent({ type: 'step_output', time: T0, stepId: 'a', stream: 'stdout', line: `token=${secret}` })
    recorder.onEvent({ type: 'workflow_end', time: T0 + 5, result: resultOf([stepResult('a', 'completed', T0, 5, { output: secret, outputs: { t: secret } })], 'completed') })
    await recorder.close()
    const folder = join(dir.path, 'runs', 'wf-rec')
    for (const name of readdirSync(folder)) expect(readFileSync(join(folder, name), 'utf8')).not.toContain(secret)
    expect(readFileSync(join(folder, 'events.jsonl'), 'utf8')).toContain('using ***')
  })

  it('stops journaling output lines past 1 MiB (with per-event overhead) but keeps recording the run', async () => {
    const record = recordFor('wf-rec', [{ id: 'a' }], [], T0)
    await store.beginRun(record, { file: 'x.yml', root: '/', definition: {} })
    const recorder = new StateRecorder(store, record)
    const line = 'x'.repeat(1024)
    for (let i = 0; i < 2_000; i++) recorder.onEvent({ type: 'step_output', time: T0 + i, stepId: 'a', stream: 'stdout', line })
    recorder.onEvent({ type: 'step_end', time: T0 + 20_000, stepId: 'a', result: stepResult('a', 'completed', T0, 20_000) })
    await recorder.close()
    const events = await store.readEvents('wf-rec')
    const lines = events.filter((e) => e.type === 'step_output').length
    expect(lines).toBeGreaterThan(900) // 1 MiB / (1024 + 128) ≈ 910
    expect(lines).toBeLessThanOrEqual(911)
    expect(events.filter((e) => e.type === 'debug')).toHaveLength(1)
    expect(events[events.length - 1]?.type).toBe('step_end')
  })

  it('refreshes the heartbeat while nothing else happens', async () => {
    const beating = new LocalStateStore(dir.path, { heartbeatInterval: 100 })
    const record = recordFor('wf-rec', [{ id: 'a' }], [], T0)
    await beating.beginRun(record, { file: 'x.yml', root: '/', definition: {} })
    const recorder = new StateRecorder(beating, record, { sampleMachine: () => ({ cpu: 42, memory: 61 }) })
    await until(() => stateFile()['updateTime'] !== record.updateTime)
    await until(() => (stateFile()['machine'] as { cpu: number }).cpu === 42)
    await recorder.close()
  })
})

describe('reading a run whose record was saved before its last events', () => {
  it('replays the journal from the record’s journalCount, so a crash between saves loses nothing', async () => {
    const dir = tempDir('replay')
    try {
      const store = new LocalStateStore(dir.path, { heartbeatInterval: 60_000 })
      const record = recordFor('wf-replay', [{ id: 'a' }, { id: 'b' }], [], T0)
      await store.beginRun(record, { file: 'x.yml', root: '/', definition: {} })
      const start = { type: 'step_start', time: T0 + 1, stepId: 'a', attempt: 1, pid: 1 } as const
      const end = { type: 'step_end', time: T0 + 5, stepId: 'a', result: stepResult('a', 'completed', T0 + 1, 4) } as const
      // The record knows the start (journalCount 1); the end reached only the journal before the crash.
      await store.appendEvents('wf-replay', [start, end])
      await store.saveRecord({ ...applyEvent(record, start), status: 'running', journalCount: 1 })
      const read = await store.readRun('wf-replay')
      expect(read?.record.steps.map((s) => s.status)).toEqual(['completed', 'pending'])
    } finally {
      dir.remove()
    }
  })
})
