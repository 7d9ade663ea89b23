/**
 * Drives the real Scheduler on a virtual clock: each attempt's duration and exit code come from a script,
 * timers are events in the same queue, so semantics tests are exact and never flaky.
 */
import type { ExecutionRequest, ResourceAmounts } from '../../src/definition/model.js'
import type { EngineEvent } from '../../src/engine/events.js'
import { Scheduler } from '../../src/engine/scheduler.js'
import type { AttemptOutcome } from '../../src/engine/scheduler.js'
import type { StepResult } from '../../src/report/result.js'

export interface AttemptScript {
  readonly duration: number
  readonly exitCode?: number
  readonly outputs?: Record<string, string>
}

export type Script = (stepId: string, attempt: number) => AttemptScript

export interface SimulatedRun {
  readonly results: Map<string, StepResult>
  readonly events: EngineEvent[]
  /** [time, 'start'|'end', stepId, attempt] */
  readonly trace: [number, 'start' | 'end', string, number][]
  readonly scheduler: Scheduler
  readonly maxRunning: number
  readonly endTime: number
}

interface Pending {
  readonly time: number
  readonly seq: number
  readonly fire: () => void
}

export interface SimulateOptions {
  readonly concurrency?: number
  readonly capacity?: ResourceAmounts
  readonly priority?: Float64Array
  readonly previous?: readonly StepResult[]
  /** Actions at virtual times, e.g. cancel at 150. */
  readonly at?: readonly { readonly time: number; readonly action: (s: Scheduler) => void }[]
  readonly debug?: boolean
}

export function simulate(request: ExecutionRequest, script: Script, options: SimulateOptions = {}): SimulatedRun {
  let now = 0
  let seq = 0
  let running = 0
  let maxRunning = 0
  const queue: Pending[] = []
  const schedule = (delay: number, fire: () => void): void => {
    queue.push({ time: now + delay, seq: seq++, fire })
  }
  const events: EngineEvent[] = []
  const trace: SimulatedRun['trace'] = []
  const live = new Map<number, { cancel: () => void }>()
  const steps = request.workflow.steps
  let scheduler: Scheduler | null = null
  const end = (index: number, attempt: number, outcome: AttemptOutcome): void => {
    live.delete(index)
    running--
    trace.push([now, 'end', steps[index]?.id ?? '?', attempt])
    scheduler?.attemptEnded(index, outcome)
  }
  scheduler = new Scheduler(
    request,
    {
      now: () => now,
      debug: options.debug ?? false,
      emit: (e) => events.push(e),
      launch: (index, attempt) => {
        const id = steps[index]?.id ?? '?'
        running++
        maxRunning = Math.max(maxRunning, running)
        trace.push([now, 'start', id, attempt])
        const s = script(id, attempt)
        let done = false
        const base = { signal: null, spawnError: undefined, outputs: s.outputs ?? {}, lastLine: null }
        const timeout = steps[index]?.timeout
        const timedOut = timeout !== undefined && s.duration > timeout
        schedule(timedOut ? (timeout as number) : s.duration, () => {
          if (done) return
          done = true
          end(index, attempt, { ...base, exitCode: timedOut ? null : (s.exitCode ?? 0), timedOut, killed: false })
        })
        live.set(index, {
          cancel: () =>
            schedule(0, () => {
              if (done) return
              done = true
              end(index, attempt, { ...base, exitCode: null, signal: 'SIGTERM', timedOut: false, killed: true })
            }),
        })
      },
      kill: (index) => live.get(index)?.cancel(),
      scheduleRetry: (index, delay) => schedule(delay, () => scheduler?.retryDue(index)),
      scheduleWake: (delay) => schedule(delay, () => scheduler?.wake()),
    },
    {
      concurrency: options.concurrency ?? 4,
      capacity: options.capacity ?? { cpu: 64, memory: 2 ** 40, gpu: 0 },
      priority: options.priority ?? new Float64Array(steps.length),
      env: {},
      ...(options.previous ? { previous: options.previous } : {}),
    },
  )
  for (const a of options.at ?? []) queue.push({ time: a.time, seq: seq++, fire: () => a.action(scheduler as Scheduler) })
  scheduler.start()
  let guard = 0
  while (queue.length > 0 && guard++ < 1_000_000) {
    queue.sort((a, b) => a.time - b.time || a.seq - b.seq)
    const next = queue.shift() as Pending
    now = next.time
    next.fire()
  }
  const results = new Map(scheduler.results().map((r) => [r.id, r]))
  return { results, events, trace, scheduler, maxRunning, endTime: now }
}

export const ok =
  (duration = 10): Script =>
  () => ({ duration })

/** Script by step id; unspecified steps take 10 time units and succeed. */
export const byStep =
  (table: Record<string, AttemptScript | ((attempt: number) => AttemptScript)>): Script =>
  (id, attempt) => {
    const entry = table[id]
    if (!entry) return { duration: 10 }
    return typeof entry === 'function' ? entry(attempt) : entry
  }

export function startOf(run: SimulatedRun, id: string, attempt = 1): number {
  const row = run.trace.find(([, kind, s, a]) => kind === 'start' && s === id && a === attempt)
  if (!row) throw new Error(`${id} attempt ${attempt} never started`)
  return row[0]
}

export function endOf(run: SimulatedRun, id: string, attempt = 1): number {
  const row = run.trace.find(([, kind, s, a]) => kind === 'end' && s === id && a === attempt)
  if (!row) throw new Error(`${id} attempt ${attempt} never ended`)
  return row[0]
}
