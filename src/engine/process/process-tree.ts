/**
 * Finding and signalling every process a step started. The step leads its own process group, which
 * catches ordinary children; processes that leave the group (`setsid`, daemons) are found by a token
 * in their inherited environment, the way Jenkins' ProcessTreeKiller finds a build's strays. Scanning
 * /proc costs milliseconds, so it only happens when something is being killed.
 */
import { randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'

/** The environment variable that marks every process descended from one step attempt. */
export const PROCESS_TOKEN_VARIABLE = 'TASK_ORCHESTRATOR_PROCESS_TOKEN'

const isWindows = process.platform === 'win32'
const canSweep = process.platform === 'linux'
const tokenPrefix = `${process.pid}.${randomBytes(6).toString('hex')}.`
let tokenCounter = 0
/** Enough to cover /proc quickly without opening hundreds of files at once. */
const SWEEP_PARALLELISM = 16

/** A token unique to this attempt (no two attempts of any orchestrator on the machine share one). */
export function newProcessToken(): string {
  tokenCounter += 1
  return tokenPrefix + tokenCounter.toString(36)
}

/** Whether any process is still in the group `pgid` (signal 0 only checks, it delivers nothing). */
export function groupHasMembers(pgid: number): boolean {
  if (isWindows) return false
  return signalExists(-pgid)
}

/** Sends `signal` to the whole group; a group already gone is not an error. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  if (isWindows) return
  signalQuietly(-pgid, signal)
}

/** Sends `signal` to one process; a process already gone is not an error. */
export function signalProcess(pid: number, signal: NodeJS.Signals): void {
  signalQuietly(pid, signal)
}

/** Whether {@link findTreeProcesses} can see anything on this platform (it reads Linux's /proc). */
export const canScanProcesses = canSweep

export interface TreeProcess {
  readonly pid: number
  /** In the step's process group (so a group signal reaches it), as opposed to escaped. */
  readonly inGroup: boolean
}

/**
 * The live (not zombie) processes of a step: those in process group `pgid` and those whose environment
 * carries `token` (Linux only; elsewhere none). Processes of other users, and ones that vanish while we
 * look, are skipped. A process that replaced its whole environment (`env -i`) and left the group cannot
 * be found. Zombies are left out: they are dead, only waiting for a parent (or a slow init) to reap them.
 */
export async function findTreeProcesses(token: string, pgid?: number): Promise<TreeProcess[]> {
  if (!canSweep) return []
  let entries: string[]
  try {
    entries = await readdir('/proc')
  } catch {
    return []
  }
  const needle = Buffer.from(`${PROCESS_TOKEN_VARIABLE}=${token}\0`)
  const pids = entries.filter((name) => name.charCodeAt(0) >= 48 && name.charCodeAt(0) <= 57).map(Number)
  const found: TreeProcess[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < pids.length) {
      const pid = pids[next++] as number
      if (pid === process.pid) continue
      try {
        const stat = parseStat(await readFile(`/proc/${pid}/stat`, 'latin1'))
        if (stat === null || stat.state === 'Z' || stat.state === 'X') continue
        if (stat.pgrp === pgid) found.push({ pid, inGroup: true })
        else if ((await readFile(`/proc/${pid}/environ`)).indexOf(needle) !== -1) found.push({ pid, inGroup: false })
      } catch {
        // Gone, or not ours to read: either way not a process of this step we could signal.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(SWEEP_PARALLELISM, pids.length) }, worker))
  return found
}

/** State and process group from `/proc/<pid>/stat`; the command name may hold spaces and parentheses. */
function parseStat(text: string): { readonly state: string; readonly pgrp: number } | null {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const state = fields[0]
  const pgrp = Number(fields[2])
  return state === undefined || !Number.isInteger(pgrp) ? null : { state, pgrp }
}

function signalExists(target: number): boolean {
  try {
    process.kill(target, 0)
    return true
  } catch (error: unknown) {
    // EPERM: it exists but belongs to someone else (a setuid child); still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function signalQuietly(target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal)
  } catch {
    // ESRCH: already gone, which is what we wanted.
  }
}
