/**
 * Shared by the fault tests: the CLI bundle, a scratch folder, process look-ups by a unique token, and a
 * reader that checks a run's stored state the way `monitor` would read it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseRunRecord } from '../../../src/state/run-record.js'
import type { RunRecord } from '../../../src/state/run-record.js'

/** Pids and command lines of live processes whose command line matches `pattern` (an extended regex). */
export function processesMatching(pattern: string): string[] {
  try {
    return execFileSync('pgrep', ['-a', '-f', pattern], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.includes('pgrep'))
  } catch {
    // pgrep exits 1 when nothing matches.
    return []
  }
}

/** Waits until nothing matches `pattern`, up to `timeoutMs`; returns what is still alive then. */
export async function survivorsAfter(pattern: string, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs
  let alive = processesMatching(pattern)
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((wake) => setTimeout(wake, 100))
    alive = processesMatching(pattern)
  }
  return alive
}

/** Kills, pid by pid, what a failed test left behind (its own unique-token processes), so one failure does not spill into the next test. */
export function killMatching(pattern: string): void {
  for (const line of processesMatching(pattern)) {
    const pid = Number(line.split(' ')[0])
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
}

/** A short random digit string that makes a run's sleep durations (and so its processes) recognisable. */
export function uniqueDigits(): string {
  return String(10_000 + Math.floor(Math.random() * 89_999))
}

export interface StoredState {
  readonly record: RunRecord
  readonly events: number
  readonly tornEventLines: number
}

/**
 * Reads `runs/<id>/state.json` and `events.jsonl` as written: the record must parse as a whole record
 * (never half-written); at most the journal's last line may be cut short by a kill.
 */
export function readStoredState(stateDir: string, workflowId: string): StoredState {
  const folder = join(stateDir, 'runs', workflowId)
  const text = readFileSync(join(folder, 'state.json'), 'utf8')
  const record = parseRunRecord(text)
  if (!record) throw new Error(`state.json of ${workflowId} is not a run record:\n${text.slice(0, 500)}`)
  const journal = existsSync(join(folder, 'events.jsonl')) ? readFileSync(join(folder, 'events.jsonl'), 'utf8') : ''
  const lines = journal.split('\n').filter((line) => line !== '')
  let torn = 0
  lines.forEach((line, i) => {
    try {
      JSON.parse(line)
    } catch {
      if (i !== lines.length - 1 || journal.endsWith('\n')) throw new Error(`events.jsonl line ${i + 1} of ${lines.length} is damaged: ${line.slice(0, 200)}`)
      torn += 1
    }
  })
  return { record, events: lines.length - torn, tornEventLines: torn }
}

/** Names of the files in a run's folder (temporary files included). */
export function runFolderFiles(stateDir: string, workflowId: string): string[] {
  const folder = join(stateDir, 'runs', workflowId)
  return existsSync(folder) ? readdirSync(folder) : []
}
