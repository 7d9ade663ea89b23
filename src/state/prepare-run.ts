/**
 * The one call an entry point makes to give a run its state: the recorder to pass as a listener, the
 * history for scheduling priority, and `attach` to start obeying control requests once the run exists.
 */
import { hostname } from 'node:os'
import type { ExecutionRequest } from '../definition/model.js'
import type { EngineListener } from '../engine/events.js'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'
import type { ControllableRun, ControlWatcher, WatchOptions } from './control-watcher.js'
import { watchControl } from './control-watcher.js'
import { initialRecord, isTerminal } from './run-record.js'
import type { RunOwner } from './run-record.js'
import { StateRecorder } from './state-recorder.js'
import type { StateStore, StepHistory } from './store.js'
import { checkWorkflowId } from './workflow-id.js'

export interface PrepareOptions {
  readonly workflowId: string
  /** The concurrency the run is started with, kept so a restart uses it again. */
  readonly concurrency?: number
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly onError?: (message: string) => void
  readonly onControl?: WatchOptions['onApplied']
}

export interface PreparedState {
  /** Pass these in RunOptions.listeners. */
  readonly listeners: readonly EngineListener[]
  /** Pass this as RunOptions.history. */
  readonly history: StepHistory
  /** Which run of this workflowId this is: 1, or more after restarts. */
  readonly attempt: number
  /**
   * Starts applying control requests (pause, resume, cancel) to the run. The watcher keeps the process
   * alive while the run is paused; it stops by itself once `run.done` settles.
   */
  attach(run: ControllableRun & { readonly done?: Promise<unknown> }): void
  /** Stops watching for control requests; call after `run.done` (the engine closes the recorder itself). */
  close(): Promise<void>
}

/**
 * Saves the new run's record and definition and returns what the caller wires into startWorkflow.
 * Refuses a workflowId whose earlier run is still alive.
 */
export async function prepareStateForRun(store: StateStore, request: ExecutionRequest, options: PrepareOptions): Promise<Result<PreparedState, string>> {
  const id = checkWorkflowId(options.workflowId)
  if (!id.ok) return id
  const existing = await store.readRun(options.workflowId)
  if (existing && !isTerminal(existing.record.status) && existing.alive !== false) {
    return err(`workflow ${options.workflowId} is still running (pid ${existing.record.owner.pid}); cancel it first`)
  }
  const attempt = (existing?.record.attempt ?? 0) + 1
  const record = initialRecord(request, options.workflowId, runOwner(options.env ?? process.env), attempt, Date.now())
  try {
    await store.beginRun(record, {
      file: request.source.file,
      root: request.source.root,
      definition: request.definition,
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    })
  } catch (error: unknown) {
    return err(`cannot save the run's state: ${error instanceof Error ? error.message : String(error)}`)
  }
  const history = await store.readHistory(request.workflow.name).catch(() => ({}))
  const recorder = new StateRecorder(store, record, options.onError ? { onError: options.onError } : {})
  let watcher: ControlWatcher | null = null
  return ok({
    listeners: [recorder],
    history,
    attempt,
    attach: (run) => {
      if (watcher) return
      const attached = watchControl(store, options.workflowId, run, options.onControl ? { onApplied: options.onControl } : {})
      watcher = attached
      void run.done?.finally(() => attached.close())
    },
    close: async () => {
      await watcher?.close()
      // Requests sent after the end would only confuse a later restart; on GitHub they are refs to tidy.
      await store.clearControl(options.workflowId).catch(() => undefined)
    },
  })
}

/** The current process, and the Actions run it belongs to when there is one. */
export function runOwner(env: Readonly<Record<string, string | undefined>>): RunOwner {
  const runId = Number(env['GITHUB_RUN_ID'])
  const github =
    env['GITHUB_ACTIONS'] === 'true' && env['GITHUB_REPOSITORY'] && Number.isInteger(runId) && runId > 0
      ? {
          repository: env['GITHUB_REPOSITORY'],
          runId,
          runAttempt: Number(env['GITHUB_RUN_ATTEMPT'] ?? '1') || 1,
          ...(env['GITHUB_WORKFLOW_REF'] ? { workflowRef: env['GITHUB_WORKFLOW_REF'] } : {}),
          ...(env['GITHUB_REF'] ? { ref: env['GITHUB_REF'] } : {}),
        }
      : undefined
  return { pid: process.pid, hostname: hostname(), ...(github ? { github } : {}) }
}
