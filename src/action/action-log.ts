/**
 * The action's live log: each step line as `[step_id] line` as it arrives, step starts and ends, retries
 * and debug decisions. A step line can never issue a workflow command: every printed line starts with
 * the `[step_id] ` prefix, including the pieces of a line split at a carriage return (the runner starts a
 * new line there). Values a step masks (`::add-mask::`) are registered with the runner.
 */
import * as core from '@actions/core'
import type { EngineEvent, EngineListener } from '../engine/events.js'
import type { StepResult } from '../report/result.js'
import { formatDuration, headline } from '../report/summary.js'
import { unreachable } from '../util/unreachable.js'

/** Where lines go: `core.info` in the action, an array in tests. */
export interface LogSink {
  info(line: string): void
  setSecret(value: string): void
}

/**
 * `core.info` is one stdout write per line; a step printing millions of lines would spend its run in
 * write calls. Lines are gathered and written once per event-loop turn (or per 64 KiB), in order.
 */
function bufferedCoreSink(): LogSink & { flush(): void } {
  let pending: string[] = []
  let length = 0
  let scheduled: NodeJS.Immediate | null = null
  const flush = (): void => {
    if (scheduled) clearImmediate(scheduled)
    scheduled = null
    if (pending.length === 0) return
    const text = pending.join('')
    pending = []
    length = 0
    process.stdout.write(text)
  }
  return {
    info: (line) => {
      pending.push(`${line}\n`)
      length += line.length + 1
      if (length >= 64 * 1024) flush()
      else scheduled ??= setImmediate(flush)
    },
    // Registered after the lines before it are out, so the runner sees commands in the order they came.
    setSecret: (value) => {
      flush()
      core.setSecret(value)
    },
    flush,
  }
}

/** Prints the run as it happens; one listener of the engine's events. */
export class ActionLog implements EngineListener {
  readonly #sink: LogSink & { flush?(): void }

  constructor(sink: LogSink & { flush?(): void } = bufferedCoreSink()) {
    this.#sink = sink
  }

  onEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'secret':
        this.#sink.setSecret(event.value)
        return
      case 'step_output':
        this.#step(event.stepId, event.line)
        return
      case 'step_start':
        this.#step(event.stepId, event.attempt > 1 ? `▶ attempt ${event.attempt} started` : '▶ started')
        return
      case 'step_retry':
        // `attempt` is the attempt about to start.
        this.#step(event.stepId, `attempt ${event.attempt - 1} failed (${event.error}); attempt ${event.attempt} in ${formatDuration(event.delay)}`)
        return
      case 'step_end':
        this.#step(event.stepId, endLine(event.result))
        return
      case 'rollback_start':
        this.#step(event.stepId, '↩ rollback started')
        return
      case 'rollback_end':
        this.#step(event.stepId, `↩ rollback ${event.result.status}${event.result.error ? `: ${event.result.error}` : ''}`)
        return
      case 'breaker':
        this.#plain(`circuit breaker ${event.state} (trips: ${event.trips})`)
        return
      case 'run_status':
        this.#plain(`workflow ${event.status}`)
        return
      case 'workflow_start':
        this.#plain(`Running ${event.name} (${event.stepIds.length} steps, workflow id ${event.workflowId})`)
        return
      case 'workflow_end':
        this.#plain(headline(event.result))
        // Everything after the run (summary, annotations, groups) is written directly: ours goes first.
        this.#sink.flush?.()
        return
      // Debug decisions are rendered by report/debug-log.ts when debug is on.
      case 'debug':
      case 'step_progress':
      case 'step_annotation':
      case 'concurrency':
        return
      default:
        unreachable(event)
    }
  }

  #step(stepId: string, line: string): void {
    for (const piece of line.split('\r')) this.#sink.info(`[${stepId}] ${piece}`)
  }

  #plain(line: string): void {
    for (const piece of line.split('\r')) this.#sink.info(piece.startsWith('::') ? ` ${piece}` : piece)
  }
}

function endLine(result: StepResult): string {
  const took = result.duration === null ? '' : ` in ${formatDuration(result.duration)}`
  switch (result.status) {
    case 'completed':
      return `✅ completed${took}`
    case 'failed':
      return `❌ failed${took}: ${result.error ?? 'unknown error'}`
    case 'skipped':
      return `⏭️ skipped${result.reason ? `: ${result.reason}` : ''}`
    case 'cancelled':
      return `⏹️ cancelled${result.reason ? `: ${result.reason}` : ''}`
    default:
      return unreachable(result.status)
  }
}
