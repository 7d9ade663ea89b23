/**
 * `task-orchestrator monitor <workflowId> [status|pause|resume|cancel|restart] [--all]`: a stored run's
 * status, a control sent to it, or a restart in the foreground (like `run`, exit 0 or 1).
 */
import type { Command } from 'commander'
import { LocalStateStore, resolveStateDir } from '../../state/local-store.js'
import { isMonitorAction, MONITOR_ACTIONS, planRestart, readStatus, requestControl } from '../../state/monitor.js'
import type { MonitorAction } from '../../state/monitor.js'
import type { MonitoringResults } from '../../state/monitoring-results.js'
import type { ControlAction, StateStore } from '../../state/store.js'
import { unreachable } from '../../util/unreachable.js'
import { UsageError } from '../cli-options.js'
import { EXIT } from '../exit-codes.js'
import { executeRequest } from './run.js'

export interface MonitorCommandOptions {
  readonly all?: boolean
  readonly stateDir?: string
  readonly json?: boolean
}

/** How long pause/resume/cancel wait to see the run acknowledge them before returning (it obeys within 2 s). */
const ACKNOWLEDGE_WAIT_MS = 5000

const ACKNOWLEDGED: Readonly<Record<ControlAction, readonly MonitoringResults['status'][]>> = {
  pause: ['paused', 'completed', 'failed', 'cancelled', 'interrupted'],
  resume: ['running', 'cancelling', 'completed', 'failed', 'cancelled', 'interrupted'],
  cancel: ['cancelling', 'cancelled', 'completed', 'failed', 'interrupted'],
}

export function registerMonitorCommand(program: Command): void {
  program
    .command('monitor')
    .description('show a run’s status, or pause, resume, cancel or restart it')
    .argument('<workflowId>', 'the id the run was started with (see `list`)')
    .argument('[action]', `one of ${MONITOR_ACTIONS.join(', ')}`, 'status')
    .option('--all', 'restart: run every step again, not only those that did not complete')
    .option('--state-dir <dir>', 'state folder (default: $TASK_ORCHESTRATOR_STATE_DIR or .task-orchestrator)')
    .option('--json', 'print the status object alone on stdout')
    .action(async (workflowId: string, action: string, opts: MonitorCommandOptions) => {
      if (!isMonitorAction(action)) throw new UsageError(`unknown action '${action}': use one of ${MONITOR_ACTIONS.join(', ')}`)
      process.exitCode = await monitorCommand(workflowId, action, opts)
    })
}

export async function monitorCommand(workflowId: string, action: MonitorAction, opts: MonitorCommandOptions): Promise<number> {
  const store = new LocalStateStore(resolveStateDir(opts.stateDir))
  switch (action) {
    case 'status':
      return showStatus(store, workflowId, opts)
    case 'pause':
    case 'resume':
    case 'cancel':
      return sendControl(store, workflowId, action, opts)
    case 'restart': {
      const plan = await planRestart(store, workflowId, { all: opts.all ?? false })
      if (!plan.ok) return fail(plan.error)
      const kept = plan.value.previous?.filter((s) => s.status === 'completed').length ?? 0
      process.stderr.write(`restarting ${workflowId}${opts.all ? ' (all steps)' : `, keeping ${kept} completed step${kept === 1 ? '' : 's'}`}\n`)
      return executeRequest(
        plan.value.request,
        workflowId,
        {
          ...(plan.value.concurrency !== undefined ? { concurrency: plan.value.concurrency } : {}),
          ...(opts.stateDir !== undefined ? { stateDir: opts.stateDir } : {}),
          ...(opts.json ? { json: true } : {}),
        },
        plan.value.previous,
      )
    }
    default:
      return unreachable(action)
  }
}

async function showStatus(store: StateStore, workflowId: string, opts: MonitorCommandOptions): Promise<number> {
  const status = await readStatus(store, workflowId)
  if (!status.ok) return fail(status.error)
  process.stdout.write(opts.json ? `${JSON.stringify(status.value, null, 2)}\n` : formatStatus(status.value))
  return EXIT.success
}

async function sendControl(store: StateStore, workflowId: string, action: ControlAction, opts: MonitorCommandOptions): Promise<number> {
  const sent = await requestControl(store, workflowId, action)
  if (!sent.ok) return fail(sent.error)
  const deadline = Date.now() + ACKNOWLEDGE_WAIT_MS
  let status = await readStatus(store, workflowId)
  while (status.ok && !ACKNOWLEDGED[action].includes(status.value.status) && Date.now() < deadline) {
    await new Promise((wake) => setTimeout(wake, 100))
    status = await readStatus(store, workflowId)
  }
  if (!status.ok) return fail(status.error)
  if (!ACKNOWLEDGED[action].includes(status.value.status)) {
    process.stderr.write(`warning: ${action} sent, but ${workflowId} has not acknowledged it yet (still ${status.value.status})\n`)
  } else {
    process.stderr.write(`${action} sent to ${workflowId}\n`)
  }
  process.stdout.write(opts.json ? `${JSON.stringify(status.value, null, 2)}\n` : formatStatus(status.value))
  return EXIT.success
}

/** The status as a few readable lines. */
export function formatStatus(status: MonitoringResults): string {
  const lines = [
    `${status.workflowId} (${status.name}): ${status.status}`,
    `  progress: ${status.progress.completed}/${status.progress.total} steps (${status.progress.percentage}%), ${status.metrics.throughput}`,
    `  runner: cpu ${status.metrics.cpuUsage ?? 'n/a'}, memory ${status.metrics.memoryUsage ?? 'n/a'}` +
      (status.circuitBreaker ? `; circuit breaker ${status.circuitBreaker.state} (${status.circuitBreaker.trips} trips)` : ''),
  ]
  for (const step of status.activeSteps) {
    const progress = [step.progress.percentage === null ? '' : `${step.progress.percentage}%`, step.progress.currentTask ?? ''].filter(Boolean).join(' ')
    lines.push(`  running: ${step.id}${progress ? ` — ${progress}` : ''}${step.attempt > 1 ? ` (attempt ${step.attempt})` : ''}`)
  }
  for (const step of status.nextSteps) lines.push(`  next: ${step.id}${step.estimatedStart ? ` at ~${step.estimatedStart}` : ''}`)
  return `${lines.join('\n')}\n`
}

function fail(message: string): number {
  process.stderr.write(`error: ${message}\n`)
  return EXIT.invalid
}
