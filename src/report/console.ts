/**
 * The CLI's view of a run: every step line prefixed `[step_id] `, one line per step state change, and on
 * a terminal a live status line (running, done, failed, elapsed) kept at the bottom.
 */
import type { EngineEvent, EngineListener } from '../engine/events.js'
import { neutralizeWorkflowCommands } from '../engine/workflow-commands.js'
import { unreachable } from '../util/unreachable.js'
import { formatDuration } from './summary.js'

export interface ConsoleReporterOptions {
  /** Where step output and progress lines go (stderr when the result JSON owns stdout). */
  readonly log: NodeJS.WritableStream
  /** A terminal: keep a live status line. */
  readonly live: boolean
  readonly now?: () => number
}

const STATUS_INTERVAL_MS = 100
const FLUSH_BYTES = 64 * 1024

export class ConsoleReporter implements EngineListener {
  readonly #log: NodeJS.WritableStream
  readonly #live: boolean
  readonly #now: () => number
  readonly #running = new Set<string>()
  #total = 0
  #done = 0
  #failed = 0
  #start = 0
  #statusShown = false
  #lastStatus = 0
  #timer: NodeJS.Timeout | null = null
  #pending: string[] = []
  #pendingLength = 0
  #flushScheduled: NodeJS.Immediate | null = null

  constructor(options: ConsoleReporterOptions) {
    this.#log = options.log
    this.#live = options.live
    this.#now = options.now ?? Date.now
  }

  onEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'workflow_start':
        this.#total = event.stepIds.length
        this.#start = event.time
        this.#line(`▶ ${event.name} (${event.workflowId}): ${event.stepIds.length} steps`)
        if (this.#live) {
          this.#timer = setInterval(() => this.#status(true), 1000)
          this.#timer.unref()
        }
        break
      case 'step_start':
        this.#running.add(event.stepId)
        this.#line(event.attempt > 1 ? `[${event.stepId}] ↻ attempt ${event.attempt}` : `[${event.stepId}] ▶ started`)
        break
      case 'step_output':
        // The CLI may itself run inside Actions: a step's line must never act as a workflow command, and
        // the runner also ends a line at a lone `\r`, so every piece between them is made inert.
        this.#line(`[${event.stepId}] ${event.line.split('\r').map(neutralizeWorkflowCommands).join('\r')}`)
        break
      case 'step_retry':
        this.#line(`[${event.stepId}] ${event.error}; retrying in ${event.delay} ms (attempt ${event.attempt})`)
        break
      case 'step_end': {
        this.#running.delete(event.stepId)
        this.#done++
        const r = event.result
        if (r.status === 'failed') this.#failed++
        const took = r.duration !== null ? ` in ${formatDuration(r.duration)}` : ''
        const detail = r.status === 'failed' ? `: ${r.error ?? ''}` : r.reason ? `: ${r.reason}` : ''
        const mark = { completed: '✓', failed: '✗', skipped: '○', cancelled: '■' }[r.status]
        this.#line(`[${event.stepId}] ${mark} ${r.status}${r.cached ? ' (kept from an earlier run)' : ''}${took}${detail}`)
        break
      }
      case 'run_status':
        this.#line(`■ workflow ${event.status}`)
        break
      case 'rollback_start':
        this.#line(`[${event.stepId}] ↶ rolling back`)
        break
      case 'rollback_end':
        this.#line(`[${event.stepId}] ↶ rollback ${event.result.status}${event.result.error ? `: ${event.result.error}` : ''}`)
        break
      case 'breaker':
        this.#line(`⚡ circuit breaker ${event.state} (trips: ${event.trips})`)
        break
      case 'concurrency':
        this.#line(`⇅ concurrency ${event.from} → ${event.to}${Number.isFinite(event.cpu) ? ` (cpu ${event.cpu.toFixed(0)}%)` : ''}`)
        break
      case 'workflow_end': {
        if (this.#timer) clearInterval(this.#timer)
        this.#clearStatus()
        const r = event.result
        const m = r.metrics
        this.#write(
          `${r.success ? '✓' : '✗'} ${r.name}: ${r.status} in ${formatDuration(m.totalDuration)} — ` +
            `${m.completedSteps} completed, ${m.failedSteps} failed, ${m.skippedSteps} skipped, ${m.cancelledSteps} cancelled; ` +
            `parallel efficiency ${m.parallelEfficiency}${r.error ? `\n  ${r.error}` : ''}\n`,
        )
        this.#flush()
        break
      }
      case 'step_progress':
      case 'step_annotation':
      case 'secret':
      case 'debug':
        break
      default:
        unreachable(event)
    }
  }

  #line(text: string): void {
    this.#clearStatus()
    this.#write(`${text}\n`)
    this.#status(false)
  }

  /**
   * Lines are gathered and written once per event-loop turn (or per 64 KiB): a step printing 40 million
   * lines would otherwise cost 40 million write calls, more than everything else the run does.
   */
  #write(text: string): void {
    this.#pending.push(text)
    this.#pendingLength += text.length
    if (this.#pendingLength >= FLUSH_BYTES) this.#flush()
    else this.#flushScheduled ??= setImmediate(() => this.#flush())
  }

  #flush(): void {
    if (this.#flushScheduled) clearImmediate(this.#flushScheduled)
    this.#flushScheduled = null
    if (this.#pending.length === 0) return
    const text = this.#pending.join('')
    this.#pending = []
    this.#pendingLength = 0
    this.#log.write(text)
  }

  #status(force: boolean): void {
    if (!this.#live || this.#total === 0) return
    const now = this.#now()
    if (!force && now - this.#lastStatus < STATUS_INTERVAL_MS) return
    this.#lastStatus = now
    const running = [...this.#running]
    const names = running.slice(0, 4).join(', ') + (running.length > 4 ? ` +${running.length - 4}` : '')
    this.#write(
      `\r\x1b[K⏵ ${this.#done}/${this.#total} done, ${this.#failed} failed, ${running.length} running${names ? ` (${names})` : ''}, ${formatDuration(now - this.#start)} elapsed`,
    )
    this.#statusShown = true
  }

  #clearStatus(): void {
    if (!this.#statusShown) return
    this.#write('\r\x1b[K')
    this.#statusShown = false
  }
}
