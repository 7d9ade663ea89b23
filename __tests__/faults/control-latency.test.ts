/**
 * How long a control takes to bite, measured from outside as a user sees it: `monitor <id> cancel` from a
 * second process until the running step's tree is gone and the run reads `cancelled` (SPEC §10: within
 * 2 s locally). The assertion leaves room for a loaded machine; the figure goes to RELIABILITY.md.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliBundle } from '../support/cli-bundle.js'
import { runCli, startCli, waitFor } from '../hostile/support/run-cli.js'
import { killMatching, processesMatching, readStoredState, uniqueDigits } from './support/fault-kit.js'

let cli: string
let dir: string
const patterns: string[] = []
beforeAll(() => {
  cli = cliBundle()
  dir = mkdtempSync(join(tmpdir(), 'faults-control-'))
}, 180_000)
afterEach(() => patterns.splice(0).forEach(killMatching))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('control latency', () => {
  it('monitor cancel kills the running tree and ends the run cancelled within 2 s (asserted with slack)', async () => {
    const digits = uniqueDigits()
    const pattern = `sleep 9[0-9]\\.${digits}`
    patterns.push(pattern)
    const stateDir = join(dir, 'state')
    const workflowId = `wf-cancel-${digits}`
    const file = join(dir, 'cancel.yml')
    writeFileSync(file, `name: cancel\nsteps:\n  - id: long\n    command: sleep 91.${digits} & sleep 92.${digits}; wait\n  - id: next\n    command: "true"\ndependencies:\n  - { from: long, to: next }\n`)
    const run = startCli(cli, ['run', file, '--workflow-id', workflowId, '--state-dir', stateDir], { cwd: dir, timeoutMs: 60_000 })
    await waitFor(() => processesMatching(pattern).length >= 2, 30_000, 'both sleeps to run')

    const sent = Date.now()
    const monitor = runCli(cli, ['monitor', workflowId, 'cancel', '--state-dir', stateDir], { cwd: dir })
    await waitFor(() => processesMatching(pattern).length === 0, 15_000, 'the tree to be killed')
    const treeGone = Date.now() - sent
    const ended = await run.outcome
    const runEnded = Date.now() - sent
    expect((await monitor).code).toBe(0)
    expect(ended.code).toBe(1)
    expect(readStoredState(stateDir, workflowId).record.status).toBe('cancelled')
    console.log(`cancel latency: tree gone ${treeGone} ms, run ended ${runEnded} ms after \`monitor cancel\` started`)
    // The promise is 2 s; a loaded 2-core machine adds process start-up (the monitor is a fresh node).
    expect(treeGone).toBeLessThan(5000)
  })
})
