/**
 * The post step (`runs.post`, which runs even after a cancel): kill every step process the main step
 * left behind (it may have been SIGKILLed mid-run), and, when main did not get to report, write a job
 * summary from the run journal and close the check run as cancelled. It only ever warns: a cleanup
 * must not fail a job.
 */
import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import type { StepResult, WorkflowResult } from '../report/result.js'
import { renderSummary } from '../report/summary.js'
import { checkRunTarget } from './github-context.js'
import { writeJobSummary } from './job-summary.js'
import { POST_STATE } from './post-state.js'
import { killMarkedProcesses } from './process-sweep.js'
import { readJournal, type JournalData } from './run-journal.js'

const KILLED_REASON = 'the orchestrator was stopped before the step finished'

/** The post step's whole work; never throws and never fails the job. */
export async function runPost(): Promise<void> {
  try {
    const token = core.getState(POST_STATE.processToken)
    if (token !== '') {
      const killed = await killMarkedProcesses(token)
      if (killed.length > 0) core.warning(`Killed ${killed.length} step process(es) left running after the orchestrator stopped: ${killed.join(', ')}`)
    }
    const journalFile = core.getState(POST_STATE.journal)
    const journal = journalFile === '' ? undefined : readJournal(journalFile)
    if (!journal || journal.reported) return
    const result = resultFromJournal(journal, new Date())
    core.warning(`${result.name}: ${result.error ?? ''}`)
    if (core.getInput('summary') !== 'false') await writeJobSummary(renderSummary({ result }))
    await closeCheckRun(journal, result)
  } catch (error: unknown) {
    core.warning(`Post step: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** What is known of a run whose orchestrator died: finished steps as they ended, the rest cancelled. */
export function resultFromJournal(journal: JournalData, now: Date): WorkflowResult {
  const finished = new Map(journal.finished.map((s) => [s.id, s]))
  const steps: StepResult[] = journal.stepIds.map((id) => {
    const done = finished.get(id)
    if (done) return done
    const started = journal.running[id]
    return {
      id,
      name: id,
      status: 'cancelled',
      startTime: started ?? null,
      endTime: started !== undefined ? now.toISOString() : null,
      duration: started !== undefined ? Math.max(0, now.getTime() - Date.parse(started)) : null,
      output: null,
      error: null,
      attempts: started !== undefined ? 1 : 0,
      exitCode: null,
      outputs: {},
      reason: started !== undefined ? KILLED_REASON : 'never started: the orchestrator was stopped',
      timedOut: false,
      cached: false,
    }
  })
  const count = (status: StepResult['status']): number => steps.filter((s) => s.status === status).length
  const start = journal.startTime ?? now.toISOString()
  const wall = Math.max(0, now.getTime() - Date.parse(start))
  return {
    success: false,
    workflowId: journal.workflowId,
    name: journal.name,
    status: 'cancelled',
    steps,
    metrics: {
      totalSteps: steps.length,
      completedSteps: count('completed'),
      failedSteps: count('failed'),
      skippedSteps: count('skipped'),
      cancelledSteps: count('cancelled'),
      totalDuration: wall,
      parallelEfficiency: 0,
      maxConcurrency: 0,
      criticalPath: { steps: [], duration: 0 },
    },
    metadata: { startTime: start, endTime: now.toISOString(), timestamp: now.toISOString() },
    error: 'The orchestrator was stopped before the workflow finished (job cancelled or process killed)',
  }
}

async function closeCheckRun(journal: JournalData, result: WorkflowResult): Promise<void> {
  const token = core.getInput('token')
  const target = checkRunTarget().target
  if (journal.checkRunId === undefined || token === '' || !target) return
  await getOctokit(token).rest.checks.update({
    owner: target.owner,
    repo: target.repo,
    check_run_id: journal.checkRunId,
    status: 'completed',
    conclusion: 'cancelled',
    completed_at: result.metadata.endTime,
    output: { title: 'Cancelled', summary: renderSummary({ result, sections: ['status', 'table'], maxBytes: 65_000 }) },
  })
}
