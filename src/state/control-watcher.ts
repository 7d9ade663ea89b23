/**
 * Carries control requests from the store to a running workflow: the store's change notification (a
 * file watch locally) triggers a read at once, and a poll at the store's period catches anything the
 * notification missed. Each request is applied once, in the order it was sent.
 */
import type { ControlAction, ControlRequest, StateStore } from './store.js'
import { unreachable } from '../util/unreachable.js'

/** The part of a WorkflowRun the watcher steers. */
export interface ControllableRun {
  pause(): void
  resume(): void
  cancel(reason?: string): void
}

export interface ControlWatcher {
  /** Stops watching; resolves once a read in progress is over. */
  close(): Promise<void>
}

export interface WatchOptions {
  /** Told about each request as it is applied (for the log). */
  readonly onApplied?: (request: ControlRequest) => void
  /** Poll period override (ms); default: the store's. */
  readonly pollInterval?: number
}

export function watchControl(store: StateStore, workflowId: string, run: ControllableRun, options: WatchOptions = {}): ControlWatcher {
  const applied = new Set<string>()
  let closed = false
  let reading: Promise<void> | null = null
  let again = false

  const check = (): void => {
    if (closed) return
    if (reading) {
      again = true
      return
    }
    reading = (async () => {
      do {
        again = false
        const requests = await store.readControl(workflowId).catch(() => [] as ControlRequest[])
        for (const request of requests) {
          if (closed || applied.has(request.id)) continue
          applied.add(request.id)
          apply(run, request.action)
          options.onApplied?.(request)
        }
      } while (again && !closed)
    })().finally(() => {
      reading = null
    })
  }

  const stopWatch = store.watchControl?.(workflowId, check) ?? (() => {})
  // Not unref'd: a paused run has nothing else keeping the process alive while it waits for resume.
  const poll = setInterval(check, options.pollInterval ?? store.controlPollInterval)
  check()
  return {
    close: async () => {
      closed = true
      clearInterval(poll)
      stopWatch()
      await reading
    },
  }
}

function apply(run: ControllableRun, action: ControlAction): void {
  switch (action) {
    case 'pause':
      return run.pause()
    case 'resume':
      return run.resume()
    case 'cancel':
      return run.cancel('cancelled from monitor')
    default:
      return unreachable(action)
  }
}
