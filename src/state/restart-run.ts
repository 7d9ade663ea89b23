/**
 * Runs a planned restart in this process, as `run` does: the same workflowId, the stored definition,
 * the kept steps' results, and the state recorder and control watcher attached.
 */
import type { EngineListener } from '../engine/events.js'
import { startWorkflow } from '../engine/run-workflow.js'
import type { WorkflowRun } from '../engine/run-types.js'
import type { WorkflowResult } from '../report/result.js'
import type { Result } from '../util/result.js'
import { ok } from '../util/result.js'
import type { RestartPlan } from './monitor.js'
import { prepareStateForRun } from './prepare-run.js'
import type { StateStore } from './store.js'

export interface RestartOptions {
  /** Reporters besides the state recorder (the console view). */
  readonly listeners?: readonly EngineListener[]
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Called once the run started (signal handlers). */
  readonly onStarted?: (run: WorkflowRun) => void
  readonly onControl?: (action: string) => void
}

export async function runRestart(store: StateStore, plan: RestartPlan, options: RestartOptions = {}): Promise<Result<WorkflowResult, string>> {
  const workflowId = plan.record.workflowId
  const prepared = await prepareStateForRun(store, plan.request, {
    workflowId,
    ...(plan.concurrency !== undefined ? { concurrency: plan.concurrency } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.onControl ? { onControl: (request) => options.onControl?.(request.action) } : {}),
  })
  if (!prepared.ok) return prepared
  const run = startWorkflow(plan.request, {
    workflowId,
    listeners: [...(options.listeners ?? []), ...prepared.value.listeners],
    history: prepared.value.history,
    ...(plan.previous ? { previous: plan.previous } : {}),
    ...(plan.concurrency !== undefined ? { concurrency: plan.concurrency } : {}),
    ...(options.env ? { env: options.env } : {}),
  })
  prepared.value.attach(run)
  options.onStarted?.(run)
  const result = await run.done
  await prepared.value.close()
  return ok(result)
}
