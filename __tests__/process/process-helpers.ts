/**
 * Runs real step processes for the process tests and finds processes by a unique marker in their
 * command line, so a test can prove that nothing it started is still alive.
 */
import { execFileSync } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { tmpdir } from 'node:os'
import type { Shell } from '../../src/definition/model.js'
import { nodeSpawner } from '../../src/engine/process/node-spawner.js'
import { perlSpawner } from '../../src/engine/process/perl-spawner.js'
import { pythonSpawner } from '../../src/engine/process/python-spawner.js'
import type { Spawner } from '../../src/engine/process/spawner.js'
import { startStepProcess } from '../../src/engine/process/start-step-process.js'
import type { StepProcess, StepProcessExit, StepProcessSpec } from '../../src/engine/process/start-step-process.js'

/** Every way of starting a step, for suites that must hold for each (`describe.each(SPAWNERS)`). */
export const SPAWNERS: ReadonlyArray<{ readonly name: string; readonly spawner: Spawner }> = [
  { name: 'python', spawner: pythonSpawner },
  { name: 'perl', spawner: perlSpawner },
  { name: 'node', spawner: nodeSpawner },
]

let spawnerUnderTest: Spawner = pythonSpawner

/** The spawner `run` uses from now on. */
export function useSpawner(spawner: Spawner): void {
  spawnerUnderTest = spawner
}

export const baseEnv: Record<string, string> = Object.fromEntries(
  Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
)

export interface CollectedRun {
  readonly process: StepProcess
  readonly stdout: string[]
  readonly stderr: string[]
  readonly exit: Promise<StepProcessExit>
}

export function run(command: string, options: Partial<StepProcessSpec> & { shell?: Shell } = {}): CollectedRun {
  const stdout: string[] = []
  const stderr: string[] = []
  const process = startStepProcess(
    { command, shell: 'bash', cwd: tmpdir(), env: baseEnv, killGracePeriod: 300, ...options },
    { onLine: (stream, line) => (stream === 'stdout' ? stdout : stderr).push(line) },
    spawnerUnderTest,
  )
  return { process, stdout, stderr, exit: process.exited }
}

/**
 * A `sleep` whose command line is unique to this test run: GNU sleep takes fractional seconds, so
 * `sleep 299.123456` is still a long sleep and `pgrep -f` finds exactly it.
 */
export function uniqueSleep(): { readonly command: string; readonly marker: string } {
  const marker = `299.${randomInt(100000, 999999)}${randomInt(100000, 999999)}`
  return { command: `sleep ${marker}`, marker: `sleep ${marker}` }
}

/** Pids whose command line contains `marker` (pgrep excludes itself). */
export function pidsMatching(marker: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number)
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}

/** Waits until `predicate` holds, polling; false when it never did within `ms`. */
export async function eventually(predicate: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (predicate()) return true
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return predicate()
}

/** Test hygiene: never leave a marker process behind, whatever the test's outcome. */
export function killMatching(marker: string): void {
  for (const pid of pidsMatching(marker)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}
