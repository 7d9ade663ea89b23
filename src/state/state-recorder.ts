/**
 * The state store's listener: every event goes to the run's journal, and every change a status reader
 * would see is saved to the record — at once (coalesced per tick) on a local store, throttled on GitHub —
 * so a crash loses at most what was still in flight. Masked values never reach the store.
 */
import type { EngineEvent, EngineListener } from '../engine/events.js'
import { SecretMasker } from '../engine/secret-masker.js'
import type { MachineSampler } from './machine-usage.js'
import { machineSampler } from './machine-usage.js'
import { applyEvents, changesRecord, isTerminal } from './run-record.js'
import type { RunRecord } from './run-record.js'
import type { StateStore } from './store.js'

/**
 * Output lines journaled per run. A step may print gigabytes (SPEC §3); past this the journal keeps the
 * run's lifecycle only, so neither the disk nor the write buffer grows with the output. Each line is
 * charged its event's overhead too: a flood of short lines costs memory per event, not per byte.
 */
const OUTPUT_JOURNAL_BYTES = 1024 * 1024
const OUTPUT_EVENT_OVERHEAD = 128

/** Past this, a slow store is the store's problem. Status stays current meanwhile: readers replay the journal. */
const MAX_ADAPTIVE_GAP_MS = 10_000

export interface RecorderOptions {
  readonly now?: () => number
  readonly sampleMachine?: MachineSampler
  /** Told about a failed write once per kind of failure; the run goes on regardless. */
  readonly onError?: (message: string) => void
}

export class StateRecorder implements EngineListener {
  readonly #store: StateStore
  readonly #masker = new SecretMasker()
  readonly #now: () => number
  readonly #sample: MachineSampler
  readonly #onError: (message: string) => void
  readonly #reported = new Set<string>()
  #record: RunRecord
  #journal: EngineEvent[] = []
  #outputBytes = 0
  #dirty = false
  #lastSave = 0
  #lastSaveCost = 0
  /** Events the journal holds: where a reader's replay starts (RunRecord.journalCount). */
  #appended = 0
  #pending: EngineEvent[] = []
  #urgent = false
  #closing = false
  #timerDue = 0
  #timer: NodeJS.Timeout | null = null
  #writing: Promise<void> | null = null
  readonly #heartbeat: NodeJS.Timeout

  constructor(store: StateStore, record: RunRecord, options: RecorderOptions = {}) {
    this.#store = store
    this.#record = record
    this.#now = options.now ?? Date.now
    this.#sample = options.sampleMachine ?? machineSampler()
    this.#onError = options.onError ?? ((message) => process.stderr.write(`warning: state store: ${message}\n`))
    this.#record = { ...record, machine: { cpu: null, memory: this.#sample().memory } }
    this.#heartbeat = setInterval(() => this.#beat(), store.heartbeatInterval)
    this.#heartbeat.unref()
  }

  /** The record as it stands (masked), for callers that show status without reading the store. */
  get record(): RunRecord {
    this.#applyPending()
    return this.#record
  }

  /** Events wait here until the record is needed: applying them in a batch copies the step list once. */
  #applyPending(): void {
    if (this.#pending.length === 0) return
    this.#record = applyEvents(this.#record, this.#pending)
    this.#pending = []
  }

  onEvent(event: EngineEvent): void {
    if (event.type === 'step_output' && !this.#roomForOutput(event)) return
    let stored: EngineEvent
    if (event.type === 'secret') {
      this.#masker.add(event.value)
      // The value itself is exactly what must not be stored.
      stored = { ...event, value: '***' }
    } else {
      stored = this.#masker.maskDeep(event)
    }
    this.#journal.push(stored)
    if (changesRecord(stored)) {
      this.#pending.push(stored)
      this.#dirty = true
    }
    // Terminal and run-status changes are what a monitor waits to see acknowledged: never held back.
    this.#schedule(event.type === 'workflow_end' || event.type === 'run_status')
  }

  /** Writes everything still pending, records the durations for later ETAs, and stops the heartbeat. */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat)
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#closing = true
    do await this.#flush()
    while (this.#journal.length > 0 || this.#dirty)
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#applyPending()
    const result = this.#record.result
    if (result) await this.#guard('history', () => this.#store.addHistory(this.#record.name, result.steps))
  }

