/**
 * The driver: carries out the scheduler's decisions with real processes and timers, and turns what
 * happens into the event stream. All semantics live in scheduler.ts; all process handling in process/.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ExecutionRequest, ResourceAmounts, Step } from '../definition/model.js'
import { remainingPathLengths } from '../plan/critical-path.js'
import { computeMetrics } from '../report/metrics.js'
import type { StepResult, WorkflowMetrics, WorkflowResult, WorkflowStatus } from '../report/result.js'
import type { EngineEvent } from './events.js'
import { detectCapacity } from './machine.js'
import { startStepProcess } from './process/start-step-process.js'
import type { StepProcess, StepProcessExit } from './process/start-step-process.js'
import { runRollbacks } from './rollback.js'
import type { RunOptions, RunSnapshot, WorkflowRun } from './run-types.js'
import { Scheduler } from './scheduler.js'
import type { AttemptOutcome } from './scheduler.js'
import { SecretMasker } from './secret-masker.js'
import { prepareStepInvocation } from './step-invocation.js'
import { progressFromOutputs, readStepOutputFile } from './step-output-file.js'
import { classifyStepLine } from './workflow-commands.js'
import { sizeYoungGenerationFor } from './young-generation.js'

const LAST_LINE_LIMIT = 1024
const TAIL_LINES = 50
const PROGRESS_POLL_MS = 1000

interface Attempt {
  readonly process: StepProcess
  readonly outputFile: string
  readonly startedAt: number
  lastLine: string | null
  readonly tail: string[] | null
  progress: { percentage?: number; task?: string }
}

/** Starts a run at once and returns its handle; `done` resolves with the result and never rejects. */
export function startWorkflow(request: ExecutionRequest, options: RunOptions): WorkflowRun {
  sizeYoungGenerationFor(request.workflow.steps.length)
  return new Run(request, options).handle()
}

class Run {
  readonly #request: ExecutionRequest
  readonly #options: RunOptions
  readonly #masker = new SecretMasker()
  readonly #attempts = new Map<number, Attempt>()
  /** Per step and stream: the held-back end of a cut line (see #onPiece). */
  readonly #carry = new Map<string, string>()
  readonly #timers = new Set<NodeJS.Timeout>()
  readonly #concurrencyChanges: { time: string; from: number; to: number; cpu: number }[] = []
  readonly #debug: boolean
  readonly #env: Readonly<Record<string, string>>
  #scheduler: Scheduler | null = null
  #scratch = ''
  #ownsScratch = false
  #startTime = Date.now()
  #finished = false
  #resolve: (result: WorkflowResult) => void = () => {}
  /** Controls that arrive before the scheduler exists (capacity detection is async). */
  readonly #early: (() => void)[] = []
  #progressTimer: NodeJS.Timeout | null = null

  constructor(request: ExecutionRequest, options: RunOptions) {
    this.#request = request
    this.#options = options
    // One snapshot per run: reading process.env goes through a getter per key, and every step starts
    // from this environment (layered, not copied).
    const env: Record<string, string> = {}
    const source = options.env ?? process.env
    for (const key of Object.keys(source)) {
      const value = source[key]
      if (value !== undefined) env[key] = value
    }
    this.#env = env
    this.#debug = request.debug.enabled || this.#env['ACTIONS_STEP_DEBUG'] === 'true'
  }

