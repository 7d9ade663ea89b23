/**
 * `mode: execute`: load the definition, run it with every reporter listening (live log, log spool,
 * annotations, check run, journal), then report: outputs and the job summary first — a cancelled job
 * has only seconds left — then annotations and each step's log in a group.
 */
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExecutionRequest } from '../definition/model.js'
import { startAutoScaler } from '../engine/autoscaler.js'
import type { EngineListener } from '../engine/events.js'
import type { WorkflowRun } from '../engine/run-types.js'
import { warmUpSpawner } from '../engine/process/default-spawner.js'
import { startWorkflow } from '../engine/run-workflow.js'
import { notificationListeners } from '../notify/notification-listeners.js'
import { limitAnnotations, runAnnotations, StepAnnotationCollector, toCheckRunAnnotations } from '../report/annotations.js'
import type { PlannedAnnotation } from '../report/annotations.js'
import { CheckRunReporter, checkRunTitle } from '../report/check-run.js'
import { DebugLog, debugEnabled } from '../report/debug-log.js'
import type { WorkflowResult } from '../report/result.js'
import { StepLogSpool } from '../report/step-logs.js'
import { renderSummary } from '../report/summary.js'
import { ActionLog } from './action-log.js'
import { AlertAnnotations } from './alert-annotations.js'
import { issueAnnotations } from './annotate.js'
import { loadDefinition, reportInvalidDefinition } from './definition.js'
import { checkRunTarget } from './github-context.js'
import type { ActionSettings } from './inputs.js'
import { writeJobSummary } from './job-summary.js'
import { printStepLogGroups } from './log-groups.js'
import { setRunOutputs } from './outputs.js'
import { POST_STATE } from './post-state.js'
import { ACTION_TOKEN_VARIABLE, newActionToken } from './process-sweep.js'
import { RunJournal } from './run-journal.js'
import { prepareActionState } from './run-state.js'

/** Lines of a failed step's log quoted in the summary. */
const FAILED_TAIL_LINES = 30

/** What a caller may add to a run without changing this file's flow (tests, future reporters). */
export interface ExecuteExtensions {
  readonly listeners?: readonly EngineListener[]
  /** Called once the run started, e.g. to poll a control channel and call pause/resume/cancel. */
  readonly attach?: (run: WorkflowRun, request: ExecutionRequest) => void
}

/** Runs the workflow the settings name and reports it; sets the step failed when it fails (per `fail-on-error`). */
export async function runExecute(settings: ActionSettings, extensions: ExecuteExtensions = {}): Promise<void> {
  warmUpSpawner()
  const loaded = await loadDefinition(settings)
  if (!loaded.ok) {
    core.setOutput('status', 'invalid')
    core.setOutput('success', 'false')
    core.setOutput('workflow-id', settings.workflowId)
    await reportInvalidDefinition(loaded.error, settings)
    core.setFailed(`Invalid workflow definition: ${loaded.error.filter((d) => d.severity === 'error').length} error(s); nothing ran`)
    return
  }
  const env = process.env
  const warn = (message: string): void => core.warning(message)
  const state = await prepareActionState(settings, loaded.value, { env, info: (m) => core.info(m), warn })
  if (!state.ok) {
    core.setFailed(state.error)
    return
  }
  const request = state.value.request

  const scratch = env['RUNNER_TEMP'] || tmpdir()
  const actionToken = newActionToken()
  const journalFile = join(scratch, `task-orchestrator-${settings.workflowId}-${process.pid}.json`)
  // Saved first thing: if this process is killed, the post step can still sweep and report.
  core.saveState(POST_STATE.processToken, actionToken)
  core.saveState(POST_STATE.journal, journalFile)

  const journal = new RunJournal(journalFile, request.workflow.name, settings.workflowId)
  const spool = new StepLogSpool(scratch)
  const collector = new StepAnnotationCollector()
  const alerts = new AlertAnnotations(settings.definitionLabel)
  const checkRun = settings.checkRun ? createCheckRun(settings, request, spool, collector, alerts, (id) => (journal.checkRunId = id)) : undefined
  const listeners: EngineListener[] = [
    new ActionLog(),
    spool,
    collector,
    journal,
    ...(checkRun ? [checkRun] : []),
    ...state.value.listeners,
    ...notificationListeners({
      request,
      env,
      slackWebhookUrl: settings.slackWebhookUrl ?? env['SLACK_WEBHOOK_URL'],
      warn,
      onAlert: (alert) => alerts.add(alert),
    }),
    ...(debugEnabled(request.debug, env) ? [new DebugLog((line) => core.info(line))] : []),
    ...(extensions.listeners ?? []),
  ]

  const run = startWorkflow(request, {
    workflowId: settings.workflowId,
    ...(state.value.concurrency !== undefined ? { concurrency: state.value.concurrency } : {}),
    ...(state.value.history ? { history: state.value.history } : {}),
    ...(state.value.previous ? { previous: state.value.previous } : {}),
    listeners,
    env: { ...env, [ACTION_TOKEN_VARIABLE]: actionToken },
  })
  const stopSignals = cancelOnSignals(run)
  state.value.attach(run)
  if (request.resources.autoScaling?.enabled) startAutoScaler(run, request.resources.autoScaling)
  extensions.attach?.(run, request)
  const result = await run.done
  await state.value.close().catch((error: unknown) => warn(`state: ${error instanceof Error ? error.message : String(error)}`))

  setRunOutputs(result)
  if (settings.summary) await writeJobSummary(renderSummary({ result, failedLogTails: failedTails(result, spool) }))
  journal.markReported()
  issueAnnotations(limitAnnotations(annotationsOf(result, request, collector, alerts, settings.definitionLabel)))
  // After a cancel the runner kills this process within seconds: the summary matters more than the replay.
  if (result.status !== 'cancelled') await printStepLogGroups(result.steps, spool)
  spool.dispose()

  if (!result.success) {
    const message = result.error ?? `Workflow ${result.status}`
    if (settings.failOnError) core.setFailed(message)
    else core.warning(`${message} (fail-on-error is false)`)
  }
  // Kept until here: a signal during reporting must not kill the process before the summary is out.
  stopSignals()
}

