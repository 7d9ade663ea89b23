/**
 * Steps started by a helper process that forks or spawns them for us (perl-spawner-script.ts and
 * python-spawner-script.ts say why): one helper per orchestrator, started on the first spawn and ended
 * after a moment with nothing running. Where the helper cannot start, says it cannot work here, or dies,
 * steps go to the next spawner (Python's to Perl's, Perl's to Node), so a missing interpreter only costs
 * speed.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import { resolve } from 'node:path'
import { signalGroup, signalProcess } from './process-tree.js'
import { ReplyParser, encodeBase, encodeStart, errnoName, hasNul } from './spawner-protocol.js'
import type { ReplyHandler } from './spawner-protocol.js'
import type { OutputStream, SpawnHandle, SpawnListener, SpawnRequest, Spawner } from './spawner.js'

/** How to start a helper: its program and arguments (the script among them), and a name for messages. */
export interface HelperProgram {
  readonly name: string
  /** For messages: `the ${label} process spawner`. */
  readonly label: string
  readonly command: string
  readonly args: readonly string[]
}

/** With nothing running this long, the helper is told to exit (a new one starts in ~5 ms when needed). */
const IDLE_EXIT_MS = 2000
/**
 * Distinct base environments the helper keeps. A run has one (its snapshot, which every step's
 * environment is layered over); a few more cover concurrent runs in one process (tests, rollback).
 */
const BASE_SLOTS = 8
/** Of the helper's own stderr, kept to explain its death. */
const STDERR_TAIL = 2000

interface LiveProcess {
  readonly request: SpawnRequest
  readonly listener: SpawnListener
  /** What the caller holds: pointed at the next spawner's handle should the request move there. */
  readonly handle: { kill: SpawnHandle['kill'] }
  pid: number | undefined
  readonly open: Set<OutputStream>
  exited: boolean
}

const streamName = (stream: 1 | 2): OutputStream => (stream === 1 ? 'stdout' : 'stderr')

export class HelperSpawner implements Spawner, ReplyHandler {
  readonly name: string
  readonly #program: HelperProgram
  /** Where requests go when this helper cannot take them. */
  readonly #next: Spawner
  #helper: ChildProcess | null = null
  /** The helper could not be started, cannot work here, or died under us: #next starts everything now. */
  #unavailable = false
  /** The helper said hello: from now on a request it did not report may have started. */
  #ready = false
  #closing = false
  #stderrTail = ''
  readonly #live = new Map<number, LiveProcess>()
  #nextId = 1
  /** Base environments by slot; the helper holds the same ones. */
  readonly #bases: Array<object | undefined> = []
  #nextSlot = 0
  #idleTimer: NodeJS.Timeout | null = null

  constructor(program: HelperProgram, next: Spawner) {
    this.name = program.name
    this.#program = program
    this.#next = next
  }

