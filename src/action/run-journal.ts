/**
 * What the post step needs if the main process dies before it reports (the runner's SIGKILL after a
 * cancel, an OOM kill): the steps seen so far, written atomically (write, then rename) at most once a
 * second while the run goes on, and marked `reported` once main wrote the summary and outputs itself.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { EngineEvent, EngineListener } from '../engine/events.js'
import type { StepResult } from '../report/result.js'

const WRITE_INTERVAL_MS = 1000

/** The journal file's content. */
export interface JournalData {
  readonly name: string
  readonly workflowId: string
  readonly startTime: string | null
  readonly stepIds: readonly string[]
  /** Steps running when last written: id → ISO start time. */
  readonly running: Readonly<Record<string, string>>
  readonly finished: readonly StepResult[]
  readonly checkRunId?: number
  /** Main wrote the summary and outputs; the post step has nothing to report. */
  readonly reported: boolean
}

/** Keeps the journal file up to date from the engine's events. */
export class RunJournal implements EngineListener {
  readonly #file: string
  #name: string
  #workflowId: string
  #startTime: string | null = null
  #stepIds: readonly string[] = []
  readonly #running = new Map<string, string>()
  readonly #finished = new Map<string, StepResult>()
  #checkRunId: number | undefined
  #timer: NodeJS.Timeout | undefined
  #lastWrite = 0

  constructor(file: string, name: string, workflowId: string) {
    this.#file = file
    this.#name = name
    this.#workflowId = workflowId
    this.#write(false)
  }

  onEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'workflow_start':
        this.#name = event.name
        this.#workflowId = event.workflowId
        this.#startTime = new Date(event.time).toISOString()
        this.#stepIds = event.stepIds
        break
      case 'step_start':
        this.#running.set(event.stepId, new Date(event.time).toISOString())
        break
      case 'step_end':
        this.#running.delete(event.stepId)
        this.#finished.set(event.stepId, event.result)
        break
      default:
        return
    }
    this.#schedule()
  }

  set checkRunId(id: number | undefined) {
    this.#checkRunId = id
    this.#schedule()
  }

  /** Main has reported: the post step only sweeps processes. */
  markReported(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = undefined
    this.#write(true)
  }

  /** Writes at once when the last write is older than the interval, else once the interval is over. */
  #schedule(): void {
    if (this.#timer) return
    const wait = this.#lastWrite + WRITE_INTERVAL_MS - Date.now()
    if (wait <= 0) {
      this.#write(false)
      return
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#write(false)
    }, wait)
    this.#timer.unref()
  }

  #write(reported: boolean): void {
    this.#lastWrite = Date.now()
    const data: JournalData = {
      name: this.#name,
      workflowId: this.#workflowId,
      startTime: this.#startTime,
      stepIds: this.#stepIds,
      running: Object.fromEntries(this.#running),
      finished: [...this.#finished.values()],
      ...(this.#checkRunId !== undefined ? { checkRunId: this.#checkRunId } : {}),
      reported,
    }
    const temporary = `${this.#file}.${process.pid}.tmp`
    try {
      writeFileSync(temporary, JSON.stringify(data))
      renameSync(temporary, this.#file)
    } catch {
      // The journal is a fallback for the post step; failing to write it must not disturb the run.
    }
  }
}

/** The journal, or undefined when it is missing or unreadable. */
export function readJournal(file: string): JournalData | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JournalData
  } catch {
    return undefined
  }
}
