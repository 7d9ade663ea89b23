import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { appendFileSync, readdirSync, readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { EngineEvent } from '../../src/engine/events.js'
import { LocalStateStore, resolveStateDir } from '../../src/state/local-store.js'
import { recordFor, stepResult, tempDir } from './fixtures.js'

const definition = { file: 'wf.yml', root: '/repo', definition: { steps: [{ id: 'a', command: 'true' }] } }

describe('local state store', () => {
  let dir: ReturnType<typeof tempDir>
  let store: LocalStateStore
  beforeEach(() => {
    dir = tempDir('local')
    store = new LocalStateStore(dir.path)
  })
  afterEach(() => dir.remove())

  it('keeps one folder per run with state.json, definition.json, control.json and pid', async () => {
    const record = recordFor('wf-1', [{ id: 'a' }, { id: 'b' }])
    await store.beginRun(record, definition)
    expect(readdirSync(join(dir.path, 'runs', 'wf-1')).sort()).toEqual(['control.json', 'definition.json', 'pid', 'state.json'])
    const read = await store.readRun('wf-1')
    expect(read?.record).toEqual(record)
    expect(await store.readDefinition('wf-1')).toEqual(definition)
    expect(await store.readRun('wf-unknown')).toBeUndefined()
  })

  it('appends to the journal and skips a last line a crash cut short', async () => {
    await store.beginRun(recordFor('wf-j', [{ id: 'a' }]), definition)
    const events: EngineEvent[] = [
      { type: 'run_status', time: 1, status: 'paused' },
      { type: 'step_start', time: 2, stepId: 'a', attempt: 1, pid: 10 },
    ]
    await store.appendEvents('wf-j', events.slice(0, 1))
    await store.appendEvents('wf-j', events.slice(1))
    appendFileSync(join(dir.path, 'runs', 'wf-j', 'events.jsonl'), '{"type":"step_end","ti')
    expect(await store.readEvents('wf-j')).toEqual(events)
  })

  it('lists runs newest first and ignores folders without a valid record', async () => {
    await store.beginRun(recordFor('old', [{ id: 'a' }], [], Date.parse('2026-01-01T00:00:00Z')), definition)
    await store.beginRun(recordFor('new', [{ id: 'a' }], [], Date.parse('2026-02-01T00:00:00Z')), definition)
    await store.beginRun(recordFor('broken', [{ id: 'a' }]), definition)
    appendFileSync(join(dir.path, 'runs', 'broken', 'state.json'), 'garbage')
    expect((await store.listRuns()).map((r) => r.record.workflowId)).toEqual(['new', 'old'])
  })

  it('keeps every control request when many monitors send at once', async () => {
    await store.beginRun(recordFor('wf-c', [{ id: 'a' }]), definition)
    await Promise.all(Array.from({ length: 20 }, (_, i) => new LocalStateStore(dir.path).sendControl('wf-c', i % 2 === 0 ? 'pause' : 'resume')))
    const requests = await store.readControl('wf-c')
    expect(requests).toHaveLength(20)
    expect(new Set(requests.map((r) => r.id)).size).toBe(20)
    await store.clearControl('wf-c')
    expect(await store.readControl('wf-c')).toEqual([])
  })

  it('starting a run again drops the control requests of the earlier one', async () => {
    const record = recordFor('wf-r', [{ id: 'a' }])
    await store.beginRun(record, definition)
    await store.sendControl('wf-r', 'cancel')
    await store.beginRun({ ...record, attempt: 2 }, definition)
    expect(await store.readControl('wf-r')).toEqual([])
  })

  it('reads a run whose process is gone as not alive, and a live one as alive', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    const deadPid = Number(dead.stdout)
    const base = recordFor('wf-dead', [{ id: 'a' }])
    await store.beginRun({ ...base, owner: { pid: deadPid, hostname: hostname() } }, definition)
    await store.beginRun({ ...base, workflowId: 'wf-live', owner: { pid: process.pid, hostname: hostname() } }, definition)
    await store.beginRun({ ...base, workflowId: 'wf-stale', owner: { pid: process.pid, hostname: hostname() }, updateTime: new Date(Date.now() - 120_000).toISOString() }, definition)
    expect((await store.readRun('wf-dead'))?.alive).toBe(false)
    expect((await store.readRun('wf-live'))?.alive).toBe(true)
    expect((await store.readRun('wf-stale'))?.alive).toBe(false)
  })

  it('keeps the last durations of each completed step per workflow name', async () => {
    for (const duration of [100, 200, 300, 400, 500, 600]) {
      await store.addHistory('My Pipeline', [stepResult('build', 'completed', 0, duration), stepResult('test', 'failed', 0, 50)])
    }
    await store.addHistory('My Pipeline', [stepResult('build', 'completed', 0, 5, { cached: true })])
    expect(await store.readHistory('My Pipeline')).toEqual({ build: 400 })
    expect(await store.readHistory('Other')).toEqual({})
  })

  it('resolves the folder from the option, then TASK_ORCHESTRATOR_STATE_DIR, then .task-orchestrator', () => {
    expect(resolveStateDir('/x/y', { TASK_ORCHESTRATOR_STATE_DIR: '/env' })).toBe('/x/y')
    expect(resolveStateDir(undefined, { TASK_ORCHESTRATOR_STATE_DIR: '/env' })).toBe('/env')
    expect(resolveStateDir(undefined, {})).toBe(join(process.cwd(), '.task-orchestrator'))
  })

  it('writes state.json whole: no temporary file is left after a save', async () => {
    const record = recordFor('wf-t', [{ id: 'a' }])
    await store.beginRun(record, definition)
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.saveRecord({ ...record, attempt: i + 1 })))
    expect(readdirSync(join(dir.path, 'runs', 'wf-t')).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(JSON.parse(readFileSync(join(dir.path, 'runs', 'wf-t', 'state.json'), 'utf8')).workflowId).toBe('wf-t')
  })
})
