/**
 * `mode: monitor`, the companion entry run from a `workflow_dispatch` workflow: shows a run's status or
 * sends it a control, writes the status as the job summary and sets `status`, `workflow-id` and
 * `result` (the Monitoring Results JSON). On GitHub, a cancel the runner does not acknowledge in time
 * falls back to cancelling its Actions run, and restart of a finished run re-dispatches its workflow.
 */
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { actionStateStore } from '../state/action-state.js'
import type { GitHubTimings } from '../state/action-state.js'
import { planRestart, readStatus, requestControl } from '../state/monitor.js'
import type { MonitoringResults } from '../state/monitoring-results.js'
import { runRestart } from '../state/restart-run.js'
import type { RunOwner } from '../state/run-record.js'
import { statusMarkdown } from '../state/status-markdown.js'
import type { ControlAction, StateStore } from '../state/store.js'
import { unreachable } from '../util/unreachable.js'
import type { ActionSettings } from './inputs.js'
import { writeJobSummary } from './job-summary.js'

export interface MonitorModeOptions {
  readonly env?: Readonly<Record<string, string | undefined>>
  /** How long a control waits for the run to acknowledge it, ms (default 45 s: 15 s to arrive, then a throttled save). */
  readonly acknowledgeTimeout?: number
  /** How often the stored status is read while waiting, ms (default 3 s). */
  readonly checkEvery?: number
  readonly timings?: GitHubTimings
}

/** What the run's status must become for each control to count as obeyed. */
const ACKNOWLEDGED: Readonly<Record<ControlAction, readonly MonitoringResults['status'][]>> = {
  pause: ['paused', 'completed', 'failed', 'cancelled'],
  resume: ['running', 'cancelling', 'completed', 'failed', 'cancelled'],
  cancel: ['cancelling', 'cancelled', 'completed', 'failed', 'interrupted'],
}

export async function runMonitor(settings: ActionSettings, options: MonitorModeOptions = {}): Promise<void> {
  const env = options.env ?? process.env
  core.setOutput('workflow-id', settings.workflowId)
  const store = actionStateStore(settings, env, options.timings)
  if (!store.ok) {
    core.setFailed(store.error)
    return
  }
  const action = settings.action ?? 'status'
  switch (action) {
    case 'status':
      return report(store.value, settings, undefined)
    case 'pause':
    case 'resume':
    case 'cancel':
      return control(store.value, settings, action, options, env)
    case 'restart':
      return restart(store.value, settings, env)
    default:
      return unreachable(action)
  }
}

async function control(store: StateStore, settings: ActionSettings, action: ControlAction, options: MonitorModeOptions, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const sent = await requestControl(store, settings.workflowId, action)
  if (!sent.ok) {
    core.setFailed(sent.error)
    await report(store, settings, sent.error)
    return
  }
  core.info(`Sent ${action} to ${settings.workflowId}; waiting for the run to acknowledge it`)
  const deadline = Date.now() + (options.acknowledgeTimeout ?? 45_000)
  let status = await readStatus(store, settings.workflowId)
  while (status.ok && !ACKNOWLEDGED[action].includes(status.value.status) && Date.now() < deadline) {
    await new Promise((wake) => setTimeout(wake, options.checkEvery ?? 3000))
    status = await readStatus(store, settings.workflowId)
  }
  const obeyed = status.ok && ACKNOWLEDGED[action].includes(status.value.status)
  let note = obeyed ? `${action} acknowledged by the run.` : `The run did not acknowledge ${action} in time.`
  if (!obeyed && action === 'cancel' && status.ok) note = await cancelActionsRun(settings, status.value, store, env)
  if (!obeyed && action !== 'cancel') core.warning(note)
  await report(store, settings, note)
}

