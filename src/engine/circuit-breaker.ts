/**
 * SPEC §7: failed attempts in the run are counted; at the threshold the breaker opens and no attempt
 * starts for `timeout` ms; then one trial attempt may start (half-open): success closes it, failure
 * opens it again. Time is passed in, so the logic is testable without clocks.
 */
import type { CircuitBreakerSettings } from '../definition/model.js'

export type BreakerState = 'closed' | 'open' | 'half-open'

export class CircuitBreaker {
  readonly #settings: CircuitBreakerSettings
  #state: BreakerState = 'closed'
  #failures = 0
  #openedAt = 0
  #trialRunning = false
  #trips = 0

  constructor(settings: CircuitBreakerSettings) {
    this.#settings = settings
  }

  get state(): BreakerState {
    return this.#state
  }

  get trips(): number {
    return this.#trips
  }

  /** ms until an open breaker lets a trial through (0 when not open). */
  remaining(now: number): number {
    return this.#state === 'open' ? Math.max(0, this.#openedAt + this.#settings.timeout - now) : 0
  }

  /** Whether a new attempt may start now; in half-open state only one trial at a time. */
  mayStart(now: number): boolean {
    if (!this.#settings.enabled) return true
    if (this.#state === 'open' && now >= this.#openedAt + this.#settings.timeout) this.#state = 'half-open'
    if (this.#state === 'closed') return true
    return this.#state === 'half-open' && !this.#trialRunning
  }

  /** Call when an attempt starts (after mayStart said yes). */
  started(): void {
    if (this.#state === 'half-open') this.#trialRunning = true
  }

  /** Returns true when this outcome changed the state (so the caller can log and emit it). */
  record(success: boolean, now: number): boolean {
    if (!this.#settings.enabled) return false
    const before = this.#state
    if (this.#state === 'half-open' && this.#trialRunning) {
      this.#trialRunning = false
      if (success) {
        this.#state = 'closed'
        this.#failures = 0
      } else {
        this.#open(now)
      }
    } else if (!success) {
      this.#failures++
      if (this.#state === 'closed' && this.#failures >= this.#settings.failureThreshold) this.#open(now)
    }
    return before !== this.#state
  }

  #open(now: number): void {
    this.#state = 'open'
    this.#openedAt = now
    this.#trips++
  }
}
