/**
 * Where runs are kept: the record of each run, its event journal, the definition a restart runs again,
 * the control requests sent to it, and per-workflow step durations. Two backends implement it: a local
 * folder (local-store.ts) and the GitHub repository (github-store.ts).
 */
import type { EngineEvent } from '../engine/events.js'
import type { StepResult } from '../report/result.js'
import type { RunRecord } from './run-record.js'

export type ControlAction = 'pause' | 'resume' | 'cancel'

export const CONTROL_ACTIONS: readonly ControlAction[] = ['pause', 'resume', 'cancel']

/** One request sent to a run; `id` orders requests and tells the watcher which it already applied. */
export interface ControlRequest {
  readonly id: string
  readonly action: ControlAction
  readonly time: string
}

/** What restart needs to run the workflow again exactly as it was started. */
export interface StoredDefinition {
  /** The definition file as the user named it. */
  readonly file: string
  /** The folder relative workingDirectory values resolve against. */
  readonly root: string
  /** The normalized definition (templates expanded), as plain JSON. */
  readonly definition: unknown
  /** The concurrency the run was started with (CLI --concurrency, action input), if it was set. */
  readonly concurrency?: number
}

export interface StoredRun {
  readonly record: RunRecord
  /** Whether the owning process still runs; `undefined` when the store cannot tell. */
  readonly alive: boolean | undefined
}

/** Mean durations (ms) of a workflow's steps over its recent runs, by step id. */
export type StepHistory = Readonly<Record<string, number>>

export interface StateStore {
  /** Starts (or restarts) a run: saves its record and definition, drops control requests left from before. */
  beginRun(record: RunRecord, definition: StoredDefinition): Promise<void>
  /** Saves the record atomically: a reader sees the previous record or this one, never a mix. */
  saveRecord(record: RunRecord): Promise<void>
  /** Appends to the run's journal (events already masked by the caller). */
  appendEvents(workflowId: string, events: readonly EngineEvent[]): Promise<void>
  readRun(workflowId: string): Promise<StoredRun | undefined>
  readDefinition(workflowId: string): Promise<StoredDefinition | undefined>
  readEvents(workflowId: string): Promise<EngineEvent[]>
  /** Every stored run, newest first. */
  listRuns(): Promise<StoredRun[]>
  /** Sends a control request to the run; the run's watcher applies it. */
  sendControl(workflowId: string, action: ControlAction): Promise<ControlRequest>
  /** The requests sent since the run (re)started, oldest first. */
  readControl(workflowId: string): Promise<ControlRequest[]>
  clearControl(workflowId: string): Promise<void>
  /** How often the watcher should read the control channel, in ms. */
  readonly controlPollInterval: number
  /** Calls `onChange` soon after a control request arrives, where the backend can notice; returns a disposer. */
  watchControl?(workflowId: string, onChange: () => void): () => void
  readHistory(workflowName: string): Promise<StepHistory>
  /** Adds a finished run's step durations to its workflow's history. */
  addHistory(workflowName: string, steps: readonly StepResult[]): Promise<void>
  /** The least time between two record saves while a run goes on (terminal saves are never held back). */
  readonly saveInterval: number
  /** How often the owner refreshes the record's heartbeat while nothing else changes, in ms. */
  readonly heartbeatInterval: number
}
