/**
 * The engine's public surface: how a caller starts a run and steers it. The CLI, the action and the
 * monitor all go through this; none of them reaches into the scheduler.
 */
import type { ResourceAmounts } from '../definition/model.js'
import type { StepResult, WorkflowResult } from '../report/result.js'
import type { EngineListener, RunStatus } from './events.js'

export interface RunOptions {
  readonly workflowId: string
  /** Overrides workflow.concurrency (CLI --concurrency, action input). */
  readonly concurrency?: number
  readonly listeners: readonly EngineListener[]
  /** Base environment of every step (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Restart: steps whose stored result is `completed` are not run again; their outputs are kept. */
  readonly previous?: readonly StepResult[]
  /** Durations (ms) of earlier runs of the same workflow: scheduling priority and ETAs. */
  readonly history?: Readonly<Record<string, number>>
  /** Overrides the capacity (resources.limits ?? context.resources ?? the machine). */
  readonly capacity?: ResourceAmounts
  /** Where each step's $TASK_OUTPUT file is created (default: a fresh folder under os.tmpdir()). */
  readonly scratchDir?: string
}

/** What `status` shows of a run in progress. */
export interface RunSnapshot {
  readonly status: RunStatus
  readonly running: readonly { readonly id: string; readonly startTime: string; readonly attempt: number; readonly percentage?: number; readonly task?: string }[]
  readonly finished: readonly StepResult[]
  readonly pending: readonly string[]
  readonly concurrency: number
  readonly circuitBreaker?: { readonly state: 'closed' | 'open' | 'half-open'; readonly trips: number }
}

export interface WorkflowRun {
  readonly workflowId: string
  /** Resolves once every step is settled, rollbacks ran and listeners were closed. Never rejects. */
  readonly done: Promise<WorkflowResult>
  /** No new step starts; running ones finish. */
  pause(): void
  resume(): void
  /** First call: kill running trees, cancel pending steps except cleanup ones (SPEC §4). Second: those too. */
  cancel(reason?: string): void
  /** Adaptive concurrency (resources.autoScaling) sets the limit through this, with the CPU % that moved it. */
  setConcurrency(limit: number, measuredCpu?: number): void
  snapshot(): RunSnapshot
}
