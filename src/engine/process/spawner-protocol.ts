/**
 * The spawner helpers' wire format (described in perl-spawner-script.ts): requests as NUL-ended fields, replies
 * as ASCII lines with raw output after O and E lines. Pure: no processes here, so it is tested alone.
 */
import { constants } from 'node:os'

const NUL = '\0'

/** `B`: an environment that later requests name by `base` and layer their own variables over. */
export function encodeBase(base: number, entries: ReadonlyArray<readonly [string, string]>): string {
  let text = `B${NUL}${base}${NUL}${entries.length}${NUL}`
  for (const [key, value] of entries) text += `${key}=${value}${NUL}`
  return text
}

export interface StartRequest {
  readonly id: number
  readonly base: number
  readonly cwd: string
  readonly file: string
  /** argv[0]; `file` when not given. */
  readonly argv0?: string
  readonly args: readonly string[]
  /** Set over the base, in order; an undefined value removes the variable. */
  readonly env: ReadonlyArray<readonly [string, string | undefined]>
}

/** `R`: start `file` with argv `[argv0 ?? file, ...args]` in `cwd`, environment `base` plus `env`. */
export function encodeStart(request: StartRequest): string {
  let text = `R${NUL}${request.id}${NUL}${request.base}${NUL}${request.cwd}${NUL}${request.file}${NUL}${request.args.length + 1}${NUL}${request.argv0 ?? request.file}${NUL}`
  for (const arg of request.args) text += arg + NUL
  text += `${request.env.length}${NUL}`
  for (const [key, value] of request.env) text += value === undefined ? key + NUL : `${key}=${value}${NUL}`
  return text
}

/** Whether a string can cross the wire: execve itself cannot take a NUL inside an argument. */
export function hasNul(text: string): boolean {
  return text.includes(NUL)
}

export interface ReplyHandler {
  /** The helper is up: a request it does not report from now on may have started. */
  ready(): void
  started(id: number, pid: number): void
  failed(id: number, stage: string, errno: number): void
  output(id: number, stream: 1 | 2, chunk: Buffer): void
  streamEnded(id: number, stream: 1 | 2): void
  /** `groupLeft`: its process group still had members when it ended. */
  exited(id: number, code: number | null, signal: NodeJS.Signals | null, groupLeft: boolean): void
}

const NEWLINE = 10
/** A reply line is short; anything longer means the stream is not what we think it is. */
const MAX_HEADER = 256

/**
 * Reads the reply stream chunk by chunk. Output is handed on as it arrives, a piece of a frame at a time,
 * so a step printing a gigabyte never has more than one chunk of it in memory here.
 */
export class ReplyParser {
  readonly #handler: ReplyHandler
  #header: Buffer | null = null
  /** Output bytes still to come for the frame being read, and whose they are. */
  #remaining = 0
  #frameId = 0
  #frameStream: 1 | 2 = 1

  constructor(handler: ReplyHandler) {
    this.#handler = handler
  }

  /** Throws on a malformed reply (the spawner and we disagree: nothing after it can be trusted). */
  push(chunk: Buffer): void {
    let at = 0
    while (at < chunk.length) {
      if (this.#remaining > 0) {
        const take = Math.min(this.#remaining, chunk.length - at)
        this.#remaining -= take
        this.#handler.output(this.#frameId, this.#frameStream, chunk.subarray(at, at + take))
        at += take
        continue
      }
      const newline = chunk.indexOf(NEWLINE, at)
      if (newline === -1) {
        this.#header = this.#header ? Buffer.concat([this.#header, chunk.subarray(at)]) : Buffer.from(chunk.subarray(at))
        if (this.#header.length > MAX_HEADER) throw new Error('spawner reply line too long')
        return
      }
      const piece = chunk.subarray(at, newline)
      const line = (this.#header ? Buffer.concat([this.#header, piece]) : piece).toString('latin1')
      this.#header = null
      at = newline + 1
      this.#dispatch(line)
    }
  }

  #dispatch(line: string): void {
    const [kind, idText, first, second, third] = line.split(' ')
    const id = Number(idText)
    const a = Number(first)
    if (!Number.isInteger(id) || first === undefined) throw new Error(`malformed spawner reply: ${JSON.stringify(line)}`)
    switch (kind) {
      case 'H':
        this.#handler.ready()
        return
      case 'S':
        this.#handler.started(id, a)
        return
      case 'F':
        this.#handler.failed(id, first, Number(second))
        return
      case 'O':
      case 'E':
        this.#frameId = id
        this.#frameStream = kind === 'O' ? 1 : 2
        this.#remaining = a
        return
      case 'C':
        this.#handler.streamEnded(id, a === 2 ? 2 : 1)
        return
      case 'X': {
        const signal = Number(second)
        const name = signal === 0 ? undefined : signalNames.get(signal)
        const left = third === '1'
        if (signal === 0) this.#handler.exited(id, a, null, left)
        else if (name !== undefined) this.#handler.exited(id, null, name, left)
        // A signal Node has no name for (a real-time one): the shell's convention, 128 + its number.
        else this.#handler.exited(id, 128 + signal, null, left)
        return
      }
      default:
        throw new Error(`malformed spawner reply: ${JSON.stringify(line)}`)
    }
  }
}

const signalNames = new Map<number, NodeJS.Signals>(
  Object.entries(constants.signals).map(([name, number]) => [number, name as NodeJS.Signals]),
)


const errnoNames = new Map<number, string>(Object.entries(constants.errno).map(([name, number]) => [number, name]))

/** `2` → `ENOENT`. */
export function errnoName(errno: number): string | undefined {
  return errnoNames.get(errno)
}