/** The runner did not answer: cancel its whole Actions run, which stops the job (and so the steps). */
async function cancelActionsRun(settings: ActionSettings, status: MonitoringResults, store: StateStore, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const owner = (await store.readRun(status.workflowId))?.record.owner
  const github = owner?.github
  if (!github) return 'The run did not acknowledge cancel in time, and it does not run in GitHub Actions: nothing else to cancel.'
  const [repoOwner, repo] = github.repository.split('/')
  try {
    await octokit(settings, env).rest.actions.cancelWorkflowRun({ owner: repoOwner ?? '', repo: repo ?? '', run_id: github.runId })
    core.warning(`The run did not acknowledge cancel in time: cancelled its Actions run ${github.runId} instead`)
    return `The run did not acknowledge cancel in time: its Actions run ${github.runId} was cancelled through the API.`
  } catch (error: unknown) {
    const message = `The run did not acknowledge cancel, and cancelling Actions run ${github.runId} failed: ${error instanceof Error ? error.message : String(error)}`
    core.setFailed(message)
    return message
  }
}

async function restart(store: StateStore, settings: ActionSettings, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const plan = await planRestart(store, settings.workflowId)
  if (!plan.ok) {
    core.setFailed(plan.error)
    await report(store, settings, plan.error)
    return
  }
  const github = plan.value.record.owner.github
  if (settings.state === 'github' && github) {
    const note = await redispatch(settings, github, env)
    await report(store, settings, note)
    return
  }
  // Local state lives on this machine: run the restart here, in this job.
  const result = await runRestart(store, plan.value, { env })
  if (!result.ok) {
    core.setFailed(result.error)
    return
  }
  await report(store, settings, `Restarted in this job: ${result.value.status}.`)
  if (!result.value.success) core.setFailed(result.value.error ?? `Workflow ${result.value.status}`)
}

/**
 * Starts the run's own workflow again with its workflow id: that workflow declares a `workflow-id`
 * input and passes it to the action, which finds the stored run and restarts it (docs/state.md).
 */
async function redispatch(settings: ActionSettings, github: NonNullable<RunOwner['github']>, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const [workflowPath, refFromWorkflow] = (github.workflowRef ?? '').split('@')
  const workflowFile = workflowPath?.split('/').pop() ?? ''
  const ref = refFromWorkflow || github.ref || env['GITHUB_REF'] || ''
  const [owner, repo] = github.repository.split('/')
  if (workflowFile === '' || ref === '') {
    const message = `Cannot re-dispatch ${settings.workflowId}: its workflow file or ref is unknown (GITHUB_WORKFLOW_REF was not recorded)`
    core.setFailed(message)
    return message
  }
  try {
    await octokit(settings, env).rest.actions.createWorkflowDispatch({
      owner: owner ?? '',
      repo: repo ?? '',
      workflow_id: workflowFile,
      ref,
      inputs: { 'workflow-id': settings.workflowId },
    })
    core.info(`Re-dispatched ${workflowFile} on ${ref} with workflow-id ${settings.workflowId}`)
    return `Restart requested: ${workflowFile} was dispatched on ${ref} with workflow-id ${settings.workflowId}; completed steps are kept.`
  } catch (error: unknown) {
    const message = `Re-dispatching ${workflowFile} failed: ${error instanceof Error ? error.message : String(error)}`
    core.setFailed(message)
    return message
  }
}

async function report(store: StateStore, settings: ActionSettings, note: string | undefined): Promise<void> {
  const status = await readStatus(store, settings.workflowId)
  if (!status.ok) {
    core.setOutput('status', 'unknown')
    if (note === undefined) core.setFailed(status.error)
    return
  }
  core.setOutput('status', status.value.status)
  core.setOutput('result', JSON.stringify(status.value))
  core.info(`${settings.workflowId}: ${status.value.status}, ${status.value.progress.completed}/${status.value.progress.total} steps`)
  if (settings.summary) await writeJobSummary(statusMarkdown(status.value, note))
}

function octokit(settings: ActionSettings, env: Readonly<Record<string, string | undefined>>): ReturnType<typeof getOctokit> {
  return getOctokit(settings.token, env['GITHUB_API_URL'] ? { baseUrl: env['GITHUB_API_URL'] } : {})
}
