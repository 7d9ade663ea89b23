import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { prepareActionState } from '../../src/action/run-state.js'
import type { ActionSettings } from '../../src/action/inputs.js'
import { LocalStateStore } from '../../src/state/local-store.js'
import { applyEvent } from '../../src/state/run-record.js'
import type { RunRecord } from '../../src/state/run-record.js'
import { buildRequest } from '../support/model.js'
import { recordFor, stepResult, tempDir } from './fixtures.js'

describe('state for the action’s execute mode', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir('action-run')
  })
  afterEach(() => dir.remove())

  const settings = (workflowId: string, given: boolean) =>
    ({ state: 'local' as const, token: '', workspace: dir.path, workflowId, workflowIdGiven: given, concurrency: undefined }) as unknown as ActionSettings
  const prepare = async (s: ActionSettings, given: ReturnType<typeof buildRequest>, warn: (m: string) => void) => {
    const r = await prepareActionState(s, given, { env: {}, info: () => {}, warn })
    if (!r.ok) throw new Error(r.error)
    return r.value
  }

  it('restarts a stored run named by workflow-id from its stored definition, keeping completed steps', async () => {
    const store = new LocalStateStore(join(dir.path, '.task-orchestrator'))
    let record: RunRecord = { ...recordFor('wf-redo', [{ id: 'a' }, { id: 'b' }]), status: 'failed' }
    record = applyEvent(record, { type: 'step_end', time: 1, stepId: 'a', result: stepResult('a', 'completed', 0, 5) })
    record = applyEvent(record, { type: 'step_end', time: 2, stepId: 'b', result: stepResult('b', 'failed', 5, 5) })
    const definition = { workflow: { name: 'stored', steps: [{ id: 'a', command: 'true' }, { id: 'b', command: 'true' }] } }
    await store.beginRun(record, { file: 'stored.yml', root: dir.path, definition })
    await store.saveRecord(record)

    const warnings: string[] = []
    const given = buildRequest([{ id: 'other' }])
    const prepared = await prepare(settings('wf-redo', true), given, (m) => warnings.push(m))
    expect(warnings).toEqual([])
    expect(prepared.request.workflow.name).toBe('stored')
    expect(prepared.previous?.map((s) => [s.id, s.status])).toEqual([
      ['a', 'completed'],
      ['b', 'failed'],
    ])
    expect(prepared.listeners.length).toBeGreaterThan(0)
    await prepared.close()
  })

  it('runs the given definition when the id names no stored run, and warns instead of failing without a token', async () => {
    const given = buildRequest([{ id: 'x' }])
    const fresh = await prepare(settings('wf-new', true), given, () => {})
    expect(fresh.request).toBe(given)
    expect(fresh.previous).toBeUndefined()
    expect(fresh.listeners.length).toBeGreaterThan(0)
    await fresh.close()

    const warnings: string[] = []
    const off = await prepare({ ...settings('wf-gh', false), state: 'github' } as ActionSettings, given, (m) => warnings.push(m))
    expect(off.listeners).toEqual([])
    expect(warnings[0]).toContain('mode: monitor cannot reach this run')
  })
})