  #roomForOutput(event: Extract<EngineEvent, { type: 'step_output' }>): boolean {
    if (this.#outputBytes > OUTPUT_JOURNAL_BYTES) return false
    this.#outputBytes += event.line.length + OUTPUT_EVENT_OVERHEAD
    if (this.#outputBytes <= OUTPUT_JOURNAL_BYTES) return true
    this.#journal.push({ type: 'debug', time: event.time, message: `journal: output lines past ${OUTPUT_JOURNAL_BYTES} bytes are not recorded (see the log)` })
    return false
  }

  /**
   * The journal goes out on the next tick (it is what a restart trusts); the record follows at most
   * every #saveGap ms, or at once when `urgent` (status changes a monitor waits to see acknowledged).
   */
  #schedule(urgent: boolean): void {
    if (urgent) this.#urgent = true
    const recordDue = this.#urgent ? 0 : Math.max(0, this.#lastSave + this.#saveGap() - this.#now())
    const wait = this.#journal.length > 0 ? 0 : recordDue
    const due = this.#now() + wait
    if (this.#timer) {
      if (this.#timerDue <= due) return
      clearTimeout(this.#timer)
    }
    this.#timerDue = due
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.#flush()
    }, wait)
  }

  #beat(): void {
    this.#applyPending()
    if (isTerminal(this.#record.status)) return
    const usage = this.#sample()
    this.#record = { ...this.#record, machine: { cpu: usage.cpu ?? this.#record.machine.cpu, memory: usage.memory } }
    this.#dirty = true
    this.#schedule(false)
  }

  /** One writer at a time; what arrives during a write goes out with the next one (throttled again). */
  async #flush(): Promise<void> {
    // A write in flight reschedules itself for whatever arrived meanwhile: waiting here as well would
    // queue one waiter per event during a long write.
    if (this.#writing) return this.#writing
    if (this.#journal.length === 0 && !this.#dirty) return
    this.#writing = this.#writeOnce()
    try {
      await this.#writing
    } finally {
      this.#writing = null
    }
    if (this.#journal.length > 0 || this.#dirty) this.#schedule(false)
  }

  async #writeOnce(): Promise<void> {
    const events = this.#journal
    this.#journal = []
    if (events.length > 0 && (await this.#guard('journal', () => this.#store.appendEvents(this.#record.workflowId, events)))) {
      this.#appended += events.length
    }
    if (!this.#dirty) return
    if (!this.#urgent && !this.#closing && this.#now() < this.#lastSave + this.#saveGap()) return
    this.#dirty = false
    this.#urgent = false
    this.#lastSave = this.#now()
    this.#applyPending()
    this.#record = { ...this.#record, updateTime: new Date(this.#lastSave).toISOString(), journalCount: this.#appended }
    const started = performance.now()
    await this.#guard('record', () => this.#store.saveRecord(this.#record))
    this.#lastSaveCost = performance.now() - started
  }

  /**
   * The least time between two saves of the record: the store's own interval, and for a large run at
   * least 50 times what the last save took, so that saving a 10,000-step record never becomes the run's
   * main work. The journal (every event, appended at once) is what guarantees nothing is lost meanwhile:
   * readers replay it from the record's journalCount.
   */
  #saveGap(): number {
    return Math.max(this.#store.saveInterval, Math.min(MAX_ADAPTIVE_GAP_MS, 50 * this.#lastSaveCost))
  }

  /** Runs a write; false (reported once per kind) when it failed. */
  async #guard(what: string, write: () => Promise<void>): Promise<boolean> {
    try {
      await write()
      return true
    } catch (error: unknown) {
      if (!this.#reported.has(what)) {
        this.#reported.add(what)
        this.#onError(`cannot save the ${what}: ${error instanceof Error ? error.message : String(error)}`)
      }
      return false
    }
  }
}