  handle(): WorkflowRun {
    const done = new Promise<WorkflowResult>((resolveDone) => {
      this.#resolve = resolveDone
    })
    void this.#begin()
    const control = (action: (s: Scheduler) => void): void => {
      if (this.#scheduler) action(this.#scheduler)
      else this.#early.push(() => action(this.#scheduler as Scheduler))
    }
    return {
      workflowId: this.#options.workflowId,
      done,
      pause: () => control((s) => s.pause()),
      resume: () => control((s) => s.resume()),
      cancel: (reason = 'workflow cancelled') => control((s) => s.cancel(reason)),
      setConcurrency: (limit, measuredCpu = NaN) =>
        control((s) => {
          const from = s.concurrency
          s.setConcurrency(limit)
          if (s.concurrency !== from) this.#emit({ type: 'concurrency', time: Date.now(), from, to: s.concurrency, cpu: measuredCpu })
        }),
      snapshot: () => this.#snapshot(),
    }
  }

  async #begin(): Promise<void> {
    try {
      const capacity = await this.#capacity()
      this.#scratch = this.#options.scratchDir ?? mkdtempSync(join(tmpdir(), 'task-orchestrator-'))
      this.#ownsScratch = this.#options.scratchDir === undefined
      const workflow = this.#request.workflow
      const concurrency = workflow.sequential ? 1 : (this.#options.concurrency ?? workflow.concurrency ?? availableParallelism())
      this.#startTime = Date.now()
      this.#scheduler = new Scheduler(this.#request, this.#host(), {
        concurrency,
        capacity,
        priority: remainingPathLengths(workflow, this.#options.history),
        ...(this.#options.previous ? { previous: this.#options.previous } : {}),
        env: this.#env,
      })
      this.#emit({ type: 'workflow_start', time: this.#startTime, workflowId: this.#options.workflowId, name: workflow.name, stepIds: workflow.steps.map((s) => s.id) })
      if (workflow.timeout !== undefined) {
        const limit = workflow.timeout
        this.#timer(limit, () => this.#scheduler?.timeout(`Workflow timed out after ${limit} ms`))
      }
      // Controls sent while capacity was being detected (autoScaling's first limit, an early pause)
      // apply before the first step starts.
      for (const apply of this.#early.splice(0)) apply()
      this.#scheduler.start()
      this.#progressTimer = setInterval(() => void this.#pollProgress(), PROGRESS_POLL_MS)
      this.#progressTimer.unref()
      this.#checkDone()
    } catch (error: unknown) {
      // A bug, not a user error: still settle `done` so callers never hang.
      await this.#finish(error instanceof Error ? error.message : String(error))
    }
  }

  async #capacity(): Promise<ResourceAmounts> {
    if (this.#options.capacity) return this.#options.capacity
    if (this.#request.resources.limits) return this.#request.resources.limits
    return detectCapacity(this.#request.workflow.steps.some((s) => s.resources.gpu > 0))
  }

  #host(): ConstructorParameters<typeof Scheduler>[1] {
    return {
      now: () => Date.now(),
      launch: (index, attempt) => this.#launch(index, attempt),
      kill: (index) => this.#attempts.get(index)?.process.cancel(),
      scheduleRetry: (index, delay) => this.#timer(delay, () => this.#scheduler?.retryDue(index)),
      scheduleWake: (delay) => this.#timer(delay, () => this.#scheduler?.wake()),
      emit: (event) => this.#emit(event),
      debug: this.#debug,
    }
  }

  #launch(index: number, attempt: number): void {
    const scheduler = this.#scheduler as Scheduler
    const step = this.#request.workflow.steps[index] as Step
    const outputFile = join(this.#scratch, `${index}-${attempt}.out`)
    const invocation = prepareStepInvocation(step, {
      request: this.#request,
      workflowId: this.#options.workflowId,
      attempt,
      outputFile,
      baseEnv: this.#env,
      conditionContext: scheduler.conditionContext(),
    })
    const now = Date.now()
    if (!invocation.ok) {
      // Not a process failure: the step's own `${{ }}` could not be evaluated. Report it as the cause.
      this.#emit({ type: 'step_start', time: now, stepId: step.id, attempt, pid: undefined })
      setImmediate(() => {
        this.#scheduler?.attemptEnded(index, { exitCode: null, signal: null, timedOut: false, killed: false, spawnError: invocation.error, outputs: {}, lastLine: null })
        this.#checkDone()
      })
      return
    }
    const captureTail = this.#request.debug.captureOutputs
    const attemptState: Attempt = {
      outputFile,
      startedAt: now,
      lastLine: null,
      tail: captureTail ? [] : null,
      progress: {},
      process: startStepProcess(
        {
          command: invocation.value.command,
          shell: step.shell,
          cwd: resolve(this.#request.source.root, invocation.value.workingDirectory ?? '.'),
          env: invocation.value.env,
          ...(step.timeout !== undefined ? { timeout: step.timeout } : {}),
          killGracePeriod: step.killGracePeriod,
        },
        { onLine: (stream, line, continues) => this.#onPiece(index, step, stream, line, continues === true) },
      ),
    }
    this.#attempts.set(index, attemptState)
    this.#emit({ type: 'step_start', time: now, stepId: step.id, attempt, pid: attemptState.process.pid })
    attemptState.process.exited.then(
      (exit) => void this.#attemptExited(index, attemptState, exit),
      (error: unknown) =>
        void this.#attemptExited(index, attemptState, {
          exitCode: null,
          signal: null,
          timedOut: false,
          cancelled: false,
          spawnError: String(error),
          durationMs: Date.now() - now,
        }),
    )
  }

  /**
   * A line longer than the process layer's limit arrives in pieces. Masking each piece alone would print
   * a secret that straddles a cut in two unmasked halves, so the end of a piece that could begin a secret
   * is held back and masked with the next piece.
   */
  #onPiece(index: number, step: Step, stream: 'stdout' | 'stderr', raw: string, continues: boolean): void {
    const key = `${index}:${stream}`
    const carried = this.#carry.get(key)
    let text = carried === undefined ? raw : carried + raw
    this.#carry.delete(key)
    if (continues && this.#masker.longest > 1) {
      const keepFrom = this.#masker.safeCut(text, Math.max(0, text.length - (this.#masker.longest - 1)))
      if (keepFrom < text.length) this.#carry.set(key, text.slice(keepFrom))
      text = text.slice(0, keepFrom)
      if (text.length === 0) return
    }
    this.#onLine(index, step, stream, text)
  }

  /** What a step's last, unfinished piece left in hand (its process ended mid-line). */
  #flushCarry(index: number, step: Step): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const key = `${index}:${stream}`
      const carried = this.#carry.get(key)
      this.#carry.delete(key)
      if (carried !== undefined && carried.length > 0) this.#onLine(index, step, stream, carried)
    }
  }

