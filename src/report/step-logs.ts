/**
 * Each step's log, spooled to its own file as it streams, so that the action can replay the whole log in
 * a `::group::` afterwards and quote a failed step's tail in the summary without ever holding a log in
 * memory (a step may print gigabytes). Memory is bounded by one small buffer per running step.
 */
import { closeSync, createReadStream, existsSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { EngineEvent, EngineListener } from '../engine/events.js'

/** Flush a step's buffer once it holds this many bytes. */
const FLUSH_BYTES = 64 * 1024

interface OpenLog {
  fd: number
  pending: string[]
  pendingBytes: number
}

/** Spools `step_output` lines to one file per step under a private temp folder. */
export class StepLogSpool implements EngineListener {
  readonly #dir: string
  readonly #open = new Map<string, OpenLog>()
  readonly #lineCounts = new Map<string, number>()

  /** `parent` defaults to os.tmpdir(); the action passes RUNNER_TEMP. */
  constructor(parent: string = tmpdir()) {
    this.#dir = mkdtempSync(join(parent, 'task-orchestrator-logs-'))
  }

  get directory(): string {
    return this.#dir
  }

  onEvent(event: EngineEvent): void {
    if (event.type === 'step_output') this.append(event.stepId, event.line)
    else if (event.type === 'step_end') this.#closeLog(event.stepId)
    // Retries share the step's log: a marker says where each later attempt begins.
    else if (event.type === 'step_start' && event.attempt > 1) this.append(event.stepId, attemptMarker(event.attempt))
  }

  append(stepId: string, line: string): void {
    let log = this.#open.get(stepId)
    if (!log) {
      // Lines may still come after step_end (a rollback's output), so the file is opened for appending.
      log = { fd: openSync(this.#file(stepId), 'a'), pending: [], pendingBytes: 0 }
      this.#open.set(stepId, log)
    }
    const text = `${line}\n`
    log.pending.push(text)
    log.pendingBytes += text.length
    this.#lineCounts.set(stepId, (this.#lineCounts.get(stepId) ?? 0) + 1)
    if (log.pendingBytes >= FLUSH_BYTES) flush(log)
  }

  /** How many lines the step printed so far. */
  lineCount(stepId: string): number {
    return this.#lineCounts.get(stepId) ?? 0
  }

  /** Writes every buffered line to disk and closes the files (a later line reopens its file). */
  async close(): Promise<void> {
    for (const stepId of [...this.#open.keys()]) this.#closeLog(stepId)
  }

  /** Streams the step's whole log, line by line, to `onLine`. */
  async replay(stepId: string, onLine: (line: string) => void): Promise<void> {
    this.#flushStep(stepId)
    const file = this.#file(stepId)
    if (!existsSync(file)) return
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
    for await (const line of lines) onLine(line)
  }

  /** The last `maxLines` lines of the step's log, reading at most `maxBytes` from the end of its file. */
  tail(stepId: string, maxLines: number, maxBytes = 64 * 1024): string[] {
    this.#flushStep(stepId)
    const file = this.#file(stepId)
    if (!existsSync(file) || maxLines <= 0) return []
    const fd = openSync(file, 'r')
    try {
      const size = fstatSync(fd).size
      const start = Math.max(0, size - maxBytes)
      const buffer = Buffer.alloc(size - start)
      readSync(fd, buffer, 0, buffer.length, start)
      const lines = buffer.toString('utf8').split('\n')
      lines.pop() // the text after the last newline is empty
      // A read that starts mid-file begins with a partial line.
      if (start > 0) lines.shift()
      return lines.slice(-maxLines)
    } finally {
      closeSync(fd)
    }
  }

  /** Removes the spool folder. */
  dispose(): void {
    for (const log of this.#open.values()) closeSync(log.fd)
    this.#open.clear()
    rmSync(this.#dir, { recursive: true, force: true })
  }

  #file(stepId: string): string {
    // Step ids match ^[A-Za-z_][A-Za-z0-9_-]*$, so they are safe file names.
    return join(this.#dir, `${stepId}.log`)
  }

  #flushStep(stepId: string): void {
    const log = this.#open.get(stepId)
    if (log) flush(log)
  }

  #closeLog(stepId: string): void {
    const log = this.#open.get(stepId)
    if (!log) return
    flush(log)
    closeSync(log.fd)
    this.#open.delete(stepId)
  }
}

/** The line that separates the attempts of a retried step in its log. */
export function attemptMarker(attempt: number): string {
  return `── attempt ${attempt} ──`
}

function flush(log: OpenLog): void {
  if (log.pending.length === 0) return
  writeSync(log.fd, log.pending.join(''))
  log.pending = []
  log.pendingBytes = 0
}
