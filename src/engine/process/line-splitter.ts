/**
 * Turns a byte stream into lines as the bytes arrive, so a step's output is never held whole: at most one
 * unfinished line (capped) waits for its newline.
 */
import { StringDecoder } from 'node:string_decoder'

/** Longest line handed on in one piece; a longer one is cut into pieces of this many UTF-16 units. */
export const MAX_LINE_LENGTH = 64 * 1024

const NEWLINE = '\n'
const CARRIAGE_RETURN = 13
const HIGH_SURROGATE_FIRST = 0xd800
const HIGH_SURROGATE_LAST = 0xdbff

/**
 * Splits chunks into lines without their `\n` or `\r\n`. UTF-8 sequences split across chunks are
 * decoded whole; a last line without a newline is delivered by `end()`.
 */
export class LineSplitter {
  readonly #onLine: (line: string, continues: boolean) => void
  readonly #maxLength: number
  readonly #decoder = new StringDecoder('utf8')
  #pending = ''
  #ended = false

  /** `continues`: the piece was cut from a longer line, whose next piece follows. */
  constructor(onLine: (line: string, continues: boolean) => void, maxLength: number = MAX_LINE_LENGTH) {
    this.#onLine = onLine
    this.#maxLength = maxLength
  }

  /** Feeds one chunk; calls back once per complete line in it. */
  push(chunk: Buffer | string): void {
    if (this.#ended) return
    const text = typeof chunk === 'string' ? chunk : this.#decoder.write(chunk)
    if (text.length === 0) return
    let start = 0
    let newline = text.indexOf(NEWLINE)
    while (newline !== -1) {
      const piece = text.slice(start, newline)
      const line = this.#pending.length > 0 ? this.#pending + piece : piece
      this.#pending = ''
      this.#emit(stripCarriageReturn(line))
      start = newline + 1
      newline = text.indexOf(NEWLINE, start)
    }
    if (start < text.length) {
      this.#pending += start === 0 ? text : text.slice(start)
      if (this.#pending.length > this.#maxLength) this.#cutPending()
    }
  }

  /** Delivers what is left (a last line without newline) and ignores anything pushed afterwards. */
  end(): void {
    if (this.#ended) return
    this.#ended = true
    const rest = this.#pending + this.#decoder.end()
    this.#pending = ''
    if (rest.length > 0) this.#emit(stripCarriageReturn(rest))
  }

  #emit(line: string): void {
    if (line.length <= this.#maxLength) {
      this.#onLine(line, false)
      return
    }
    let rest = line
    while (rest.length > this.#maxLength) {
      const cut = cutPoint(rest, this.#maxLength)
      this.#onLine(rest.slice(0, cut), rest.length > cut)
      rest = rest.slice(cut)
    }
    if (rest.length > 0) this.#onLine(rest, false)
  }

  /** An endless line (a progress bar redrawn with `\r`) must not grow without bound while it waits. */
  #cutPending(): void {
    while (this.#pending.length > this.#maxLength) {
      const cut = cutPoint(this.#pending, this.#maxLength)
      this.#onLine(this.#pending.slice(0, cut), true)
      this.#pending = this.#pending.slice(cut)
    }
  }
}

function stripCarriageReturn(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === CARRIAGE_RETURN ? line.slice(0, -1) : line
}

/** Never cut between the two halves of a surrogate pair, so every piece is valid text. */
function cutPoint(text: string, max: number): number {
  const last = text.charCodeAt(max - 1)
  return last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST && max > 1 ? max - 1 : max
}
