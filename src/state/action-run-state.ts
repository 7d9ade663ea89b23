/**
 * State for the action's `mode: execute`: the store from the settings, and — when `workflow-id` names a
 * stored run that ended or was interrupted (a restart re-dispatched by `mode: monitor`) — the stored
 * request and the steps it keeps. A store the token cannot use only turns monitoring off with a warning:
 * the workflow still runs.
 */
import type { ActionSettings } from '../action/inputs.js'
import type { ExecutionRequest } from '../definition/model.js'
import type { StepResult } from '../report/result.js'
import { actionStateStore } from './action-state.js'
import { planRestart } from './monitor.js'
import type { PreparedState } from './prepare-run.js'
import { prepareStateForRun } from './prepare-run.js'
import { isTerminal } from './run-record.js'

export interface ActionRunState {
  /** The request to run: the stored one on a restart, else the one given. */
  readonly request: ExecutionRequest
  /** Pass as RunOptions.previous on a restart. */
  readonly previous?: readonly StepResult[]
  /** listeners, history, attach and close, as prepareStateForRun gives them; undefined with monitoring off. */
  readonly state: PreparedState | undefined
}

export async function prepareActionRunState(
  settings: Pick<ActionSettings, 'state' | 'token' | 'workspace' | 'workflowId' | 'workflowIdGiven' | 'concurrency'>,
  request: ExecutionRequest,
  warn: (message: string) => void,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<ActionRunState> {
  const store = actionStateStore(settings, env)
  if (!store.ok) {
    warn(`monitoring is off: ${store.error}`)
    return { request, state: undefined }
  }
  let run: ExecutionRequest = request
  let previous: readonly StepResult[] | undefined
  try {
    const stored = settings.workflowIdGiven ? await store.value.readRun(settings.workflowId) : undefined
    if (stored && (isTerminal(stored.record.status) || stored.alive === false)) {
      const plan = await planRestart(store.value, settings.workflowId)
      if (plan.ok) {
        run = plan.value.request
        previous = plan.value.previous
      } else {
        warn(`cannot restart ${settings.workflowId} from its stored state (${plan.error}); running the definition as given`)
      }
    }
    const prepared = await prepareStateForRun(store.value, run, {
      workflowId: settings.workflowId,
      ...(settings.concurrency !== undefined ? { concurrency: settings.concurrency } : {}),
      env,
      onError: (message) => warn(`state store: ${message}`),
    })
    if (!prepared.ok) {
      warn(`monitoring is off: ${prepared.error}`)
      return { request, state: undefined }
    }
    return { request: run, ...(previous ? { previous } : {}), state: prepared.value }
  } catch (error: unknown) {
    warn(`monitoring is off: the state store failed: ${error instanceof Error ? error.message : String(error)}`)
    return { request, state: undefined }
  }
}
