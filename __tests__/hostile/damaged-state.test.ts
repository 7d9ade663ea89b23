/**
 * State files the orchestrator did not write whole — an older version's, a hand edit, another tool's, a
 * disk that lost a block: `monitor status` and `list` answer "no such run" for that one folder (or read
 * it), and never fail outright, so one damaged folder cannot hide every other run.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalStateStore } from '../../src/state/local-store.js'
import { readStatus } from '../../src/state/monitor.js'

const dir = mkdtempSync(join(tmpdir(), 'hostile-state-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const now = new Date().toISOString()
const good = {
  version: 1,
  workflowId: 'wf-good',
  name: 'good',
  status: 'completed',
  attempt: 1,
  startTime: now,
  updateTime: now,
  endTime: now,
  owner: { pid: 1, hostname: hostname() },
  steps: [{ id: 'a', name: 'a', status: 'completed', startTime: now, attempt: 1 }],
  dependencies: [],
  circuitBreaker: null,
  machine: { cpu: null, memory: null },
  result: null,
}

const DAMAGED: readonly [string, string][] = [
  ['empty', ''],
  ['truncated', JSON.stringify(good).slice(0, 80)],
  ['binary', '\u0000\u0001\u0002\uFFFD'],
  ['an array', '[1,2,3]'],
  ['no owner', JSON.stringify({ ...good, owner: undefined })],
  ['a null owner', JSON.stringify({ ...good, status: 'running', owner: null })],
  ['a null step', JSON.stringify({ ...good, steps: [null] })],
  ['a step without an id', JSON.stringify({ ...good, steps: [{ status: 'running' }] })],
  ['a numeric status', JSON.stringify({ ...good, status: 7 })],
  ['a garbage update time', JSON.stringify({ ...good, status: 'running', updateTime: 'yesterday' })],
  ['machine missing', JSON.stringify({ ...good, machine: undefined, status: 'running' })],
  ['a prototype key', JSON.stringify({ ...good, workflowId: '__proto__' }).replace('"name"', '"__proto__":{"polluted":1},"name"')],
]

function writeRun(id: string, text: string): void {
  mkdirSync(join(dir, 'runs', id), { recursive: true })
  writeFileSync(join(dir, 'runs', id, 'state.json'), text)
}

describe('damaged state files', () => {
  const store = new LocalStateStore(dir)
  writeRun('wf-good', JSON.stringify(good))
  DAMAGED.forEach(([, text], i) => writeRun(`wf-damaged-${i}`, text))

  it.each(DAMAGED.map(([name], i): [string, number] => [name, i]))('%s: status is a clean answer, not an exception', async (_name, i) => {
    const status = await readStatus(store, `wf-damaged-${i}`)
    if (status.ok) expect(typeof status.value.status).toBe('string')
    else expect(status.error).toMatch(/no workflow/)
  })

  it('list still shows the good run beside the damaged ones', async () => {
    const runs = await store.listRuns()
    expect(runs.map((r) => r.record.workflowId)).toContain('wf-good')
  })

  it('the good run alone reads as completed', async () => {
    const status = await readStatus(store, 'wf-good')
    expect(status.ok && status.value.status).toBe('completed')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('a workflow id that climbs out of the state folder is refused, not read', async () => {
    mkdirSync(join(dir, 'outside', 'runs'), { recursive: true })
    writeFileSync(join(dir, 'outside', 'state.json'), JSON.stringify({ ...good, workflowId: 'outside' }))
    const inner = new LocalStateStore(join(dir, 'inner'))
    for (const id of ['../../outside', '..', 'a/../../b', '/etc']) {
      const status = await readStatus(inner, id)
      expect(status.ok).toBe(false)
      if (!status.ok) expect(status.error).toMatch(/invalid workflow id/)
    }
  })
})

