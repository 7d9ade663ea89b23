/**
 * The scheduler: the semantics of a run as a state machine, with every effect (processes, timers, the
 * clock, events) behind `SchedulerHost`. It decides which step starts, retries, is held, skipped or
 * cancelled, and why; the driver (run-workflow.ts) only carries those decisions out.
 *
 * Work is O(steps + dependencies): each edge fires once, each step is evaluated once, and skips propagate
 * through an explicit work list (no recursion, so a 10,000-step chain of skips cannot overflow the stack).
 */
import { evaluateCondition, isCleanupCondition, stepContextValue } from '../definition/conditions.js'
import type { ConditionContext, StepFacts, StepStatus } from '../definition/conditions.js'
import type { ExecutionRequest, ResourceAmounts, Step } from '../definition/model.js'
import type { StepResult, StepResultStatus } from '../report/result.js'
import { CircuitBreaker } from './circuit-breaker.js'
import { indexDependencies } from './dependency-index.js'
import type { DependencyIndex, IndexedEdge } from './dependency-index.js'
import type { EngineEvent, RunStatus } from './events.js'
import { ReadyQueue } from './ready-queue.js'

/** What one attempt of a step came to, as the driver saw it. */
export interface AttemptOutcome {
  readonly exitCode: number | null
  readonly signal: string | null
  readonly timedOut: boolean
  /** Killed by cancel or by the workflow timeout. */
  readonly killed: boolean
  readonly spawnError?: string
  readonly outputs: Readonly<Record<string, string>>
  /** Last non-empty stdout line (≤ 1 KB). */
  readonly lastLine: string | null
  readonly outputTail?: string
}

export interface SchedulerHost {
  now(): number
  /** Start attempt `attempt` (1-based) of step `index`. Must not call back synchronously. */
  launch(index: number, attempt: number): void
  /** Kill the running attempt's process tree; its outcome arrives later through attemptEnded. */
  kill(index: number): void
  /** Call scheduler.retryDue(index) after `delay` ms. */
  scheduleRetry(index: number, delay: number): void
  /** Call scheduler.pump() after `delay` ms (circuit breaker). */
  scheduleWake(delay: number): void
  emit(event: EngineEvent): void
  readonly debug: boolean
}

export interface SchedulerOptions {
  readonly concurrency: number
  readonly capacity: ResourceAmounts
  /** Longest remaining path per step index. */
  readonly priority: Float64Array
  readonly previous?: readonly StepResult[]
  readonly env: Readonly<Record<string, string | undefined>>
}

type Phase = 'waiting' | 'queued' | 'running' | 'retry_wait' | 'holding' | 'done'

interface StepState {
  phase: Phase
  status: StepStatus
  startLeft: number
  finishLeft: number
  /**
   * Why the first edge that holds the start (or the end) was not satisfied when it fired: the reason a
   * skip reports. Only the first is kept; a list per step would be two arrays for each of 10,000 steps.
   */
  startUnmet: string | null
  finishUnmet: string | null
  upstreamFailed: boolean
  startTime: number | null
  endTime: number | null
  attempts: number
  failedAttempts: number
  lastOutcome: AttemptOutcome | null
  cancelReason: string | null
  result: StepResult | null
}

/** The outputs of a step that has none yet: shared, since facts are rebuilt at every start and end. */
const NO_OUTPUTS: Readonly<Record<string, string>> = Object.freeze({})

const SUCCESS_LIKE = (facts: StepFacts): boolean =>
  facts.status === 'completed' || (facts.status === 'failed' && facts.continueOnError)

export class Scheduler {
  readonly #request: ExecutionRequest
  readonly #steps: readonly Step[]
  readonly #host: SchedulerHost
  readonly #index: DependencyIndex
  readonly #states: StepState[]
  readonly #facts: Record<string, StepFacts> = Object.create(null) as Record<string, StepFacts>
  readonly #stepValues: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  readonly #queue: ReadyQueue
  readonly #capacity: ResourceAmounts
  readonly #used = { cpu: 0, memory: 0, gpu: 0 }
  readonly #breaker: CircuitBreaker | null
  readonly #toEvaluate: number[] = []
  readonly #options: SchedulerOptions
  #limit: number
  #running = 0
  #exclusiveRunning = false
  #maxRunning = 0
  #doneCount = 0
  #paused = false
  #cancels = 0
  #cancelReason = 'workflow cancelled'
  #timedOut = false
  #pumping = false
  #wakePending = false
  readonly #completionOrder: number[] = []

