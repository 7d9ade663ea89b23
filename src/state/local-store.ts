/**
 * The CLI's state store: a folder (default `.task-orchestrator/`) with one folder per run under `runs/`
 * holding `state.json` (the record, replaced atomically), `events.jsonl` (the append-only journal),
 * `definition.json`, `control.json` (requests from `monitor`) and `pid`; step durations per workflow
 * name under `history/`.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, fstatSync, ftruncateSync, openSync, watch, writeSync } from 'node:fs'
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import type { EngineEvent } from '../engine/events.js'
import type { StepResult } from '../report/result.js'
import { TEMP_SUFFIX, writeFileAtomic } from './atomic-file.js'
import { jsonPieces } from './json-pieces.js'
import { addDurations, historyKey, meanDurations, parseHistory } from './run-history.js'
import { isTerminal, parseRunRecord, withJournal } from './run-record.js'
import type { RunRecord } from './run-record.js'
import type { ControlAction, ControlRequest, StateStore, StepHistory, StoredDefinition, StoredRun } from './store.js'
import { CONTROL_ACTIONS } from './store.js'

/** The default folder, relative to the working directory. */
export const DEFAULT_STATE_DIR = '.task-orchestrator'

/** `--state-dir`, else `TASK_ORCHESTRATOR_STATE_DIR`, else `.task-orchestrator`, resolved against cwd. */
export function resolveStateDir(option: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string {
  return resolve(option ?? env['TASK_ORCHESTRATOR_STATE_DIR'] ?? DEFAULT_STATE_DIR)
}

const HEARTBEAT_MS = 2000
/** A record not refreshed for this long belongs to a dead (or frozen) owner, whatever its pid says. */
const STALE_AFTER_MS = 30_000
const LOCK_STALE_MS = 5000

export interface LocalStoreOptions {
  /** Heartbeat period (ms); tests shorten it. */
  readonly heartbeatInterval?: number
}

export class LocalStateStore implements StateStore {
  readonly dir: string
  readonly controlPollInterval = 500
  /** Between two saves of the record; status changes and the end are saved at once. */
  readonly saveInterval = 250
  readonly heartbeatInterval: number
  /** Journals of the runs this process writes, open from their first append to their final record. */
  readonly #journals = new Map<string, { readonly fd: number; size: number }>()

  constructor(dir: string, options: LocalStoreOptions = {}) {
    this.dir = resolve(dir)
    this.heartbeatInterval = options.heartbeatInterval ?? HEARTBEAT_MS
  }

  async beginRun(record: RunRecord, definition: StoredDefinition): Promise<void> {
    this.#closeJournal(record.workflowId)
    const folder = this.#runDir(record.workflowId)
    await mkdir(folder, { recursive: true })
    await this.#removeStaleTemps(folder)
    await writeFileAtomic(join(folder, 'definition.json'), `${JSON.stringify(definition, null, 2)}\n`)
    await writeFileAtomic(join(folder, 'pid'), `${record.owner.pid}\n`)
    await this.clearControl(record.workflowId)
    await this.saveRecord(record)
  }

  async saveRecord(record: RunRecord): Promise<void> {
    const file = join(this.#runDir(record.workflowId), 'state.json')
    // Indented while a person might read it; a large run's record is written compact, in pieces.
    if (record.steps.length <= 100) await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`)
    else await writeFileAtomic(file, withNewline(jsonPieces(record)))
    // The final record: nothing more goes to this run's journal.
    if (isTerminal(record.status)) this.#closeJournal(record.workflowId)
  }

  async appendEvents(workflowId: string, events: readonly EngineEvent[]): Promise<void> {
    if (events.length === 0) return
    // One write per batch with O_APPEND: a crash can only cut the last line, which readEvents skips. A
    // write that fails part-way (a full disk) is cut back, so the next batch starts on a line of its own.
    // Synchronous, on a file kept open until the run's end: a busy run appends a batch every millisecond
    // or so, and one write costs less than a trip through libuv's thread pool.
    const bytes = Buffer.from(events.map((e) => `${JSON.stringify(e)}\n`).join(''))
    const journal = this.#journal(workflowId)
    try {
      // A full disk can take part of a write before it refuses the rest.
      for (let written = 0; written < bytes.length; ) written += writeSync(journal.fd, bytes, written)
      journal.size += bytes.length
    } catch (error: unknown) {
      try {
        ftruncateSync(journal.fd, journal.size)
      } catch {
        // The cut line is skipped by readEvents anyway.
      }
      throw error
    }
  }

  /** The run's open journal, opened on the first append. */
  #journal(workflowId: string): { readonly fd: number; size: number } {
    let journal = this.#journals.get(workflowId)
    if (journal === undefined) {
      const fd = openSync(join(this.#runDir(workflowId), 'events.jsonl'), 'a')
      journal = { fd, size: fstatSync(fd).size }
      this.#journals.set(workflowId, journal)
    }
    return journal
  }

  #closeJournal(workflowId: string): void {
    const journal = this.#journals.get(workflowId)
    if (journal === undefined) return
    this.#journals.delete(workflowId)
    try {
      closeSync(journal.fd)
    } catch {
      // Nothing was pending: every append is written at once.
    }
  }

  async readRun(workflowId: string): Promise<StoredRun | undefined> {
    const text = await readText(join(this.#runDir(workflowId), 'state.json'))
    const saved = text === undefined ? undefined : parseRunRecord(text)
    if (!saved) return undefined
    // The record is saved at most every few hundred ms; the journal has every event since.
    const record = isTerminal(saved.status) || saved.journalCount === undefined ? saved : withJournal(saved, await this.readEvents(workflowId))
    return { record, alive: isTerminal(record.status) ? false : ownerAlive(record, Date.now()) }
  }

  async readDefinition(workflowId: string): Promise<StoredDefinition | undefined> {
    const text = await readText(join(this.#runDir(workflowId), 'definition.json'))
    if (text === undefined) return undefined
    try {
      const parsed = JSON.parse(text) as StoredDefinition
      return typeof parsed.file === 'string' && typeof parsed.root === 'string' ? parsed : undefined
    } catch {
      return undefined
    }
  }

  async readEvents(workflowId: string): Promise<EngineEvent[]> {
    const text = (await readText(join(this.#runDir(workflowId), 'events.jsonl'))) ?? ''
    const events: EngineEvent[] = []
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      try {
        events.push(JSON.parse(line) as EngineEvent)
      } catch {
        // Only the line a crash cut short can fail to parse; the rest of the journal stands.
      }
    }
    return events
  }

  async listRuns(): Promise<StoredRun[]> {
    let names: string[]
    try {
      names = await readdir(join(this.dir, 'runs'))
    } catch {
      return []
    }
    const runs: StoredRun[] = []
    for (const name of names) {
      const run = await this.readRun(name)
      if (run) runs.push(run)
    }
    return runs.sort((a, b) => b.record.startTime.localeCompare(a.record.startTime))
  }

  async sendControl(workflowId: string, action: ControlAction): Promise<ControlRequest> {
    const request: ControlRequest = { id: newRequestId(), action, time: new Date().toISOString() }
    await this.#withControlLock(workflowId, async (file) => {
      const requests = parseControl((await readText(file)) ?? '')
      await writeFileAtomic(file, `${JSON.stringify({ requests: [...requests, request] }, null, 2)}\n`)
    })
    return request
  }

  async readControl(workflowId: string): Promise<ControlRequest[]> {
    return parseControl((await readText(join(this.#runDir(workflowId), 'control.json'))) ?? '')
  }

  async clearControl(workflowId: string): Promise<void> {
    await this.#withControlLock(workflowId, (file) => writeFileAtomic(file, `${JSON.stringify({ requests: [] }, null, 2)}\n`))
  }

  watchControl(workflowId: string, onChange: () => void): () => void {
    try {
      const watcher = watch(this.#runDir(workflowId), { persistent: false }, (_event, file) => {
        if (file === null || file === 'control.json') onChange()
      })
      watcher.on('error', () => watcher.close())
      return () => watcher.close()
    } catch {
      // Some file systems cannot be watched; the poll still delivers within its period.
      return () => {}
    }
  }

  async readHistory(workflowName: string): Promise<StepHistory> {
    const text = await readText(this.#historyFile(workflowName))
    return text === undefined ? {} : meanDurations(parseHistory(text))
  }

  async addHistory(workflowName: string, steps: readonly StepResult[]): Promise<void> {
    const file = this.#historyFile(workflowName)
    await mkdir(join(this.dir, 'history'), { recursive: true })
    const previous = parseHistory((await readText(file)) ?? '{}')
    await writeFileAtomic(file, `${JSON.stringify(addDurations(previous, steps))}\n`)
  }

  #runDir(workflowId: string): string {
    return join(this.dir, 'runs', workflowId)
  }

  #historyFile(workflowName: string): string {
    return join(this.dir, 'history', `${historyKey(workflowName)}.json`)
  }

  /** Two monitors writing at once must not drop each other's request: control.json changes under a lock file. */
  async #withControlLock(workflowId: string, change: (file: string) => Promise<void>): Promise<void> {
    const folder = this.#runDir(workflowId)
    await mkdir(folder, { recursive: true })
    const lock = join(folder, 'control.lock')
    const deadline = Date.now() + 10_000
    for (;;) {
      try {
        const handle = await open(lock, 'wx')
        await handle.close()
        break
      } catch (error: unknown) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0)
        if (age > LOCK_STALE_MS || Date.now() > deadline) await rm(lock, { force: true })
        else await new Promise((wake) => setTimeout(wake, 20))
      }
    }
    try {
      await change(join(folder, 'control.json'))
    } finally {
      await rm(lock, { force: true })
    }
  }

  /** Temporary files a killed writer left behind. */
  async #removeStaleTemps(folder: string): Promise<void> {
    const names = await readdir(folder).catch(() => [] as string[])
    await Promise.all(names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => rm(join(folder, n), { force: true })))
  }
}

/** Whether the record's owner still runs: its pid on this host, and a heartbeat that is fresh. */
export function ownerAlive(record: RunRecord, now: number): boolean {
  if (now - Date.parse(record.updateTime) > STALE_AFTER_MS) return false
  if (record.owner.hostname !== hostname()) return true
  try {
    process.kill(record.owner.pid, 0)
    return true
  } catch (error: unknown) {
    // EPERM: the pid exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces
  yield '\n'
}

function newRequestId(): string {
  return `${Date.now().toString().padStart(15, '0')}-${randomBytes(4).toString('hex')}`
}

function parseControl(text: string): ControlRequest[] {
  try {
    const parsed = JSON.parse(text) as { requests?: unknown }
    if (!Array.isArray(parsed.requests)) return []
    return parsed.requests.filter(
      (r): r is ControlRequest =>
        typeof r === 'object' && r !== null && typeof (r as ControlRequest).id === 'string' && CONTROL_ACTIONS.includes((r as ControlRequest).action),
    )
  } catch {
    return []
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    return undefined
  }
}
