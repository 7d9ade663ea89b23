/**
 * Keeps secret values out of everything the orchestrator writes: logs, results, stored state and
 * webhook payloads (SPEC §11). Values come from the environment's secrets and from `::add-mask::`.
 */

/** What a secret is replaced with, as on GitHub. */
export const MASK = '***'

/**
 * Values shorter than this are not masked. GitHub masks any non-empty value; a single character would
 * blank out every occurrence of that character in every log and result, which hides more than it protects.
 */
export const MIN_SECRET_LENGTH = 2

/**
 * Replaces registered secrets with `***`. Like the runner, each line of a multi-line secret is also a
 * secret (a log shows such a value one line at a time), and so are its JSON-string and URL encodings
 * (how it appears inside JSON or a URL). Longer values are replaced first, so a secret that contains
 * another is hidden whole.
 */
export class SecretMasker {
  readonly #values = new Set<string>()
  #pattern: RegExp | null = null

  /** Registers a secret; empty and single-character values (and lines) are ignored. */
  add(value: string): void {
    const before = this.#values.size
    for (const candidate of forms(value)) if (candidate.length >= MIN_SECRET_LENGTH) this.#values.add(candidate)
    if (this.#values.size !== before) this.#pattern = null
  }

  /** How many distinct values (secrets, their lines and encodings) are masked. */
  get size(): number {
    return this.#values.size
  }

  /** Length of the longest registered value (0 with none). */
  get longest(): number {
    let longest = 0
    for (const value of this.#values) longest = Math.max(longest, value.length)
    return longest
  }

  /**
   * Where text that continues past `cut` may be split so that no registered value straddles the split:
   * `cut` itself, or the start of the occurrence that spans it. A line cut into pieces is masked piece by
   * piece, so the caller keeps what follows in hand for the next piece.
   */
  safeCut(text: string, cut: number): number {
    if (this.#values.size === 0) return cut
    const pattern = new RegExp(this.#compiled().source, 'g')
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m.index >= cut) break
      if (m.index + m[0].length > cut) return m.index
      if (m[0].length === 0) pattern.lastIndex++
    }
    return cut
  }

  /** The text with every registered value replaced by `***`. */
  mask(text: string): string {
    if (this.#values.size === 0 || text.length < MIN_SECRET_LENGTH) return text
    return text.replace(this.#compiled(), MASK)
  }

  /**
   * A copy of plain JSON data (objects, arrays, strings, numbers, …) with every string masked (the value
   * itself while no secret is registered). Keys are kept as they are; values that are not plain data
   * (a Date, a Map) are returned as they are.
   */
  maskDeep<T>(value: T): T {
    // With nothing to mask, the value is returned as it is: callers treat results as immutable, and a
    // copy per event would cost a 10,000-step run a walk of every result it emits.
    if (this.#values.size === 0) return value
    return this.#walk(value) as T
  }

  #walk(value: unknown): unknown {
    if (typeof value === 'string') return this.mask(value)
    if (Array.isArray(value)) return value.map((item: unknown) => this.#walk(item))
    if (!isPlainObject(value)) return value
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      // defineProperty keeps a `__proto__` key an ordinary property of the copy.
      Object.defineProperty(copy, key, { value: this.#walk(item), enumerable: true, writable: true, configurable: true })
    }
    return copy
  }

  #compiled(): RegExp {
    if (this.#pattern === null) {
      const longestFirst = [...this.#values].sort((a, b) => b.length - a.length)
      this.#pattern = new RegExp(longestFirst.map(escapeRegExp).join('|'), 'g')
    }
    return this.#pattern
  }
}

/** The value, each of its trimmed lines, and the JSON-string and URL encodings of all of them. */
function forms(value: string): string[] {
  const plain = [value]
  if (/[\r\n]/.test(value)) for (const line of value.split(/\r?\n|\r/)) plain.push(line.trim())
  const all = [...plain]
  for (const text of plain) {
    all.push(JSON.stringify(text).slice(1, -1))
    const uri = uriEncoded(text)
    if (uri !== null) all.push(uri)
  }
  return all
}

/** Null for text with a lone surrogate, which has no URL encoding. */
function uriEncoded(text: string): string | null {
  try {
    return encodeURIComponent(text)
  } catch {
    return null
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