  constructor(request: ExecutionRequest, host: SchedulerHost, options: SchedulerOptions) {
    this.#request = request
    this.#steps = request.workflow.steps
    this.#host = host
    this.#options = options
    this.#index = indexDependencies(request.workflow)
    this.#queue = new ReadyQueue(options.priority)
    this.#capacity = options.capacity
    this.#limit = Math.max(1, options.concurrency)
    const breaker = request.errorHandling.circuitBreaker
    this.#breaker = breaker?.enabled ? new CircuitBreaker(breaker) : null
    this.#states = this.#steps.map((step, i) => {
      const state: StepState = {
        phase: 'waiting',
        status: 'pending',
        startLeft: this.#index.holdingStart[i]?.length ?? 0,
        finishLeft: this.#index.holdingFinish[i]?.length ?? 0,
        startUnmet: null,
        finishUnmet: null,
        upstreamFailed: false,
        startTime: null,
        endTime: null,
        attempts: 0,
        failedAttempts: 0,
        lastOutcome: null,
        cancelReason: null,
        result: null,
      }
      this.#setFacts(step, state)
      return state
    })
  }

  // --- queries -------------------------------------------------------------------------------------

  get done(): boolean {
    return this.#doneCount === this.#steps.length
  }

  get runStatus(): RunStatus {
    return this.#cancels > 0 || this.#timedOut ? 'cancelling' : this.#paused ? 'paused' : 'running'
  }

  get concurrency(): number {
    return this.#limit
  }

  get maxConcurrency(): number {
    return this.#maxRunning
  }

  get cancelled(): boolean {
    return this.#cancels > 0 && !this.#timedOut
  }

  get timedOut(): boolean {
    return this.#timedOut
  }

  get breaker(): { state: 'closed' | 'open' | 'half-open'; trips: number } | undefined {
    return this.#breaker ? { state: this.#breaker.state, trips: this.#breaker.trips } : undefined
  }

  /** Results in definition order; a step not settled yet has none. */
  results(): StepResult[] {
    return this.#states.flatMap((s) => (s.result ? [s.result] : []))
  }

  /** Indices of steps that completed, in completion order (rollback runs them in reverse). */
  completionOrder(): readonly number[] {
    return this.#completionOrder
  }

  startTimeOf(index: number): number | null {
    return this.#states[index]?.startTime ?? null
  }

  attemptsOf(index: number): number {
    return this.#states[index]?.attempts ?? 0
  }

  /** The context conditions and `${{ }}` see now. */
  conditionContext(): ConditionContext {
    return {
      steps: this.#facts,
      stepValues: this.#stepValues,
      context: this.#request.context,
      parameters: this.#request.parameters,
      env: this.#options.env,
      workflow: { name: this.#request.workflow.name },
      dependenciesSatisfied: true,
      upstreamFailed: false,
      cancelled: this.#cancels > 0,
    }
  }

  // --- commands from the driver ------------------------------------------------------------------

  /** Settles the steps a restart keeps, then evaluates every step with nothing to wait for. */
  start(): void {
    const kept = new Map((this.#options.previous ?? []).filter((r) => r.status === 'completed').map((r) => [r.id, r]))
    this.#steps.forEach((step, i) => {
      const previous = kept.get(step.id)
      if (previous) this.#settle(i, { ...previous, cached: true })
    })
    this.#states.forEach((state, i) => {
      if (state.phase === 'waiting' && state.startLeft === 0) this.#toEvaluate.push(i)
    })
    this.#drain()
    this.pump()
  }

  /** Starts whatever may start now: concurrency, exclusivity, resources, the breaker and pause allow. */
  pump(): void {
    if (this.#pumping) return
    this.#pumping = true
    try {
      this.#pumpOnce()
    } finally {
      this.#pumping = false
    }
  }

  attemptEnded(index: number, outcome: AttemptOutcome): void {
    const state = this.#states[index]
    const step = this.#steps[index]
    if (!state || !step || state.phase !== 'running') return
    const now = this.#host.now()
    this.#release(index)
    state.lastOutcome = outcome
    const success = outcome.exitCode === 0 && !outcome.timedOut && !outcome.killed && !outcome.spawnError
    if (this.#breaker && !outcome.killed && this.#breaker.record(success, now)) this.#emitBreaker(now)
    if (outcome.killed) {
      this.#finishAttempt(index, 'cancelled')
    } else if (success) {
      this.#finishAttempt(index, 'completed')
    } else {
      state.failedAttempts++
      const canRetry = state.attempts <= step.retries && this.#cancels === 0 && !this.#timedOut
      if (canRetry) {
        const policy = this.#request.errorHandling.retryPolicy
        const delay = Math.min(step.retryDelay * policy.backoffMultiplier ** (state.failedAttempts - 1), policy.maxDelay)
        state.phase = 'retry_wait'
        const error = describeFailure(step, outcome)
        this.#host.emit({ type: 'step_retry', time: now, stepId: step.id, attempt: state.attempts + 1, delay, error })
        this.#debug(step.id, `attempt ${state.attempts} failed (${error}); retry ${state.attempts + 1} of ${step.retries + 1} in ${delay} ms`)
        this.#host.scheduleRetry(index, delay)
      } else {
        this.#finishAttempt(index, 'failed')
      }
    }
    this.#drain()
    this.pump()
  }

  retryDue(index: number): void {
    const state = this.#states[index]
    if (!state || state.phase !== 'retry_wait') return
    state.phase = 'queued'
    this.#queue.push(index)
    this.pump()
  }

  pause(): void {
    if (this.#paused) return
    this.#paused = true
    this.#host.emit({ type: 'run_status', time: this.#host.now(), status: this.runStatus })
  }

  resume(): void {
    if (!this.#paused) return
    this.#paused = false
    this.#host.emit({ type: 'run_status', time: this.#host.now(), status: this.runStatus })
    this.pump()
  }

  setConcurrency(limit: number): void {
    this.#limit = Math.max(1, Math.floor(limit))
    this.pump()
  }

  /**
   * SPEC §4: the first cancel kills running trees and cancels pending steps, except cleanup steps
   * (`always`, `always()`, `cancelled()`), which still run; a second cancel stops those too.
   */
  cancel(reason: string): void {
    this.#cancels++
    if (this.#cancels === 1) this.#cancelReason = reason
    this.#host.emit({ type: 'run_status', time: this.#host.now(), status: this.runStatus })
    this.#stopAll(reason, this.#cancels === 1)
  }

  /** `workflow.timeout` expired: everything stops, no cleanup exception. */
  timeout(reason: string): void {
    this.#timedOut = true
    this.#cancelReason = reason
    this.#host.emit({ type: 'run_status', time: this.#host.now(), status: this.runStatus })
    this.#stopAll(reason, false)
  }

  // --- internals ---------------------------------------------------------------------------------

  #stopAll(reason: string, keepCleanup: boolean): void {
    this.#paused = false
    this.#states.forEach((state, i) => {
      const step = this.#steps[i] as Step
      const cleanup = keepCleanup && step.condition !== undefined && isCleanupCondition(step.condition)
      switch (state.phase) {
        case 'running':
          state.cancelReason = reason
          this.#host.kill(i)
          return
        case 'retry_wait':
          state.cancelReason = reason
          this.#finishAttempt(i, 'cancelled')
          return
        case 'queued':
        case 'waiting':
          if (cleanup) return
          // A queued step stays in the heap; pump discards entries whose step is no longer queued.
          state.cancelReason = reason
          this.#settle(i, this.#resultFor(i, 'cancelled', reason))
          return
        case 'holding':
        case 'done':
          return
      }
    })
    this.#drain()
    this.pump()
  }

  #pumpOnce(): void {
    if (this.#paused) return
    const now = this.#host.now()
    const deferred: number[] = []
    while (this.#running < this.#limit && this.#queue.size > 0 && !this.#exclusiveRunning) {
      if (this.#breaker && !this.#breaker.mayStart(now)) {
        // Open: wake when it may half-open. Half-open with a trial running: the trial's end pumps.
        if (this.#breaker.state === 'open') this.#wakeAfter(this.#breaker.remaining(now))
        break
      }
      const i = this.#queue.pop() as number
      if (this.#states[i]?.phase !== 'queued') continue
      const step = this.#steps[i] as Step
      if (step.exclusive) {
        if (this.#running > 0) {
          deferred.push(i)
          break
        }
        this.#launch(i, now)
        break
      }
      if (!this.#fits(step.resources)) {
        this.#debug(step.id, `waits for resources (requests cpu ${step.resources.cpu}, memory ${step.resources.memory}, gpu ${step.resources.gpu})`)
        deferred.push(i)
        continue
      }
      this.#launch(i, now)
    }
    for (const i of deferred) this.#queue.push(i)
  }

  #wakeAfter(delay: number): void {
    if (this.#wakePending) return
    this.#wakePending = true
    this.#host.scheduleWake(Math.max(1, delay))
  }

  /** Called by the driver when a scheduled wake fires. */
  wake(): void {
    this.#wakePending = false
    this.pump()
  }

  #fits(r: ResourceAmounts): boolean {
    const c = this.#capacity
    const u = this.#used
    const eps = 1e-9
    return u.cpu + r.cpu <= c.cpu + eps && u.memory + r.memory <= c.memory + eps && u.gpu + r.gpu <= c.gpu + eps
  }

  #launch(index: number, now: number): void {
    const state = this.#states[index] as StepState
    const step = this.#steps[index] as Step
    state.phase = 'running'
    state.attempts++
    this.#running++
    this.#maxRunning = Math.max(this.#maxRunning, this.#running)
    if (step.exclusive) this.#exclusiveRunning = true
    this.#used.cpu += step.resources.cpu
    this.#used.memory += step.resources.memory
    this.#used.gpu += step.resources.gpu
    this.#breaker?.started()
    const first = state.startTime === null
    if (first) {
      state.startTime = now
      state.status = 'running'
      this.#setFacts(step, state)
    }
    this.#debug(step.id, `starts attempt ${state.attempts} (priority ${(this.#options.priority[index] ?? 0).toFixed(0)}, ${this.#running}/${this.#limit} running)`)
    this.#host.launch(index, state.attempts)
    if (first) {
      for (const edge of this.#index.firedAtStart[index] ?? []) this.#fire(edge, true)
      this.#drain()
    }
  }

  #release(index: number): void {
    const step = this.#steps[index] as Step
    this.#running--
    if (step.exclusive) this.#exclusiveRunning = false
    this.#used.cpu -= step.resources.cpu
    this.#used.memory -= step.resources.memory
    this.#used.gpu -= step.resources.gpu
  }

  /** The process side is over; the reported end may still be held by finish-side dependencies. */
  #finishAttempt(index: number, outcome: StepResultStatus): void {
    const state = this.#states[index] as StepState
    state.endTime = this.#host.now()
    if (outcome === 'cancelled' || state.finishLeft === 0) {
      this.#settle(index, this.#resultFor(index, outcome, state.cancelReason ?? this.#cancelReason))
      return
    }
    state.phase = 'holding'
    state.status = outcome === 'completed' ? 'completed' : 'failed'
    this.#debug((this.#steps[index] as Step).id, `ended ${outcome}; its end is held by ${state.finishLeft} finish-side dependenc${state.finishLeft === 1 ? 'y' : 'ies'}`)
  }

  #releaseHeld(index: number): void {
    const state = this.#states[index] as StepState
    // The reported end is the release, not the process end: that is what "held" means.
    state.endTime = this.#host.now()
    const unmet = state.finishUnmet
    if (unmet !== null) {
      this.#settle(index, this.#resultFor(index, 'cancelled', unmet))
    } else {
      this.#settle(index, this.#resultFor(index, state.status === 'completed' ? 'completed' : 'failed', null))
    }
  }

  #resultFor(index: number, status: StepResultStatus, reason: string | null): StepResult {
    const state = this.#states[index] as StepState
    const step = this.#steps[index] as Step
    const outcome = state.lastOutcome
    const started = state.startTime !== null
    const end = state.endTime ?? this.#host.now()
    const error =
      status === 'failed' && outcome ? describeFailure(step, outcome) : status === 'cancelled' && started ? `Cancelled: ${reason ?? 'workflow cancelled'}` : null
    return {
      id: step.id,
      name: step.name,
      status,
      startTime: started ? new Date(state.startTime as number).toISOString() : null,
      endTime: started ? new Date(end).toISOString() : null,
      duration: started ? end - (state.startTime as number) : null,
      output: outcome ? (outcome.outputs['output'] ?? outcome.lastLine ?? null) : null,
      error,
      attempts: state.attempts,
      exitCode: outcome?.exitCode ?? null,
      outputs: outcome?.outputs ?? {},
      reason: status === 'skipped' || status === 'cancelled' ? reason : null,
      timedOut: outcome?.timedOut ?? false,
      cached: false,
      ...(outcome?.outputTail !== undefined ? { outputTail: outcome.outputTail } : {}),
    }
  }

  /** Terminal: record the result, tell the world, fire the edges that wait on this step. */
  #settle(index: number, result: StepResult): void {
    const state = this.#states[index] as StepState
    const step = this.#steps[index] as Step
    if (state.phase === 'done') return
    const wasStarted = state.startTime !== null
    state.phase = 'done'
    state.status = result.status
    state.result = result
    this.#doneCount++
    if (result.status === 'completed') this.#completionOrder.push(index)
    this.#setFacts(step, state)
    if (result.status === 'skipped' || (result.status === 'cancelled' && !wasStarted)) {
      this.#debug(step.id, `${result.status}: ${result.reason ?? ''}`)
    }
    this.#host.emit({ type: 'step_end', time: this.#host.now(), stepId: step.id, result })
    if (!wasStarted) for (const edge of this.#index.firedAtStart[index] ?? []) this.#fire(edge, false)
    for (const edge of this.#index.firedAtFinish[index] ?? []) this.#fire(edge, false)
  }

  /** An edge reached its trigger point: judge its condition on `from` as it stands now. */
  #fire(edge: IndexedEdge, atStart: boolean): void {
    const target = this.#states[edge.to] as StepState
    if (target.phase === 'done') return
    const from = this.#steps[edge.from] as Step
    const fromFacts = this.#facts[from.id] as StepFacts
    const unmet = unmetReason(edge, fromFacts, atStart)
    if (fromFacts.status === 'failed' && !fromFacts.continueOnError) target.upstreamFailed = true
    if ((fromFacts.status === 'skipped' || fromFacts.status === 'cancelled') && (this.#states[edge.from] as StepState).upstreamFailed) {
      target.upstreamFailed = true
    }
    if (edge.holdsStart) {
      if (unmet) target.startUnmet ??= unmet
      if (--target.startLeft === 0 && target.phase === 'waiting') this.#toEvaluate.push(edge.to)
      else if (this.#host.debug && target.phase === 'waiting') {
        this.#debug(this.#steps[edge.to]?.id, `${from.id} ${atStart ? 'started' : 'finished'}; still waits on ${target.startLeft} dependenc${target.startLeft === 1 ? 'y' : 'ies'}`)
      }
    } else {
      if (unmet) target.finishUnmet ??= unmet
      if (--target.finishLeft === 0 && target.phase === 'holding') this.#releaseHeld(edge.to)
    }
  }

  /** Decide each step whose start-holding edges have all fired: queue it or skip it, with a reason. */
  #drain(): void {
    for (let i = this.#toEvaluate.pop(); i !== undefined; i = this.#toEvaluate.pop()) {
      const state = this.#states[i] as StepState
      if (state.phase !== 'waiting') continue
      const step = this.#steps[i] as Step
      if (this.#timedOut || (this.#cancels > 0 && !(this.#cancels === 1 && step.condition && isCleanupCondition(step.condition)))) {
        this.#settle(i, this.#resultFor(i, 'cancelled', this.#cancelReason))
        continue
      }
      const satisfied = state.startUnmet === null
      let run: boolean
      let reason: string
      if (step.condition) {
        run = evaluateCondition(step.condition, {
          ...this.conditionContext(),
          dependenciesSatisfied: satisfied,
          upstreamFailed: state.upstreamFailed,
        })
        reason = !satisfied && !step.condition.usesStatusFunction ? (state.startUnmet as string) : `condition \`${step.condition.source}\` is false`
      } else {
        run = satisfied
        reason = state.startUnmet ?? ''
      }
      if (run) {
        state.phase = 'queued'
        this.#queue.push(i)
        this.#debug(step.id, `ready${step.condition ? ` (condition \`${step.condition.source}\` is true)` : ''}`)
      } else {
        this.#settle(i, this.#resultFor(i, 'skipped', reason))
      }
    }
  }

  /** Keeps the facts and their expression form in step, so conditions never rebuild either per step. */
  #setFacts(step: Step, state: StepState): void {
    const facts = this.#factsOf(step, state)
    this.#facts[step.id] = facts
    this.#stepValues[step.id] = stepContextValue(facts)
  }

  #factsOf(step: Step, state: StepState): StepFacts {
    const r = state.result
    return {
      status: state.status,
      outputs: r?.outputs ?? NO_OUTPUTS,
      exitCode: r?.exitCode ?? null,
      duration: r?.duration ?? null,
      attempts: state.attempts,
      continueOnError: step.continueOnError,
      timedOut: r?.timedOut ?? false,
    }
  }

  #emitBreaker(now: number): void {
    if (!this.#breaker) return
    this.#host.emit({ type: 'breaker', time: now, state: this.#breaker.state, trips: this.#breaker.trips })
  }

  #debug(stepId: string | undefined, message: string): void {
    if (!this.#host.debug) return
    this.#host.emit({ type: 'debug', time: this.#host.now(), ...(stepId !== undefined ? { stepId } : {}), message: stepId ? `${stepId}: ${message}` : message })
  }
}