  spawn(request: SpawnRequest, listener: SpawnListener): SpawnHandle {
    const helper = this.#unavailable || !argumentsCrossWire(request) ? null : this.#ensureHelper()
    const layered = helper === null ? null : this.#layer(helper, request.env)
    if (helper === null || helper.stdin === null || layered === null) return this.#next.spawn(request, listener)
    const { base, own } = layered
    const id = this.#nextId++
    const handle = { kill: (signal: NodeJS.Signals) => this.#kill(id, signal) }
    this.#live.set(id, { request, listener, handle, pid: undefined, open: new Set(['stdout', 'stderr']), exited: false })
    this.#busy(helper)
    // Absolute: the helper's own working directory is not ours (the Python one moves its own).
    const cwd = resolve(request.cwd)
    helper.stdin.write(encodeStart({ id, base, cwd, file: request.file, ...(request.argv0 !== undefined ? { argv0: request.argv0 } : {}), args: request.args, env: own }))
    return handle
  }

  warmUp(): void {
    if (this.#unavailable || this.#helper !== null) return
    const helper = this.#ensureHelper()
    // Idle until the first spawn: it neither holds the process open nor outlives a failed load for long.
    if (helper !== null && this.#live.size === 0) this.#idle(helper)
  }

  ready(): void {
    this.#ready = true
  }

  started(id: number, pid: number): void {
    const live = this.#live.get(id)
    if (live === undefined) return
    live.pid = pid
    live.listener.started(pid)
  }

  failed(id: number, stage: string, errno: number): void {
    const live = this.#live.get(id)
    if (live === undefined) return
    if (stage === 'unsupported') {
      // Nothing ran. Steps already running here finish here; every later one starts elsewhere.
      this.#unavailable = true
      this.#moveOn(id, live)
      return
    }
    this.#forget(id)
    const code = errnoName(errno)
    const where = stage === 'cwd' ? `working directory ${live.request.cwd}` : live.request.file
    live.listener.failed({
      code,
      stage: stage === 'cwd' || stage === 'exec' ? stage : undefined,
      message: `spawn ${where} ${code ?? `errno ${errno}`}`,
    })
  }

  output(id: number, stream: 1 | 2, chunk: Buffer): void {
    this.#live.get(id)?.listener.output(streamName(stream), chunk)
  }

  streamEnded(id: number, stream: 1 | 2): void {
    const live = this.#live.get(id)
    if (live === undefined) return
    const name = streamName(stream)
    live.open.delete(name)
    if (live.exited && live.open.size === 0) this.#forget(id)
    live.listener.streamEnded(name)
  }

  exited(id: number, code: number | null, signal: NodeJS.Signals | null, groupLeft: boolean): void {
    const live = this.#live.get(id)
    if (live === undefined) return
    live.exited = true
    if (live.open.size === 0) this.#forget(id)
    live.listener.ended(code, signal, groupLeft)
  }

  #kill(id: number, signal: NodeJS.Signals): void {
    const pid = this.#live.get(id)?.pid
    if (pid !== undefined) signalProcess(pid, signal)
  }

  #ensureHelper(): ChildProcess | null {
    if (this.#helper !== null) return this.#helper
    let helper: ChildProcess
    try {
      helper = spawn(this.#program.command, this.#program.args, { stdio: ['pipe', 'pipe', 'pipe'] })
    } catch {
      this.#unavailable = true
      return null
    }
    if (helper.pid === undefined || helper.stdin === null || helper.stdout === null) {
      // Not installed: 'error' follows asynchronously and is all that comes.
      helper.once('error', () => {})
      this.#unavailable = true
      return null
    }
    this.#helper = helper
    this.#closing = false
    this.#ready = false
    this.#bases.length = 0
    this.#nextSlot = 0
    const parser = new ReplyParser(this)
    helper.stdout.on('data', (chunk: Buffer) => {
      try {
        parser.push(chunk)
      } catch (error: unknown) {
        this.#stderrTail += `\n${error instanceof Error ? error.message : String(error)}`
        helper.kill('SIGKILL')
      }
    })
    helper.stderr?.on('data', (chunk: Buffer) => (this.#stderrTail = (this.#stderrTail + chunk.toString()).slice(-STDERR_TAIL)))
    helper.stdin.on('error', () => {}) // EPIPE once it is gone: 'exit' tells the rest
    helper.on('error', () => {})
    // 'close', not 'exit': every reply it wrote has been read by then.
    helper.once('close', () => this.#helperExited(helper))
    return helper
  }

  /**
   * The environment as a base the helper already has (sent now if new) plus this request's own keys;
   * null when some entry cannot cross the wire.
   */
  #layer(helper: ChildProcess, env: Readonly<Record<string, string | undefined>>): { base: number; own: Array<[string, string | undefined]> } | null {
    const layers: object[] = []
    let base: object = env
    for (let up = Object.getPrototypeOf(base) as object | null; up !== null && up !== Object.prototype; up = Object.getPrototypeOf(up) as object | null) {
      layers.push(base)
      base = up
    }
    let slot = this.#bases.indexOf(base)
    if (slot === -1) {
      const entries = entriesOf(base).filter((entry): entry is [string, string] => entry[1] !== undefined)
      if (!entriesCrossWire(entries)) return null
      slot = this.#nextSlot
      this.#nextSlot = (this.#nextSlot + 1) % BASE_SLOTS
      this.#bases[slot] = base
      helper.stdin?.write(encodeBase(slot, entries))
    }
    const own: Array<[string, string | undefined]> = []
    // Farthest layer first: the helper sets them in order, so a nearer layer's value wins.
    for (let i = layers.length - 1; i >= 0; i--) own.push(...entriesOf(layers[i] as object))
    return entriesCrossWire(own) ? { base: slot, own } : null
  }

  /** The request goes to the next spawner, and the caller's handle with it. */
  #moveOn(id: number, live: LiveProcess): void {
    this.#forget(id)
    const moved = this.#next.spawn(live.request, live.listener)
    live.handle.kill = (signal) => moved.kill(signal)
  }

  #forget(id: number): void {
    this.#live.delete(id)
    if (this.#live.size === 0 && this.#helper !== null) this.#idle(this.#helper)
  }

  #busy(helper: ChildProcess): void {
    if (this.#idleTimer !== null) {
      clearTimeout(this.#idleTimer)
      this.#idleTimer = null
    }
    // Our only handle on running steps is the helper's pipe: it must keep the event loop alive.
    helper.ref()
    ;(helper.stdout as Socket | null)?.ref()
  }

  #idle(helper: ChildProcess): void {
    helper.unref()
    ;(helper.stdout as Socket | null)?.unref()
    ;(helper.stderr as Socket | null)?.unref()
    ;(helper.stdin as Socket | null)?.unref()
    if (this.#idleTimer !== null) return
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null
      if (this.#live.size > 0 || this.#helper !== helper) return
      this.#closing = true
      helper.stdin?.end()
    }, IDLE_EXIT_MS)
    this.#idleTimer.unref()
  }

  /**
   * The helper is gone. Asked to go, with nothing running, that is all. Gone before its hello (the
   * interpreter is missing, too old, or broken), it started nothing: every request moves on to the next
   * spawner, quietly. Otherwise it is not to be trusted here, and later steps start elsewhere. What ran
   * under it has lost its pipes and is killed (the helper's own last act is to kill them too, when it
   * can). A request whose start was not yet reported may or may not have started (the helper reports a
   * start with its next reply), so it is not started again: it ends as a failed start, which the step's
   * retries cover like any other.
   */
  #helperExited(helper: ChildProcess): void {
    if (this.#helper === helper) this.#helper = null
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer)
    this.#idleTimer = null
    if (this.#closing && this.#live.size === 0) return
    this.#unavailable = true
    if (!this.#ready) {
      for (const [id, entry] of [...this.#live]) this.#moveOn(id, entry)
      return
    }
    process.emitWarning(`the ${this.#program.label} process spawner exited unexpectedly; steps are started by the ${this.#next.name} spawner from now on${this.#stderrTail ? `: ${this.#stderrTail.trim()}` : ''}`)
    const live = [...this.#live.values()]
    this.#live.clear()
    for (const entry of live) {
      if (entry.pid === undefined) {
        entry.listener.failed({ code: undefined, stage: 'lost', message: 'the process spawner exited before it reported the start' })
        continue
      }
      signalGroup(entry.pid, 'SIGKILL')
      for (const stream of entry.open) entry.listener.streamEnded(stream)
      if (!entry.exited) entry.listener.ended(null, 'SIGKILL')
    }
  }
}

/** A layer's own variables; undefined ones (removed by this layer) stay, as removals. */
function entriesOf(layer: object): Array<[string, string | undefined]> {
  const entries: Array<[string, string | undefined]> = []
  for (const [key, value] of Object.entries(layer)) entries.push([key, value === undefined ? undefined : String(value)])
  return entries
}

/** NUL cannot be sent (nor passed to execve at all): Node's own spawn then reports the error. */
function argumentsCrossWire(request: SpawnRequest): boolean {
  return !hasNul(request.file) && !hasNul(request.cwd) && !hasNul(request.argv0 ?? '') && !request.args.some(hasNul)
}

function entriesCrossWire(entries: ReadonlyArray<readonly [string, string | undefined]>): boolean {
  return entries.every(([key, value]) => !hasNul(key) && (value === undefined || !hasNul(value)))
}
