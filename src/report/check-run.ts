/**
 * A live check run on the commit (the PR's Checks tab), as one more listener of the engine's events:
 * created when the workflow starts, updated as steps start and end — at most one update per interval, to
 * stay well inside the token's 1000 requests an hour — and completed with the conclusion, the step table
 * and the annotations. GitHub refusing it (a token without `checks: write`, a fork's read-only token) only
 * turns it off with a notice: the check run never fails or slows the workflow.
 */
import type { getOctokit } from '@actions/github'
import type { EngineEvent, EngineListener } from '../engine/events.js'
import type { CheckRunAnnotation } from './annotations.js'
import type { WorkflowResult } from './result.js'
import { formatDuration, stepTable, type StepRow } from './summary.js'
import { unreachable } from '../util/unreachable.js'

/** The part of the REST client this uses: `getOctokit(token).rest.checks`. */
export type ChecksClient = Pick<ReturnType<typeof getOctokit>['rest']['checks'], 'create' | 'update'>

/** GitHub caps `output.summary` and `output.text` at 65535 characters, and annotations at 50 a request. */
export const CHECK_RUN_TEXT_MAX = 65_535
const ANNOTATIONS_PER_REQUEST = 50
/** Far more than anyone reads; bounds the number of final requests. */
const MAX_ANNOTATIONS = 500
export const DEFAULT_UPDATE_INTERVAL_MS = 10_000

export interface CheckRunOutput {
  readonly title: string
  readonly summary: string
  readonly text?: string
  readonly annotations: readonly CheckRunAnnotation[]
}

export interface CheckRunLog {
  notice(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export interface CheckRunOptions {
  readonly checks: ChecksClient
  readonly owner: string
  readonly repo: string
  readonly headSha: string
  readonly name: string
  readonly detailsUrl?: string
  readonly externalId?: string
  /** Minimum time between two progress updates (default 10 s); the final update is never delayed. */
  readonly updateInterval?: number
  /** The final output, computed once the run has ended. */
  readonly finalOutput: (result: WorkflowResult) => CheckRunOutput | Promise<CheckRunOutput>
  readonly log: CheckRunLog
  /** Told the check run's id once GitHub created it (the action's journal keeps it for the post step). */
  readonly onCreated?: (checkRunId: number) => void
}

interface LiveStep {
  readonly id: string
  status: StepRow['status']
  attempts: number
  duration: number | null
  detail: string | null
}

type Conclusion = 'success' | 'failure' | 'cancelled'

/** Reports the run as a GitHub check run. */
export class CheckRunReporter implements EngineListener {
  readonly #options: CheckRunOptions
  readonly #interval: number
  readonly #steps = new Map<string, LiveStep>()
  /** Requests go out one at a time, in order. */
  #queue: Promise<void> = Promise.resolve()
  #checkRunId: number | undefined
  #disabled = false
  #dirty = false
  #lastUpdate = 0
  #timer: NodeJS.Timeout | undefined
  #result: WorkflowResult | undefined
  #started = false

  constructor(options: CheckRunOptions) {
    this.#options = options
    this.#interval = options.updateInterval ?? DEFAULT_UPDATE_INTERVAL_MS
  }

  /** The id GitHub gave the check run, once created. */
  get checkRunId(): number | undefined {
    return this.#checkRunId
  }

  onEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'workflow_start':
        for (const id of event.stepIds) this.#steps.set(id, { id, status: 'pending', attempts: 0, duration: null, detail: null })
        this.#started = true
        // The create counts as the first update of the interval.
        this.#lastUpdate = Date.now()
        this.#enqueue(() => this.#create(event.time))
        return
      case 'step_start': {
        const step = this.#steps.get(event.stepId)
        if (step) Object.assign(step, { status: 'running', attempts: event.attempt })
        this.#changed()
        return
      }
      case 'step_end': {
        const step = this.#steps.get(event.stepId)
        const r = event.result
        if (step) Object.assign(step, { status: r.status, attempts: r.attempts, duration: r.duration, detail: r.error ?? r.reason })
        this.#changed()
        return
      }
      case 'workflow_end':
        this.#result = event.result
        return
      default:
        return
    }
  }

  /** Sends the final update; resolves when GitHub has it (or the check run was turned off). */
  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = undefined
    const result = this.#result
    if (this.#started && result) this.#enqueue(() => this.#complete(result))
    await this.#queue
  }

  #changed(): void {
    this.#dirty = true
    if (this.#timer || this.#disabled) return
    const wait = Math.max(0, this.#lastUpdate + this.#interval - Date.now())
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      if (this.#dirty && this.#result === undefined) this.#enqueue(() => this.#progress())
    }, wait)
    // A pending progress update must not keep the process alive.
    this.#timer.unref()
  }

