/**
 * The post step's last line of defence: every process started by this action's steps carries
 * `TASK_ORCHESTRATOR_ACTION_TOKEN=<token>` in its environment (the action puts it in the steps' base
 * environment), so after the main process died they can still be found in /proc and killed — including
 * ones that left their process group. Linux only; elsewhere nothing is found.
 */
import { readdir, readFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'

export const ACTION_TOKEN_VARIABLE = 'TASK_ORCHESTRATOR_ACTION_TOKEN'

/** A fresh marker for this run's step processes. */
export function newActionToken(): string {
  return randomBytes(12).toString('hex')
}

/** Pids of live processes carrying the token (not this process). */
export async function findMarkedProcesses(token: string): Promise<number[]> {
  if (process.platform !== 'linux') return []
  const needle = Buffer.from(`${ACTION_TOKEN_VARIABLE}=${token}\0`)
  let entries: string[]
  try {
    entries = await readdir('/proc')
  } catch {
    return []
  }
  const found: number[] = []
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue
    try {
      const environ = await readFile(`/proc/${name}/environ`)
      if (environ.indexOf(needle) !== -1) found.push(Number(name))
    } catch {
      // Gone, or another user's: not one we could signal anyway.
    }
  }
  return found
}

/** SIGTERM to every marked process, then SIGKILL to those still there after `graceMs`; returns the pids found. */
export async function killMarkedProcesses(token: string, graceMs = 1000): Promise<number[]> {
  const pids = await findMarkedProcesses(token)
  if (pids.length === 0) return []
  for (const pid of pids) signal(pid, 'SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, graceMs))
  for (const pid of await findMarkedProcesses(token)) signal(pid, 'SIGKILL')
  return pids
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name)
  } catch {
    // Already gone.
  }
}
