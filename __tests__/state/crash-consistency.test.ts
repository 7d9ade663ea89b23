/**
 * State is never half-written: the orchestrator is SIGKILLed at random moments of a busy run, 50 times,
 * and the stored state reads back whole every time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LocalStateStore } from '../../src/state/local-store.js'
import { parseRunRecord } from '../../src/state/run-record.js'
import { driverBundle } from './support/driver-bundle.js'
import { spawnDriver } from './support/processes.js'
import { tempDir } from './fixtures.js'

const KILLS = 50
const PARALLEL = 5

let bundle = ''
let dir: ReturnType<typeof tempDir>

beforeAll(() => {
  bundle = driverBundle()
  dir = tempDir('crash')
}, 240_000)
afterAll(() => dir.remove())

describe('crash consistency', () => {
  it(`reads a valid record and journal after each of ${KILLS} kills at random moments`, async () => {
    const file = join(dir.path, 'busy.yml')
    const steps = Array.from({ length: 60 }, (_, i) => `  - { id: s${i}, command: "echo step ${i} with some output; sleep 0.02" }`)
    writeFileSync(file, ['name: busy', 'concurrency: 4', 'steps:', ...steps].join('\n'))
    const state = join(dir.path, 'state')
    const store = new LocalStateStore(state)
    let withState = 0
    let midRun = 0

    const once = async (i: number): Promise<void> => {
      const id = `wf-crash-${i}`
      const run = spawnDriver(bundle, ['cli', 'run', file, '--workflow-id', id, '--state-dir', state], { cwd: dir.path })
      const stateFile = join(state, 'runs', id, 'state.json')
      // Startup time varies a lot on a busy machine: the random moment is counted from the run's start.
      const deadline = Date.now() + 15_000
      while (!existsSync(stateFile) && Date.now() < deadline && run.child.exitCode === null) await new Promise((wake) => setTimeout(wake, 10))
      await new Promise((wake) => setTimeout(wake, Math.random() * 600))
      run.child.kill('SIGKILL')
      await run.exit
      if (!existsSync(stateFile)) return
      withState++
      const record = parseRunRecord(readFileSync(stateFile, 'utf8'))
      expect(record?.workflowId).toBe(id)
      const stored = await store.readRun(id)
      expect(stored).toBeDefined()
      if (stored && stored.record.status === 'running') {
        midRun++
        expect(stored.alive).toBe(false)
      }
      const journal = join(state, 'runs', id, 'events.jsonl')
      const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n') : []
      // Every line parses except possibly the very last one, which a kill may cut short.
      for (const line of lines.slice(0, -1)) expect(() => JSON.parse(line)).not.toThrow()
    }

    for (let i = 0; i < KILLS; i += PARALLEL) {
      await Promise.all(Array.from({ length: Math.min(PARALLEL, KILLS - i) }, (_, k) => once(i + k)))
    }
    // Most kills must have hit a run in progress, or the test proves little.
    expect(withState).toBeGreaterThan(KILLS * 0.9)
    expect(midRun).toBeGreaterThan(KILLS * 0.3)
  }, 120_000)
})