  #enqueue(request: () => Promise<void>): void {
    this.#queue = this.#queue.then(async () => {
      if (this.#disabled) return
      try {
        await request()
      } catch (error: unknown) {
        this.#failed(error)
      }
    })
  }

  async #create(time: number): Promise<void> {
    const o = this.#options
    const response = await o.checks.create({
      owner: o.owner,
      repo: o.repo,
      name: o.name,
      head_sha: o.headSha,
      status: 'in_progress',
      started_at: new Date(time).toISOString(),
      ...(o.detailsUrl !== undefined ? { details_url: o.detailsUrl } : {}),
      ...(o.externalId !== undefined ? { external_id: o.externalId } : {}),
      output: { title: 'Starting', summary: this.#liveSummary() },
    })
    this.#checkRunId = response.data.id
    this.#lastUpdate = Date.now()
    o.onCreated?.(response.data.id)
    o.log.debug(`check run ${response.data.id} created on ${o.headSha}`)
  }

  async #progress(): Promise<void> {
    if (this.#checkRunId === undefined || this.#result !== undefined) return
    this.#dirty = false
    this.#lastUpdate = Date.now()
    const done = [...this.#steps.values()].filter((s) => s.status !== 'pending' && s.status !== 'running').length
    await this.#options.checks.update({
      ...this.#target(this.#checkRunId),
      status: 'in_progress',
      output: { title: `${done} of ${this.#steps.size} steps finished`, summary: this.#liveSummary() },
    })
  }

  async #complete(result: WorkflowResult): Promise<void> {
    if (this.#checkRunId === undefined) return
    const output = await this.#options.finalOutput(result)
    const base = { title: clip(output.title, 1000), summary: clip(output.summary, CHECK_RUN_TEXT_MAX), ...(output.text ? { text: clip(output.text, CHECK_RUN_TEXT_MAX) } : {}) }
    const annotations = output.annotations.slice(0, MAX_ANNOTATIONS)
    const batches: CheckRunAnnotation[][] = []
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
    // GitHub appends each update's annotations; the conclusion goes with the last batch.
    for (const batch of batches.slice(0, -1)) {
      await this.#options.checks.update({ ...this.#target(this.#checkRunId), output: { ...base, annotations: batch } })
    }
    const last = batches[batches.length - 1]
    await this.#options.checks.update({
      ...this.#target(this.#checkRunId),
      status: 'completed',
      conclusion: conclusionOf(result),
      completed_at: result.metadata.endTime,
      output: { ...base, ...(last ? { annotations: last } : {}) },
    })
    this.#options.log.debug(`check run ${this.#checkRunId} completed: ${conclusionOf(result)}`)
  }

  #target(checkRunId: number): { owner: string; repo: string; check_run_id: number } {
    return { owner: this.#options.owner, repo: this.#options.repo, check_run_id: checkRunId }
  }

  #liveSummary(): string {
    const rows: StepRow[] = [...this.#steps.values()].map((s) => ({ id: s.id, name: s.id, status: s.status, duration: s.duration, attempts: s.attempts, detail: s.detail }))
    return stepTable(rows, CHECK_RUN_TEXT_MAX - 100) || `${rows.length} steps`
  }

  #failed(error: unknown): void {
    const status = httpStatus(error)
    const message = error instanceof Error ? error.message : String(error)
    if (this.#checkRunId === undefined || status === 403 || status === 404 || status === 401) {
      this.#disabled = true
      const hint = status === 403 || status === 404 ? ' (the token needs `checks: write`; pull requests from forks get a read-only token)' : ''
      this.#options.log.notice(`Check run skipped: ${message}${hint}. The job summary has the same report.`)
      return
    }
    this.#options.log.warning(`Check run update failed: ${message}`)
  }
}

function conclusionOf(result: WorkflowResult): Conclusion {
  switch (result.status) {
    case 'completed':
      return 'success'
    case 'failed':
      return 'failure'
    case 'cancelled':
      return 'cancelled'
    default:
      return unreachable(result.status)
  }
}

function httpStatus(error: unknown): number | undefined {
  if (error !== null && typeof error === 'object' && 'status' in error && typeof error.status === 'number') return error.status
  return undefined
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 40)}\n\n… (cut at GitHub's size limit)`
}

/** The check run's title: the headline counts. */
export function checkRunTitle(result: WorkflowResult): string {
  const m = result.metrics
  const failed = result.steps.filter((s) => s.status === 'failed').map((s) => s.id)
  if (failed.length > 0) return `${failed.length === 1 ? 'Step' : 'Steps'} ${failed.slice(0, 5).join(', ')}${failed.length > 5 ? ', …' : ''} failed`
  if (result.status !== 'completed') return result.error ?? `Workflow ${result.status}`
  return `${m.completedSteps} of ${m.totalSteps} steps completed in ${formatDuration(m.totalDuration)}`
}
