/**
 * The CLI `run` process killed at random moments with SIGKILL, SIGTERM and SIGINT: the stored state is
 * always a whole record, no step process outlives the orchestrator, and `monitor <id> restart` finishes
 * the run without running again any step the state recorded as completed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliBundle } from '../support/cli-bundle.js'
import { runCli, startCli, waitFor } from '../hostile/support/run-cli.js'
import { killMatching, processesMatching, readStoredState, survivorsAfter, uniqueDigits } from './support/fault-kit.js'

let cli: string
let dir: string
const patterns: string[] = []
beforeAll(() => {
  cli = cliBundle()
  dir = mkdtempSync(join(tmpdir(), 'faults-kill-'))
}, 180_000)
afterEach(() => patterns.splice(0).forEach(killMatching))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Eight steps over about 2.5 s (a diamond, two independent steps, a join and a cleanup step) and a ninth,
 * `z`, that sleeps 30 s until the file `fast` exists: whatever survives the orchestrator shows up in pgrep.
 */
function workflow(name: string, digits: string, log: string, fast: string): string {
  const step = (id: string, seconds: string, extra = ''): string =>
    `  - id: ${id}\n    command: sleep ${seconds}${digits}; echo ${id} >> ${log}\n${extra}`
  return (
    `name: ${name}\nconcurrency: 4\nsteps:\n` +
    `  - id: z\n    command: if [ ! -e ${fast} ]; then sleep 30.${digits}; fi; echo z >> ${log}\n` +
    step('a', '0.3') +
    step('b', '0.5') +
    step('c', '0.6') +
    step('d', '0.4') +
    step('e', '0.9') +
    step('f', '1.1') +
    step('g', '0.3') +
    step('h', '0.2', '    condition: always()\n') +
    'dependencies:\n' +
    ['a b', 'a c', 'b d', 'c d', 'd g', 'e g', 'g h', 'f h'].map((pair) => `  - { from: ${pair.split(' ')[0]}, to: ${pair.split(' ')[1]} }`).join('\n') +
    '\n'
  )
}

const STEP_IDS = ['z', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
const TERMINAL = new Set(['completed', 'failed', 'skipped', 'cancelled'])

type Case = [signal: NodeJS.Signals, round: number]
const cases: Case[] = [
  ...[0, 1, 2, 3, 4].map((round): Case => ['SIGKILL', round]),
  ...[0, 1, 2].map((round): Case => ['SIGTERM', round]),
  ...[0, 1, 2].map((round): Case => ['SIGINT', round]),
]

describe('the orchestrator killed mid-run', () => {
  it.each(cases)('%s at a random moment (round %i): state valid, no orphans, restart completes without re-running', async (signal, round) => {
    const digits = uniqueDigits()
    const pattern = `sleep [0-9.]+${digits}`
    patterns.push(pattern)
    const workflowId = `wf-kill-${signal.toLowerCase()}-${round}-${digits}`
    const stateDir = join(dir, 'state')
    const log = join(dir, `${workflowId}.log`)
    const file = join(dir, `${workflowId}.yml`)
    const fast = join(dir, `${workflowId}.fast`)
    writeFileSync(file, workflow(`kill-${signal}`, digits, log, fast))

    const run = startCli(cli, ['run', file, '--workflow-id', workflowId, '--state-dir', stateDir], { cwd: dir, timeoutMs: 60_000 })
    await waitFor(() => run.stdout().includes('[a] ▶ started'), 30_000, 'the first step to start')
    // Anywhere from the first step to the last: before, between and during state saves.
    await new Promise((wake) => setTimeout(wake, 50 + Math.random() * 2200))
    run.child.kill(signal)
    const killed = await run.outcome

    if (signal === 'SIGKILL') expect(killed.signal).toBe('SIGKILL')
    else expect(killed.code).toBe(130)
    // SIGTERM and SIGINT kill the trees before the exit; after SIGKILL the run's reaper does it within seconds
    // (well before z's 30-second sleep would end by itself).
    expect(await survivorsAfter(pattern, signal === 'SIGKILL' ? 8000 : 1000)).toEqual([])
    writeFileSync(fast, '')

    const stored = readStoredState(stateDir, workflowId)
    expect(stored.record.workflowId).toBe(workflowId)
    expect(stored.record.steps.map((s) => s.id)).toEqual(STEP_IDS)
    if (signal !== 'SIGKILL') {
      expect(stored.record.status).toBe('cancelled')
      for (const step of stored.record.steps) expect(TERMINAL.has(step.status)).toBe(true)
    }
    const recordedCompleted = stored.record.steps.filter((s) => s.status === 'completed').map((s) => s.id)

    const status = await runCli(cli, ['monitor', workflowId, 'status', '--json', '--state-dir', stateDir], { cwd: dir })
    expect(status.code).toBe(0)
    expect(JSON.parse(status.stdout).status).toBe(signal === 'SIGKILL' ? 'interrupted' : 'cancelled')

    const restart = await runCli(cli, ['monitor', workflowId, 'restart', '--json', '--state-dir', stateDir], { cwd: dir, timeoutMs: 60_000 })
    expect(restart.code).toBe(0)
    const result = JSON.parse(restart.stdout) as { status: string; steps: { id: string; status: string; cached?: boolean }[] }
    expect(result.status).toBe('completed')
    expect(result.steps.every((s) => s.status === 'completed')).toBe(true)
    for (const id of recordedCompleted) expect(result.steps.find((s) => s.id === id)?.cached).toBe(true)

    const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
    const times = (id: string): number => lines.filter((line) => line === id).length
    // Completed steps ran once; a step caught between its last line and the state's save may run twice.
    for (const id of recordedCompleted) expect(times(id)).toBe(1)
    for (const id of STEP_IDS) expect(times(id)).toBeGreaterThanOrEqual(1)
    expect(readStoredState(stateDir, workflowId).record.status).toBe('completed')
    expect(processesMatching(pattern)).toEqual([])
  })
})
