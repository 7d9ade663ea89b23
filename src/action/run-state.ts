/**
 * The run's state for `mode: monitor` (SPEC §10), as the action sets it up: the state store named by the
 * `state` input, the recorder and control watcher, and — when `workflow-id` names a run that already
 * finished or was interrupted (a restart re-dispatched by `mode: monitor`) — the stored definition and
 * the results of its completed steps, so that only the rest runs again. A store the token cannot write
 * only costs monitoring: the workflow still runs, with a warning.
 */
import type { ExecutionRequest } from '../definition/model.js'
import type { EngineListener } from '../engine/events.js'
import type { WorkflowRun } from '../engine/run-types.js'
import type { StepResult } from '../report/result.js'
import { actionStateStore } from '../state/action-state.js'
import { planRestart } from '../state/monitor.js'
import { prepareStateForRun } from '../state/prepare-run.js'
import type { StepHistory } from '../state/store.js'
import { err, ok, type Result } from '../util/result.js'
import type { ActionSettings } from './inputs.js'

export interface ActionRunState {
  /** The request to run: the loaded one, or the stored one on a restart. */
  readonly request: ExecutionRequest
  readonly listeners: readonly EngineListener[]
  readonly history: StepHistory | undefined
  /** On a restart: the results of steps that completed before, kept as they are. */
  readonly previous: readonly StepResult[] | undefined
  readonly concurrency: number | undefined
  attach(run: WorkflowRun): void
  close(): Promise<void>
}

export interface RunStateHooks {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly info: (message: string) => void
  readonly warn: (message: string) => void
}

/** Sets up state; an error only when the run must not start (its workflow id is still running). */
export async function prepareActionState(settings: ActionSettings, loaded: ExecutionRequest, hooks: RunStateHooks): Promise<Result<ActionRunState, string>> {
  const none: ActionRunState = { request: loaded, listeners: [], history: undefined, previous: undefined, concurrency: settings.concurrency, attach: () => undefined, close: async () => undefined }
  const store = actionStateStore(settings, hooks.env)
  if (!store.ok) {
    hooks.warn(`Run state is not saved (${store.error}): mode: monitor cannot reach this run`)
    return ok(none)
  }
  let request = loaded
  let previous: readonly StepResult[] | undefined
  let concurrency = settings.concurrency
  try {
    if (settings.workflowIdGiven && (await store.value.readRun(settings.workflowId))) {
      const plan = await planRestart(store.value, settings.workflowId)
      if (!plan.ok) return err(plan.error)
      request = plan.value.request
      previous = plan.value.previous
      concurrency = settings.concurrency ?? plan.value.concurrency
      const kept = (previous ?? []).filter((s) => s.status === 'completed').length
      hooks.info(`Restarting ${settings.workflowId} from its stored definition: ${kept} completed step(s) kept`)
    }
  } catch (error: unknown) {
    hooks.warn(`Could not read the state of ${settings.workflowId}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const prepared = await prepareStateForRun(store.value, request, {
    workflowId: settings.workflowId,
    ...(concurrency !== undefined ? { concurrency } : {}),
    env: hooks.env,
    onError: (message) => hooks.warn(`state: ${message}`),
  })
  if (!prepared.ok) {
    if (/still running/.test(prepared.error)) return err(prepared.error)
    hooks.warn(`Run state is not saved (${prepared.error}): mode: monitor cannot reach this run`)
    return ok({ ...none, request, previous, concurrency })
  }
  return ok({
    request,
    listeners: prepared.value.listeners,
    history: prepared.value.history,
    previous,
    concurrency,
    attach: (run) => prepared.value.attach(run),
    close: () => prepared.value.close(),
  })
}