/** Null when the edge's condition holds for `from` at the trigger point, else why not. */
function unmetReason(edge: IndexedEdge, from: StepFacts, atStart: boolean): string | null {
  const d = edge.dependency
  if (d.condition === 'always') return null
  if (atStart) {
    // At a start trigger the only outcome known is whether `from` started; it cannot have failed yet.
    const started = from.status !== 'skipped' && from.status !== 'cancelled'
    if (d.condition === 'success' && started) return null
    return `dependency ${d.from} ${started ? 'started' : `was ${from.status}`} (${d.type}, needs ${d.condition})`
  }
  if (d.condition === 'success' && SUCCESS_LIKE(from)) return null
  if (d.condition === 'failure' && from.status === 'failed') return null
  return `dependency ${d.from} ${from.status} (${d.type}, needs ${d.condition})`
}

/** A one-line cause: spawn error, timeout, signal or exit code. Also used for rollback commands. */
export function describeFailure(
  step: Pick<Step, 'timeout'>,
  outcome: Pick<AttemptOutcome, 'spawnError' | 'timedOut' | 'signal' | 'exitCode'>,
): string {
  if (outcome.spawnError) return `Failed to start: ${outcome.spawnError}`
  if (outcome.timedOut) return `Timed out after ${step.timeout ?? 0} ms`
  if (outcome.signal) return `Killed by ${outcome.signal}`
  return `Exit code ${outcome.exitCode ?? 'unknown'}`
}
