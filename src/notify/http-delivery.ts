/**
 * Posting notifications without ever holding up a run: each POST runs beside the steps, is bounded per
 * try, retried with exponential backoff on network errors, timeouts, 5xx and 429 (once a URL has failed
 * a whole delivery, later ones get a single try until one succeeds), and `close()` waits only a bounded
 * time before abandoning what is still in flight. Posts to one URL go out in order, so a
 * receiver sees `start` before `step_start` before `completion`.
 */

export interface DeliveryRequest {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** What is being sent (`completion`), for warnings. */
  readonly what: string
}

export interface DeliveryOptions {
  /** Told when a delivery is abandoned; never thrown at the run. */
  readonly warn: (message: string) => void
  /** Tries per delivery, the first included (default 3). */
  readonly tries?: number
  /** Bound of one try in ms (default 10000). */
  readonly tryTimeoutMs?: number
  /** Delay before the second try in ms, doubled before each further one (default 500). */
  readonly backoffMs?: number
  /** How long `close()` waits for deliveries in flight, in ms (default 3000). */
  readonly closeTimeoutMs?: number
}

type TryOutcome = { readonly done: true } | { readonly done: false; readonly retry: boolean; readonly reason: string }

export class DeliveryQueue {
  readonly #warn: (message: string) => void
  readonly #tries: number
  readonly #tryTimeoutMs: number
  readonly #backoffMs: number
  readonly #closeTimeoutMs: number
  /** The tail of each URL's chain of deliveries. */
  readonly #chains = new Map<string, Promise<void>>()
  readonly #pending = new Set<Promise<void>>()
  /** URLs whose last delivery was abandoned: tried once until one succeeds, so a dead endpoint costs nothing. */
  readonly #failing = new Set<string>()
  readonly #shutdown = new AbortController()
  #closed = false

  constructor(options: DeliveryOptions) {
    this.#warn = options.warn
    this.#tries = Math.max(1, options.tries ?? 3)
    this.#tryTimeoutMs = options.tryTimeoutMs ?? 10_000
    this.#backoffMs = options.backoffMs ?? 500
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 3_000
  }

  /** Queues a POST after the earlier ones to the same URL; returns at once. */
  enqueue(request: DeliveryRequest): void {
    if (this.#closed) return
    const previous = this.#chains.get(request.url) ?? Promise.resolve()
    const delivery = previous.then(() => this.#deliver(request))
    this.#chains.set(request.url, delivery)
    this.#pending.add(delivery)
    void delivery.finally(() => {
      this.#pending.delete(delivery)
      if (this.#chains.get(request.url) === delivery) this.#chains.delete(request.url)
    })
  }

  /** Waits up to the close bound for queued deliveries, then abandons the rest with a warning. */
  async close(): Promise<void> {
    this.#closed = true
    if (this.#pending.size === 0) return
    let timer: NodeJS.Timeout | undefined
    const settled = Promise.allSettled([...this.#pending]).then(() => true)
    const expired = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.#closeTimeoutMs)
    })
    const finished = await Promise.race([settled, expired])
    clearTimeout(timer)
    if (finished) return
    const abandoned = this.#pending.size
    this.#shutdown.abort()
    this.#warn(`gave up on ${abandoned} notification ${abandoned === 1 ? 'delivery' : 'deliveries'} still in flight after ${this.#closeTimeoutMs} ms`)
  }

  async #deliver(request: DeliveryRequest): Promise<void> {
    let reason = ''
    const tries = this.#failing.has(request.url) ? 1 : this.#tries
    for (let attempt = 1; attempt <= tries; attempt++) {
      if (this.#shutdown.signal.aborted) return
      const outcome = await this.#try(request)
      if (outcome.done) {
        this.#failing.delete(request.url)
        return
      }
      reason = outcome.reason
      if (!outcome.retry || attempt === tries) break
      await this.#sleep(this.#backoffMs * 2 ** (attempt - 1))
    }
    if (this.#shutdown.signal.aborted) return
    const known = this.#failing.has(request.url)
    this.#failing.add(request.url)
    // One warning per outage, not one per event.
    if (!known) this.#warn(`${request.what} notification to ${describeUrl(request.url)} failed: ${reason}`)
  }

  async #try(request: DeliveryRequest): Promise<TryOutcome> {
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.any([this.#shutdown.signal, AbortSignal.timeout(this.#tryTimeoutMs)]),
      })
      // Free the connection; the receiver's answer carries nothing we use.
      await response.body?.cancel().catch(() => undefined)
      if (response.ok) return { done: true }
      const retry = response.status >= 500 || response.status === 429
      return { done: false, retry, reason: `HTTP ${response.status}` }
    } catch (error: unknown) {
      const timedOut = errorField(error, 'name') === 'TimeoutError'
      return { done: false, retry: true, reason: timedOut ? `no answer within ${this.#tryTimeoutMs} ms` : errorText(error) }
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.#shutdown.signal
      const timer = setTimeout(done, ms)
      function done(): void {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done)
    })
  }
}

/** The host alone: webhook URLs (Slack's above all) carry their credential in the path. */
function describeUrl(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'an invalid URL'
  }
}

/** Read by shape, not `instanceof`: fetch's errors may come from another realm (vm contexts, tests). */
function errorText(error: unknown): string {
  const message = errorField(error, 'message')
  if (message === undefined) return String(error)
  // fetch reports "fetch failed" and hides the useful part (ECONNREFUSED …) in its cause.
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? errorField(error.cause, 'message') : undefined
  return cause === undefined ? message : `${message}: ${cause}`
}

function errorField(error: unknown, field: 'name' | 'message'): string | undefined {
  if (typeof error !== 'object' || error === null || !(field in error)) return undefined
  const value: unknown = (error as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : undefined
}
