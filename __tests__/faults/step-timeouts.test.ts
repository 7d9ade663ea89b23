/**
 * Steps that resist their timeout: one whose whole tree ignores SIGTERM (and one child that left the
 * process group), and one that started 300 children. At the timeout the orchestrator escalates to
 * SIGKILL after the grace period, and when the CLI exits not one of those processes is alive.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliBundle } from '../support/cli-bundle.js'
import { runCli } from '../hostile/support/run-cli.js'
import { killMatching, processesMatching, survivorsAfter, uniqueDigits } from './support/fault-kit.js'

let cli: string
let dir: string
const patterns: string[] = []
beforeAll(() => {
  cli = cliBundle()
  dir = mkdtempSync(join(tmpdir(), 'faults-timeouts-'))
}, 180_000)
afterEach(() => patterns.splice(0).forEach(killMatching))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface StepOutcome {
  readonly id: string
  readonly status: string
  readonly timedOut?: boolean
  readonly duration: number | null
  readonly error: string | null
}

describe('steps that resist their timeout', () => {
  it('a tree that ignores SIGTERM (one member outside the group) is SIGKILLed after the grace period', async () => {
    const digits = uniqueDigits()
    const pattern = `sleep 6[0-9]\\.${digits}`
    patterns.push(pattern)
    const file = join(dir, 'stubborn.yml')
    writeFileSync(
      file,
      [
        'name: stubborn',
        'steps:',
        '  - id: stubborn',
        '    timeout: 1500',
        '    killGracePeriod: 1000',
        '    command: |',
        "      trap '' TERM",
        `      sleep 61.${digits} &`,
        `      (trap '' TERM; while :; do sleep 62.${digits}; done) &`,
        `      setsid sleep 63.${digits} &`,
        `      sleep 64.${digits}`,
        '  - id: bystander',
        '    command: echo still fine',
      ].join('\n') + '\n',
    )
    const r = await runCli(cli, ['run', file, '--json', '--state-dir', join(dir, 'state')], { cwd: dir, timeoutMs: 60_000 })
    expect(r.code).toBe(1)
    const result = JSON.parse(r.stdout) as { steps: StepOutcome[] }
    const stubborn = result.steps.find((s) => s.id === 'stubborn')
    expect(stubborn).toMatchObject({ status: 'failed', timedOut: true })
    expect(stubborn?.error ?? '').toMatch(/tim/i)
    // Killed at timeout + grace, not when its 60-second sleeps would have ended.
    expect(stubborn?.duration).toBeGreaterThanOrEqual(1500)
    expect(stubborn?.duration).toBeLessThan(20_000)
    expect(result.steps.find((s) => s.id === 'bystander')?.status).toBe('completed')
    expect(await survivorsAfter(pattern, 1000)).toEqual([])
  })

  it('a step that started 300 children and times out leaves none of them', async () => {
    const digits = uniqueDigits()
    const pattern = `sleep 7[0-9]\\.${digits}`
    patterns.push(pattern)
    const file = join(dir, 'swarm.yml')
    writeFileSync(
      file,
      [
        'name: swarm',
        'steps:',
        '  - id: swarm',
        '    timeout: 6000',
        '    killGracePeriod: 1000',
        '    command: |',
        // Bounded: 300 sleeps in three shapes (direct, in subshells that ignore TERM, detached by setsid).
        `      for i in $(seq 1 200); do sleep 71.${digits} & done`,
        `      for i in $(seq 1 80); do (trap '' TERM; sleep 72.${digits}) & done`,
        `      for i in $(seq 1 20); do setsid sleep 73.${digits} & done`,
        `      echo "started $(jobs -p | wc -l) jobs"`,
        '      wait',
      ].join('\n') + '\n',
    )
    const r = await runCli(cli, ['run', file, '--json', '--state-dir', join(dir, 'state')], { cwd: dir, timeoutMs: 90_000 })
    expect(r.code).toBe(1)
    const result = JSON.parse(r.stdout) as { steps: StepOutcome[] }
    expect(result.steps[0]).toMatchObject({ id: 'swarm', status: 'failed', timedOut: true })
    // The children were really there when the step timed out.
    expect(r.stderr).toMatch(/\[swarm\] started 300 jobs/)
    expect(await survivorsAfter(pattern, 1000)).toEqual([])
    expect(processesMatching(`sleep 73\\.${digits}`)).toEqual([])
  })
})