/** The run's annotations, most important first; alerts rank after the run's own of the same level. */
function annotationsOf(
  result: WorkflowResult,
  request: ExecutionRequest,
  collector: StepAnnotationCollector,
  alerts: AlertAnnotations,
  definitionLabel: string | undefined,
): PlannedAnnotation[] {
  const own = runAnnotations({
    result,
    steps: request.workflow.steps,
    stepAnnotations: collector.annotations,
    ...(definitionLabel !== undefined ? { definitionFile: definitionLabel } : {}),
  })
  return [...own, ...alerts.annotations]
}

function failedTails(result: WorkflowResult, spool: StepLogSpool): Record<string, string[]> {
  const tails: Record<string, string[]> = {}
  for (const step of result.steps) if (step.status === 'failed') tails[step.id] = spool.tail(step.id, FAILED_TAIL_LINES)
  return tails
}

function createCheckRun(
  settings: ActionSettings,
  request: ExecutionRequest,
  spool: StepLogSpool,
  collector: StepAnnotationCollector,
  alerts: AlertAnnotations,
  onCreated: (checkRunId: number) => void,
): CheckRunReporter | undefined {
  if (settings.token === '') {
    core.notice('Check run skipped: no token (set the `token` input or turn `check-run` off)')
    return undefined
  }
  const where = checkRunTarget()
  if (!where.target) {
    core.notice(`Check run skipped: ${where.reason ?? 'no commit'}`)
    return undefined
  }
  const target = where.target
  // A test hook: the end-to-end tests shorten the 10 s update interval.
  const interval = Number(process.env['TASK_ORCHESTRATOR_CHECK_RUN_INTERVAL_MS'])
  return new CheckRunReporter({
    checks: getOctokit(settings.token).rest.checks,
    owner: target.owner,
    repo: target.repo,
    headSha: target.headSha,
    name: request.workflow.name,
    externalId: settings.workflowId,
    ...(target.detailsUrl !== undefined ? { detailsUrl: target.detailsUrl } : {}),
    ...(Number.isFinite(interval) && interval > 0 ? { updateInterval: interval } : {}),
    log: { notice: (m) => core.notice(m), warning: (m) => core.warning(m), debug: (m) => core.debug(m) },
    onCreated,
    finalOutput: (result) => ({
      title: checkRunTitle(result),
      summary: renderSummary({ result, sections: ['status', 'table'], maxBytes: 65_000 }),
      text: renderSummary({ result, sections: ['criticalPath', 'gantt', 'failedLogs'], failedLogTails: failedTails(result, spool), maxBytes: 65_000 }),
      annotations: toCheckRunAnnotations(annotationsOf(result, request, collector, alerts, settings.definitionLabel), settings.definitionLabel),
    }),
  })
}

/**
 * The runner cancels a job with SIGINT, then SIGTERM 7.5 s later, then SIGKILL: the first signal
 * cancels the run (cleanup steps still run), a second one stops those too.
 */
function cancelOnSignals(run: WorkflowRun): () => void {
  let count = 0
  let finished = false
  void run.done.then(() => (finished = true))
  const onSignal = (signal: NodeJS.Signals): void => {
    if (finished) {
      core.info(`Received ${signal} while reporting: finishing the report`)
      return
    }
    count += 1
    core.info(`Received ${signal}: ${count === 1 ? 'cancelling the workflow' : 'stopping cleanup steps too'}`)
    run.cancel(`the job was cancelled (${signal})`)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return () => {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
