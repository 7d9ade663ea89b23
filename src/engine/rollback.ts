/**
 * SPEC §7 compensation: when a workflow fails under `rollbackStrategy: automatic`, the `rollback`
 * commands of completed steps run one at a time, in reverse completion order. A failing rollback is
 * recorded and the others still run.
 */
import { resolve } from 'node:path'
import type { ExecutionRequest } from '../definition/model.js'
import type { RollbackResult } from '../report/result.js'
import type { EngineEvent } from './events.js'
import { startStepProcess } from './process/start-step-process.js'
import { describeFailure } from './scheduler.js'

export interface RollbackHost {
  readonly env: Readonly<Record<string, string | undefined>>
  emit(event: EngineEvent): void
}

export async function runRollbacks(
  request: ExecutionRequest,
  completionOrder: readonly number[],
  host: RollbackHost,
): Promise<Map<string, RollbackResult>> {
  const results = new Map<string, RollbackResult>()
  for (const index of [...completionOrder].reverse()) {
    const step = request.workflow.steps[index]
    if (!step?.rollback) continue
    host.emit({ type: 'rollback_start', time: Date.now(), stepId: step.id })
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(host.env)) if (v !== undefined) env[k] = v
    Object.assign(env, step.environment, { TASK_STEP_ID: step.id, TASK_ROLLBACK: 'true', TASK_CONTEXT: JSON.stringify(request.context) })
    const exit = await startStepProcess(
      {
        command: step.rollback,
        shell: step.shell,
        cwd: resolve(request.source.root, step.workingDirectory ?? '.'),
        env,
        ...(step.timeout !== undefined ? { timeout: step.timeout } : {}),
        killGracePeriod: step.killGracePeriod,
      },
      { onLine: (stream, line) => host.emit({ type: 'step_output', time: Date.now(), stepId: step.id, stream, line: `(rollback) ${line}` }) },
    ).exited
    const ok = exit.exitCode === 0 && !exit.timedOut && !exit.spawnError
    const result: RollbackResult = {
      status: ok ? 'completed' : 'failed',
      exitCode: exit.exitCode,
      duration: exit.durationMs,
      error: ok ? null : describeFailure(step, exit),
    }
    results.set(step.id, result)
    host.emit({ type: 'rollback_end', time: Date.now(), stepId: step.id, result })
  }
  return results
}