  #onLine(index: number, step: Step, stream: 'stdout' | 'stderr', raw: string): void {
    const time = Date.now()
    const kind = classifyStepLine(raw)
    if (kind.kind === 'mask') {
      this.#masker.add(kind.value)
      this.#emit({ type: 'secret', time, value: kind.value })
      return
    }
    const line = this.#masker.mask(raw)
    if (kind.kind === 'annotation') {
      this.#emit({
        type: 'step_annotation',
        time,
        stepId: step.id,
        level: kind.level,
        message: this.#masker.mask(kind.message),
        properties: kind.properties,
      })
    }
    const attempt = this.#attempts.get(index)
    if (attempt) {
      if (stream === 'stdout' && line.trim() !== '') attempt.lastLine = line.length > LAST_LINE_LIMIT ? line.slice(0, LAST_LINE_LIMIT) : line
      if (attempt.tail) {
        attempt.tail.push(line)
        if (attempt.tail.length > TAIL_LINES) attempt.tail.shift()
      }
    }
    this.#emit({ type: 'step_output', time, stepId: step.id, stream, line })
  }

  async #attemptExited(index: number, attempt: Attempt, exit: StepProcessExit): Promise<void> {
    const step = this.#request.workflow.steps[index]
    if (step) this.#flushCarry(index, step)
    // Most steps write no outputs: a stat is far cheaper than the failed open (and its error object).
    const read = existsSync(attempt.outputFile) ? await readStepOutputFile(attempt.outputFile) : ({ ok: true, value: {} } as const)
    const outputs: Record<string, string> = {}
    let outputError: string | undefined
    if (read.ok) {
      for (const [k, v] of Object.entries(read.value)) outputs[k] = this.#masker.mask(v)
    } else {
      outputError = read.error
    }
    this.#attempts.delete(index)
    const outcome: AttemptOutcome = {
      exitCode: exit.exitCode,
      signal: exit.signal,
      timedOut: exit.timedOut,
      killed: exit.cancelled,
      ...(exit.spawnError !== undefined ? { spawnError: exit.spawnError } : outputError !== undefined && exit.exitCode === 0 ? { spawnError: `bad $TASK_OUTPUT: ${outputError}` } : {}),
      outputs,
      lastLine: attempt.lastLine,
      ...(attempt.tail ? { outputTail: attempt.tail.join('\n') } : {}),
    }
    this.#scheduler?.attemptEnded(index, outcome)
    this.#checkDone()
  }

  async #pollProgress(): Promise<void> {
    for (const [index, attempt] of this.#attempts) {
      if (!existsSync(attempt.outputFile)) continue
      const read = await readStepOutputFile(attempt.outputFile)
      if (!read.ok) continue
      const progress = progressFromOutputs(read.value)
      if (progress.percentage === attempt.progress.percentage && progress.task === attempt.progress.task) continue
      attempt.progress = progress
      const stepId = this.#request.workflow.steps[index]?.id ?? ''
      this.#emit({ type: 'step_progress', time: Date.now(), stepId, ...progress })
    }
  }

  #checkDone(): void {
    const scheduler = this.#scheduler
    if (!scheduler || !scheduler.done || this.#attempts.size > 0 || this.#finished) return
    void this.#finish(null)
  }

  async #finish(crash: string | null): Promise<void> {
    if (this.#finished) return
    this.#finished = true
    for (const t of this.#timers) clearTimeout(t)
    if (this.#progressTimer) clearInterval(this.#progressTimer)
    const scheduler = this.#scheduler
    let steps: StepResult[] = scheduler ? scheduler.results() : []
    const tolerated = new Set(this.#request.workflow.steps.filter((s) => s.continueOnError).map((s) => s.id))
    const failed = steps.filter((s) => s.status === 'failed' && !tolerated.has(s.id))
    const status: WorkflowStatus = crash || scheduler?.timedOut || failed.length > 0 ? 'failed' : scheduler?.cancelled ? 'cancelled' : 'completed'
    if (status === 'failed' && scheduler && this.#request.errorHandling.rollbackStrategy === 'automatic') {
      const rollbacks = await runRollbacks(this.#request, scheduler.completionOrder(), {
        env: this.#env,
        emit: (event) => this.#emit(event.type === 'step_output' ? { ...event, line: this.#masker.mask(event.line) } : event),
      })
      steps = steps.map((s) => {
        const rollback = rollbacks.get(s.id)
        return rollback ? { ...s, rollback } : s
      })
    }
    const end = Date.now()
    const timeout = this.#request.workflow.timeout
    const error = crash
      ? `Internal error: ${crash}`
      : scheduler?.timedOut
        ? `Workflow timed out after ${timeout ?? 0} ms`
        : failed.length > 0
          ? `${failed.length === 1 ? 'Step' : 'Steps'} ${failed.map((s) => s.id).join(', ')} failed`
          : status === 'cancelled'
            ? 'Workflow cancelled'
            : null
    const breaker = scheduler?.breaker
    const metrics: WorkflowMetrics = computeMetrics({
      workflow: this.#request.workflow,
      steps,
      wallTime: end - this.#startTime,
      concurrency: scheduler?.concurrency ?? 1,
      maxConcurrency: scheduler?.maxConcurrency ?? 0,
      ...(breaker ? { circuitBreaker: breaker } : {}),
      concurrencyChanges: this.#concurrencyChanges,
    })
    const result: WorkflowResult = this.#masker.maskDeep({
      success: status === 'completed',
      workflowId: this.#options.workflowId,
      name: this.#request.workflow.name,
      status,
      steps,
      metrics,
      metadata: {
        startTime: new Date(this.#startTime).toISOString(),
        endTime: new Date(end).toISOString(),
        timestamp: new Date(end).toISOString(),
      },
      error,
    })
    this.#emit({ type: 'workflow_end', time: end, result })
    await Promise.all(this.#options.listeners.map((l) => l.close?.().catch(() => undefined)))
    if (this.#ownsScratch) rmSync(this.#scratch, { recursive: true, force: true })
    this.#resolve(result)
  }

  #emit(event: EngineEvent): void {
    if (event.type === 'concurrency') {
      this.#concurrencyChanges.push({ time: new Date(event.time).toISOString(), from: event.from, to: event.to, cpu: event.cpu })
    }
    const masked = event.type === 'step_end' ? { ...event, result: this.#masker.maskDeep(event.result) } : event
    for (const listener of this.#options.listeners) {
      try {
        listener.onEvent(masked)
      } catch {
        // A reporter's bug must not stop the run; the result still carries everything.
      }
    }
  }

  #timer(delay: number, action: () => void): void {
    const t = setTimeout(() => {
      this.#timers.delete(t)
      action()
      this.#checkDone()
    }, delay)
    this.#timers.add(t)
  }

  #snapshot(): RunSnapshot {
    const scheduler = this.#scheduler
    const steps = this.#request.workflow.steps
    const finished = scheduler ? scheduler.results() : []
    const running = [...this.#attempts.entries()].map(([index, a]) => ({
      id: steps[index]?.id ?? '',
      startTime: new Date(scheduler?.startTimeOf(index) ?? a.startedAt).toISOString(),
      attempt: scheduler?.attemptsOf(index) ?? 1,
      ...a.progress,
    }))
    const settled = new Set(finished.map((r) => r.id))
    const active = new Set(running.map((r) => r.id))
    const breaker = scheduler?.breaker
    return {
      status: scheduler?.runStatus ?? 'running',
      running,
      finished,
      pending: steps.filter((s) => !settled.has(s.id) && !active.has(s.id)).map((s) => s.id),
      concurrency: scheduler?.concurrency ?? 0,
      ...(breaker ? { circuitBreaker: breaker } : {}),
    }
  }
}
