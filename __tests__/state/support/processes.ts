/**
 * Spawning the driver bundle and waiting on what its runs store.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { LocalStateStore } from '../../../src/state/local-store.js'
import { readStatus } from '../../../src/state/monitor.js'
import type { MonitoringResults } from '../../../src/state/monitoring-results.js'

export interface Spawned {
  readonly child: ChildProcess
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>
}

export function spawnDriver(bundle: string, args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Spawned {
  const child = spawn(process.execPath, [bundle, ...args], { cwd: options.cwd, env: { ...process.env, CI: 'true', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  )
  return { child, exit }
}

export async function runDriver(bundle: string, args: readonly string[], options: { cwd: string; env?: Record<string, string> }) {
  return spawnDriver(bundle, args, options).exit
}

/** Polls the stored status until `check` holds; returns that status. */
export async function waitForStatus(
  stateDir: string,
  workflowId: string,
  check: (status: MonitoringResults) => boolean,
  timeoutMs = 20_000,
): Promise<MonitoringResults> {
  const store = new LocalStateStore(stateDir)
  const deadline = Date.now() + timeoutMs
  let last = 'no state yet'
  for (;;) {
    const status = await readStatus(store, workflowId)
    if (status.ok) {
      if (check(status.value)) return status.value
      last = JSON.stringify(status.value)
    }
    if (Date.now() > deadline) throw new Error(`status condition not reached in ${timeoutMs} ms; last: ${last}`)
    await new Promise((wake) => setTimeout(wake, 50))
  }
}

/** Whether the process exists and is not a zombie (an orphan a container's init may be slow to reap). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return false
  }
}
