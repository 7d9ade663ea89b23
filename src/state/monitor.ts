/**
 * The monitor's operations on a stored run: its status, a control request, and what a restart needs —
 * the stored definition loaded again and the results of the steps it keeps.
 */
import type { ExecutionRequest } from '../definition/model.js'
import { formatDiagnostic } from '../definition/diagnostics.js'
import { loadDefinitionText } from '../definition/load.js'
import type { StepResult } from '../report/result.js'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'
import type { MonitoringResults } from './monitoring-results.js'
import { monitoringResults } from './monitoring-results.js'
import { finishedResults, isTerminal } from './run-record.js'
import { checkWorkflowId } from './workflow-id.js'
import type { ControlAction, ControlRequest, StateStore, StoredRun } from './store.js'

export type MonitorAction = 'status' | ControlAction | 'restart'

export const MONITOR_ACTIONS: readonly MonitorAction[] = ['status', 'pause', 'resume', 'cancel', 'restart']

export function isMonitorAction(value: string): value is MonitorAction {
  return (MONITOR_ACTIONS as readonly string[]).includes(value)
}

/** The run's "Monitoring Results"; an error when the store has no such run. */
export async function readStatus(store: StateStore, workflowId: string, now: number = Date.now()): Promise<Result<MonitoringResults, string>> {
  // The id names a folder (or a ref): one that climbs out of the state store is not a run.
  const id = checkWorkflowId(workflowId)
  if (!id.ok) return id
  const stored = await store.readRun(workflowId)
  if (!stored) return err(`no workflow with id '${workflowId}' in the state store`)
  const history = await store.readHistory(stored.record.name).catch(() => ({}))
  return ok(monitoringResults(stored.record, stored.alive, now, history))
}

/** Sends pause, resume or cancel to a live run; a finished or dead run cannot obey, so that is an error. */
export async function requestControl(store: StateStore, workflowId: string, action: ControlAction): Promise<Result<ControlRequest, string>> {
  // The id names a folder (or a ref): one that climbs out of the state store is not a run.
  const id = checkWorkflowId(workflowId)
  if (!id.ok) return id
  const stored = await store.readRun(workflowId)
  if (!stored) return err(`no workflow with id '${workflowId}' in the state store`)
  const state = runState(stored)
  if (state !== 'running' && state !== 'paused' && state !== 'cancelling') return err(`workflow ${workflowId} is ${state}: nothing to ${action}`)
  return ok(await store.sendControl(workflowId, action))
}

/** What `restart` starts: the stored request, the steps it keeps, and the concurrency it ran with. */
export interface RestartPlan {
  readonly request: ExecutionRequest
  /** Pass as RunOptions.previous (absent with --all). */
  readonly previous?: readonly StepResult[]
  readonly concurrency?: number
  readonly record: StoredRun['record']
}

/**
 * Loads a stored run for a restart. Refuses a run that is still alive (cancel it first) and a
 * definition that no longer loads.
 */
export async function planRestart(store: StateStore, workflowId: string, options: { readonly all?: boolean } = {}): Promise<Result<RestartPlan, string>> {
  // The id names a folder (or a ref): one that climbs out of the state store is not a run.
  const id = checkWorkflowId(workflowId)
  if (!id.ok) return id
  const stored = await store.readRun(workflowId)
  if (!stored) return err(`no workflow with id '${workflowId}' in the state store`)
  const state = runState(stored)
  if (!isTerminal(stored.record.status) && state !== 'interrupted') return err(`workflow ${workflowId} is ${state}; cancel it before restarting`)
  const definition = await store.readDefinition(workflowId)
  if (!definition) return err(`workflow ${workflowId} has no stored definition to restart from`)
  // JSON is YAML too, so the stored text loads whatever the original file's extension says.
  const loaded = loadDefinitionText(JSON.stringify(definition.definition), definition.file, { root: definition.root })
  if (!loaded.ok) return err(`the stored definition no longer loads:\n${loaded.error.map((d) => formatDiagnostic(d)).join('\n')}`)
  const request: ExecutionRequest = { ...loaded.value, source: { file: definition.file, root: definition.root } }
  return ok({
    request,
    ...(options.all ? {} : { previous: finishedResults(stored.record) }),
    ...(definition.concurrency !== undefined ? { concurrency: definition.concurrency } : {}),
    record: stored.record,
  })
}

function runState(stored: StoredRun): MonitoringResults['status'] {
  return !isTerminal(stored.record.status) && stored.alive === false ? 'interrupted' : stored.record.status
}
