/**
 * `task-orchestrator run <file>`: load, validate, run with live output, write the result.
 * SIGINT/SIGTERM cancel the run cleanly (children killed, state saved) and exit 130.
 */
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import type { ExecutionRequest } from '../../definition/model.js'
import type { EngineListener } from '../../engine/events.js'
import { startAutoScaler } from '../../engine/autoscaler.js'
import { warmUpSpawner } from '../../engine/process/default-spawner.js'
import { startWorkflow } from '../../engine/run-workflow.js'
import type { WorkflowRun } from '../../engine/run-types.js'
import { alertLogLine, notificationListeners } from '../../notify/notification-listeners.js'
import { ConsoleReporter } from '../../report/console.js'
import { DebugLog, debugEnabled } from '../../report/debug-log.js'
import { LocalStateStore, resolveStateDir } from '../../state/local-store.js'
import { prepareStateForRun } from '../../state/prepare-run.js'
import type { WorkflowResult } from '../../report/result.js'
import { parseContextOption, parsePositiveInt } from '../cli-options.js'
import { startOrphanReaper } from '../orphan-reaper.js'
import { EXIT } from '../exit-codes.js'
import { isRequest, loadOptionsOf, loadOrReport, withDefinitionFlags } from '../load-definition.js'

export interface RunCommandOptions {
  readonly context?: string
  readonly param: Record<string, unknown>
  readonly concurrency?: number
  readonly workflowId?: string
  readonly stateDir?: string
  readonly templates?: string
  readonly json?: boolean
  readonly output?: string
}

export function registerRunCommand(program: Command): void {
  const command = program
    .command('run')
    .description('run a workflow: steps in parallel as their dependencies allow')
    .argument('<file>', 'workflow definition (.yml, .yaml or .json)')
    .option('--context <json|@file>', 'context merged over the file’s (shallow; the command line wins)')
    .option('--concurrency <n>', 'steps at once (default: workflow.concurrency, else the CPU count)', parsePositiveInt)
    .option('--workflow-id <id>', 'id of this run (default: wf-<time>-<random>)')
    .option('--state-dir <dir>', 'state folder (default: $TASK_ORCHESTRATOR_STATE_DIR or .task-orchestrator)')
    .option('--json', 'print the result object alone on stdout (logs go to stderr)')
    .option('--output <file>', 'also write the result object to this file')
  withDefinitionFlags(command).action(async (file: string, opts: RunCommandOptions) => {
    process.exitCode = await runCommand(file, opts)
  })
}

export async function runCommand(file: string, opts: RunCommandOptions): Promise<number> {
  warmUpSpawner()
  const context = parseContextOption(opts.context)
  if (!context.ok) {
    process.stderr.write(`error: ${context.error}\n`)
    return EXIT.invalid
  }
  const loaded = await loadOrReport(file, { ...loadOptionsOf(opts), ...(context.value ? { context: context.value } : {}) }, process.stderr)
  if (!isRequest(loaded)) return EXIT.invalid
  const workflowId = opts.workflowId ?? `wf-${Date.now()}-${randomBytes(3).toString('hex')}`
  return executeRequest(loaded, workflowId, opts)
}

/** Runs a loaded request with the CLI's listeners and state; shared by `run` and `monitor … restart`. */
export async function executeRequest(
  request: ExecutionRequest,
  workflowId: string,
  opts: Pick<RunCommandOptions, 'concurrency' | 'stateDir' | 'json' | 'output'>,
  previous?: Parameters<typeof startWorkflow>[1]['previous'],
): Promise<number> {
  const env = process.env
  const log = opts.json ? process.stderr : process.stdout
  const warn = (message: string): void => void process.stderr.write(`warning: ${message}\n`)
  const state = await prepareStateForRun(new LocalStateStore(resolveStateDir(opts.stateDir, env)), request, {
    workflowId,
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    env,
    onError: (message) => warn(`state: ${message}`),
  })
  if (!state.ok) {
    process.stderr.write(`error: ${state.error}\n`)
    return EXIT.invalid
  }
  const listeners: EngineListener[] = [
    new ConsoleReporter({ log, live: Boolean((log as NodeJS.WriteStream).isTTY) && env['CI'] !== 'true' }),
    ...state.value.listeners,
    ...notificationListeners({
      request,
      env,
      slackWebhookUrl: env['SLACK_WEBHOOK_URL'],
      warn,
      onAlert: (alert) => void process.stderr.write(`${alertLogLine(alert)}\n`),
    }),
  ]
  if (debugEnabled(request.debug, env)) listeners.push(new DebugLog((line) => void process.stderr.write(`${line}\n`)))
  // Kills the steps' trees should this process itself be killed outright (SIGKILL leaves no handler).
  const reaper = startOrphanReaper()
  const run = startWorkflow(request, {
    workflowId,
    listeners,
    env: { ...env, ...reaper.stepEnv },
    history: state.value.history,
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    ...(previous ? { previous } : {}),
  })
  state.value.attach(run)
  if (request.resources.autoScaling) startAutoScaler(run, request.resources.autoScaling)
  const interrupted = handleSignals(run)
  const result = await run.done
  reaper.stop()
  interrupted.dispose()
  await state.value.close()
  writeResult(result, opts)
  if (interrupted.received) return EXIT.interrupted
  return result.success ? EXIT.success : EXIT.workflowFailed
}

function writeResult(result: WorkflowResult, opts: Pick<RunCommandOptions, 'json' | 'output'>): void {
  const text = `${JSON.stringify(result, null, 2)}\n`
  if (opts.output) writeFileSync(opts.output, text)
  if (opts.json) process.stdout.write(text)
}

/** The first signal cancels (cleanup steps still run); a second one stops those too. */
function handleSignals(run: WorkflowRun): { received: boolean; dispose(): void } {
  const state = { received: false, dispose: () => {} }
  const onSignal = (signal: NodeJS.Signals): void => {
    state.received = true
    process.stderr.write(`\n${signal}: cancelling the workflow (send again to stop cleanup steps too)\n`)
    run.cancel(`interrupted by ${signal}`)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  state.dispose = () => {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  return state
}
