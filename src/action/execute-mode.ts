/**
 * `mode: execute`: load the definition, run it with every reporter listening (live log, log spool,
 * annotations, check run, journal), then report: outputs and the job summary first — a cancelled job
 * has only seconds left — then annotations and each step's log in a group.
 */
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { ExecutionRequest } from '../definition/model.js'
import type { EngineListener } from '../engine/events.js'
import { startWorkflow } from '../engine/run-workflow.js'
import type { WorkflowRun } from '../engine/run-types.js'
import { limitAnnotations, runAnnotations, StepAnnotationCollector, toCheckRunAnnotations } from '../report/annotations.js'
import { CheckRunReporter, checkRunTitle } from '../report/check-run.js'
import type { WorkflowResult } from '../report/result.js'
import { StepLogSpool } from '../report/step-logs.js'
import { renderSummary } from '../report/summary.js'
import { ActionLog } from './action-log.js'
import { issueAnnotations } from './annotate.js'
import { loadDefinition, reportInvalidDefinition } from './definition.js'
import { checkRunTarget } from './github-context.js'
import type { ActionSettings } from './inputs.js'
import { writeJobSummary } from './job-summary.js'
import { printStepLogGroups } from './log-groups.js'
import { setRunOutputs } from './outputs.js'
import { ACTION_TOKEN_VARIABLE, newActionToken } from './process-sweep.js'
import { RunJournal } from './run-journal.js'
import { POST_STATE } from './post-state.js'

/** Lines of a failed step's log quoted in the summary. */
const FAILED_TAIL_LINES = 30

/** What other parts (the state store, issue 5) may add to a run without changing this file's flow. */
export interface ExecuteExtensions {
  readonly listeners?: readonly EngineListener[]
  /** Called once the run started, e.g. to poll a control channel and call pause/resume/cancel. */
  readonly attach?: (run: WorkflowRun, request: ExecutionRequest) => void
}

export async function runExecute(settings: ActionSettings, extensions: ExecuteExtensions = {}): Promise<void> {
  const loaded = await loadDefinition(settings)
  if (!loaded.ok) {
    core.setOutput('status', 'invalid')
    core.setOutput('success', 'false')
    core.setOutput('workflow-id', settings.workflowId)
    await reportInvalidDefinition(loaded.error, settings)
    core.setFailed(`Invalid workflow definition: ${loaded.error.filter((d) => d.severity === 'error').length} error(s); nothing ran`)
    return
  }
  const request = loaded.value

  const scratch = process.env['RUNNER_TEMP'] || tmpdir()
  const actionToken = newActionToken()
  const journalFile = join(scratch, `task-orchestrator-${settings.workflowId}-${process.pid}.json`)
  // Saved first thing: if this process is killed, the post step can still sweep and report.
  core.saveState(POST_STATE.processToken, actionToken)
  core.saveState(POST_STATE.journal, journalFile)

  const journal = new RunJournal(journalFile, request.workflow.name, settings.workflowId)
  const spool = new StepLogSpool(scratch)
  const collector = new StepAnnotationCollector()
  const checkRun = settings.checkRun ? createCheckRun(settings, request, spool, collector, (id) => (journal.checkRunId = id)) : undefined
  const listeners: EngineListener[] = [new ActionLog(), spool, collector, journal, ...(checkRun ? [checkRun] : []), ...(extensions.listeners ?? [])]

  const run = startWorkflow(request, {
    workflowId: settings.workflowId,
    ...(settings.concurrency !== undefined ? { concurrency: settings.concurrency } : {}),
    listeners,
    env: { ...process.env, [ACTION_TOKEN_VARIABLE]: actionToken },
  })
  const stopSignals = cancelOnSignals(run)
  extensions.attach?.(run, request)
  const result = await run.done
  stopSignals()

  setRunOutputs(result)
  if (settings.summary) {
    const tails = failedTails(result, spool)
    await writeJobSummary(renderSummary({ result, failedLogTails: tails }))
  }
  journal.markReported()
  issueAnnotations(limitAnnotations(annotationsOf(result, request, collector, settings.definitionLabel)))
  if (result.status !== 'cancelled') await printStepLogGroups(result.steps, spool)
  spool.dispose()

  if (!result.success) {
    const message = result.error ?? `Workflow ${result.status}`
    if (settings.failOnError) core.setFailed(message)
    else core.warning(`${message} (fail-on-error is false)`)
  }
}

function annotationsOf(result: WorkflowResult, request: ExecutionRequest, collector: StepAnnotationCollector, definitionLabel: string | undefined) {
  return runAnnotations({
    result,
    steps: request.workflow.steps,
    stepAnnotations: collector.annotations,
    ...(definitionLabel !== undefined ? { definitionFile: definitionLabel } : {}),
  })
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
      annotations: toCheckRunAnnotations(annotationsOf(result, request, collector, settings.definitionLabel), settings.definitionLabel),
    }),
  })
}

/**
 * The runner cancels a job with SIGINT, then SIGTERM 7.5 s later, then SIGKILL: the first signal
 * cancels the run (cleanup steps still run), a second one stops those too.
 */
function cancelOnSignals(run: WorkflowRun): () => void {
  let count = 0
  const onSignal = (signal: NodeJS.Signals): void => {
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
