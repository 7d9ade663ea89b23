/**
 * Debug mode (`debug.enabled` or `ACTIONS_STEP_DEBUG=true`): renders the engine's scheduling decisions,
 * which it emits with their reasons, as `[debug] ` lines. Concurrency changes of autoScaling and circuit
 * breaker transitions are decisions too, so they are shown the same way.
 */
import type { DebugSettings } from '../definition/model.js'
import type { EngineEvent, EngineListener } from '../engine/events.js'

/** Whether debug lines are wanted: the definition's `debug.enabled` or the runner's step-debug switch. */
export function debugEnabled(settings: DebugSettings, env: Readonly<Record<string, string | undefined>>): boolean {
  return settings.enabled || env['ACTIONS_STEP_DEBUG'] === 'true'
}

export class DebugLog implements EngineListener {
  readonly #write: (line: string) => void

  /** `write` receives whole lines without their newline (the CLI appends one and writes to stderr). */
  constructor(write: (line: string) => void) {
    this.#write = write
  }

  onEvent(event: EngineEvent): void {
    const message = debugMessage(event)
    if (message !== null) this.#write(`[debug] ${message}`)
  }
}

/** The debug text of an event, or null for events that are not decisions. */
export function debugMessage(event: EngineEvent): string | null {
  switch (event.type) {
    case 'debug':
      return event.message
    case 'concurrency': {
      const cpu = Number.isFinite(event.cpu) ? ` (CPU ${Math.round(event.cpu)}%)` : ''
      return `concurrency ${event.from} -> ${event.to}${cpu}`
    }
    case 'breaker':
      return `circuit breaker ${event.state} (${event.trips} ${event.trips === 1 ? 'trip' : 'trips'})`
    default:
      return null
  }
}
