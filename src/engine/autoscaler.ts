/**
 * `resources.autoScaling`: adaptive concurrency between minReplicas and maxReplicas. Like a horizontal
 * pod autoscaler with steps as replicas: it starts at minReplicas, adds one slot per sample while the
 * measured CPU use is under targetCPU and steps are queued behind the limit, and gives one back (never
 * below min) while it is over. The decision is a pure function; the timer around it is thin.
 */
import type { AutoScaling } from '../definition/model.js'
import { CpuSampler } from './machine.js'
import type { WorkflowRun } from './run-types.js'

export interface ScalingInput {
  /** The concurrency limit in force. */
  readonly current: number
  /** Measured CPU use, percent of the whole machine, since the previous sample. */
  readonly cpu: number
  /** Steps running now. */
  readonly running: number
  /** Steps not started yet. */
  readonly queued: number
}

export interface ConcurrencyChange {
  readonly from: number
  readonly to: number
  readonly cpu: number
}

/**
 * The next concurrency limit. Raising needs both spare CPU and a limit that is actually binding (every
 * slot busy and work waiting), otherwise an idle run would climb to max for nothing.
 */
export function decideConcurrency(settings: AutoScaling, input: ScalingInput): number {
  const { minReplicas: min, maxReplicas: max, targetCPU: target } = settings
  const current = Math.min(max, Math.max(min, input.current))
  if (current !== input.current) return current
  if (input.cpu > target && current > min) return current - 1
  if (input.cpu < target && current < max && input.queued > 0 && input.running >= current) return current + 1
  return current
}

export interface AutoScalerOptions {
  /** Percent of the machine's CPU busy since the previous call (default: a CpuSampler's). */
  readonly sampleCpu?: () => number
  /** Told of every change of the limit (debug log, metrics). */
  readonly onChange?: (change: ConcurrencyChange) => void
  /** ms between samples (default 1000). */
  readonly intervalMs?: number
}

export interface AutoScaler {
  stop(): void
}

/**
 * Starts adapting `run`'s concurrency (first to minReplicas) and stops by itself when the run is done.
 * Does nothing when autoScaling is not enabled.
 */
export function startAutoScaler(run: WorkflowRun, settings: AutoScaling, options: AutoScalerOptions = {}): AutoScaler {
  if (!settings.enabled) return { stop: () => {} }
  const sampler = new CpuSampler()
  const sampleCpu = options.sampleCpu ?? (() => sampler.sample())
  run.setConcurrency(settings.minReplicas)
  // The first sample only sets the sampler's baseline; decisions start from the next one.
  sampleCpu()
  const timer = setInterval(() => {
    const snapshot = run.snapshot()
    const cpu = sampleCpu()
    // 0: the scheduler is not up yet (capacity detection is asynchronous).
    if (snapshot.concurrency === 0) return
    const to = decideConcurrency(settings, { current: snapshot.concurrency, cpu, running: snapshot.running.length, queued: snapshot.pending.length })
    if (to === snapshot.concurrency) return
    run.setConcurrency(to, cpu)
    options.onChange?.({ from: snapshot.concurrency, to, cpu })
  }, options.intervalMs ?? 1000)
  timer.unref()
  const stop = (): void => clearInterval(timer)
  void run.done.then(stop)
  return { stop }
}
