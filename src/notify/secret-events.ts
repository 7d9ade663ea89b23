/**
 * Masking for what notifiers send out. The engine masks step results before they reach listeners, but a
 * notifier also builds text of its own (payload templates, alert messages), so it hides every value the
 * caller knows to be secret plus every value a step masked with `::add-mask::` (the `secret` events).
 */
import type { EngineEvent } from '../engine/events.js'

const MASK = '***'

export class SecretValues {
  readonly #values = new Set<string>()
  readonly #mask: (text: string) => string

  /** `mask`: the caller's own masking (e.g. the run's SecretMasker), applied first. */
  constructor(mask: (text: string) => string = (text) => text) {
    this.#mask = mask
  }

  /** Learns the value of a `secret` event; other events are ignored. */
  observe(event: EngineEvent): void {
    if (event.type === 'secret' && event.value !== '') this.#values.add(event.value)
  }

  mask(text: string): string {
    let masked = this.#mask(text)
    for (const value of this.#values) masked = masked.split(value).join(MASK)
    return masked
  }
}
