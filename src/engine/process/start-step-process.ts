/**
 * Runs one step attempt as a real process: streams its output line by line, enforces its timeout, and
 * makes sure that no process it started outlives it (SPEC §3).
 *
 * `@actions/exec` is not used: it neither starts the command in its own process group nor exposes a
 * kill handle, and both are needed to kill a whole tree on timeout or cancel. The process itself is
 * started by a {@link Spawner} (the Perl helper, or Node where there is none).
 */
import { stat } from 'node:fs/promises'
import type { Shell } from '../../definition/model.js'
import { LineSplitter } from './line-splitter.js'
import {
  PROCESS_TOKEN_VARIABLE,
  canScanProcesses,
  findTreeProcesses,
  groupHasMembers,
  newProcessToken,
  signalGroup,
  signalProcess,
} from './process-tree.js'
import { directInvocation } from './direct-exec.js'
import { shellInvocation } from './shell-command.js'
import { defaultSpawner } from './default-spawner.js'
import type { OutputStream, SpawnFailure, SpawnHandle, SpawnListener, SpawnRequest, Spawner } from './spawner.js'

export interface StepProcessSpec {
  readonly command: string
  readonly shell: Shell
  readonly cwd: string
  /** The whole environment of the process, own and inherited keys (nothing else is passed on). */
  readonly env: Readonly<Record<string, string>>
  /** ms; the attempt is killed (and reported `timedOut`) when it runs longer. */
  readonly timeout?: number
  /** ms between SIGTERM and SIGKILL when the attempt is killed. */
  readonly killGracePeriod: number
}

export interface StepProcessCallbacks {
  /**
   * One line without its line ending; lines of one stream arrive in order. `continues`: the line was
   * longer than MAX_LINE_LENGTH and this piece is followed by the next piece of it.
   */
  onLine(stream: 'stdout' | 'stderr', line: string, continues?: boolean): void
}

export interface StepProcessExit {
  /** The main process's exit code; null when a signal ended it or it never started. */
  readonly exitCode: number | null
  readonly signal: NodeJS.Signals | null
  readonly timedOut: boolean
  /** `cancel()` was called while the main process still ran. */
  readonly cancelled: boolean
  /** Why the process could not be started (missing shell or working directory, …). */
  readonly spawnError?: string
  /** From the start to the end of the main process. */
  readonly durationMs: number
}

export interface StepProcess {
  readonly pid: number | undefined
  /** Resolves (never rejects) once the main process has ended, every process it left has been killed, and its output is delivered. */
  readonly exited: Promise<StepProcessExit>
  /** Kills the whole tree: SIGTERM, then SIGKILL after the grace period. Idempotent. */
  cancel(): void
}

/**
 * After the main process ends, how long its pipes may stay open before we look for the stray process that
 * holds them, and, after killing, how long we still wait for the last output before giving up on it.
 */
const STREAM_DRAIN_MS = 250
/**
 * While killing, how often we look whether everything is gone (a /proc scan of a few ms), so a quick
 * death is not held for the whole grace period.
 */
const KILL_POLL_MS = 100

/**
 * `env` plus one variable, without copying it: spawn reads inherited keys too, and a per-step copy of a
 * 60-variable environment is most of what a 10,000-step run allocates per step.
 */
function withVariable(env: Readonly<Record<string, string | undefined>>, name: string, value: string): Record<string, string | undefined> {
  const layered = Object.create(env) as Record<string, string | undefined>
  layered[name] = value
  return layered
}

/** Starts `spec.command` at once; see {@link StepProcess}. */
export function startStepProcess(spec: StepProcessSpec, callbacks: StepProcessCallbacks, spawner: Spawner = defaultSpawner()): StepProcess {
  return new StepAttemptProcess(spec, callbacks, spawner)
}

type KillPhase = 'none' | 'terminating' | 'done'

class StepAttemptProcess implements StepProcess, SpawnListener {
  /** Known once the spawner says it started; a kill asked for before that happens on `started`. */
  pid: number | undefined
  readonly exited: Promise<StepProcessExit>
  readonly #spec: StepProcessSpec
  readonly #token = newProcessToken()
  readonly #startedAt = Date.now()
  readonly #file: string
  readonly #spawner: Spawner
  /** The `bash -c` start, when the first try was a direct exec (direct-exec.ts): tried if that fails. */
  #throughShell: SpawnRequest | null = null
  #handle: SpawnHandle
  #resolve: (exit: StepProcessExit) => void = () => {}
  #settled = false
  #mainExited = false
  #exitCode: number | null = null
  #signal: NodeJS.Signals | null = null
  #durationMs = 0
  #timedOut = false
  #cancelled = false
  #spawnError: string | undefined
  #openStreams = 2
  /** cancel() or the timeout came before the spawner said the process started. */
  #terminateWhenStarted = false
  /** Made on a stream's first output: most short steps print nothing. */
  readonly #splitters: Record<OutputStream, LineSplitter | null> = { stdout: null, stderr: null }
  readonly #callbacks: StepProcessCallbacks
  #killPhase: KillPhase = 'none'
  /** Escaped processes already sent SIGTERM. */
  readonly #terminated = new Set<number>()
  #sweepsInFlight = 0
  #timeoutTimer: NodeJS.Timeout | null = null
  #escalationTimer: NodeJS.Timeout | null = null
  #pollTimer: NodeJS.Timeout | null = null
  #drainTimer: NodeJS.Timeout | null = null

  constructor(spec: StepProcessSpec, callbacks: StepProcessCallbacks, spawner: Spawner) {
    this.#spec = spec
    this.exited = new Promise<StepProcessExit>((resolve) => {
      this.#resolve = resolve
    })
    this.#callbacks = callbacks
    const invocation = shellInvocation(spec.shell, spec.command, spec.env['PATH'])
    this.#file = invocation.file
    this.#spawner = spawner
    if (spec.timeout !== undefined) {
      this.#timeoutTimer = setTimeout(() => {
        this.#timeoutTimer = null
        if (this.#mainExited) return
        this.#timedOut = true
        this.#terminate()
      }, spec.timeout)
    }
    const throughShell: SpawnRequest = { file: invocation.file, args: invocation.args, cwd: spec.cwd, env: withVariable(spec.env, PROCESS_TOKEN_VARIABLE, this.#token) }
    const direct = spec.shell === 'bash' ? directInvocation(spec.command, spec.cwd, spec.env) : null
    if (direct === null) {
      this.#handle = spawner.spawn(throughShell, this)
      return
    }
    this.#throughShell = throughShell
    this.#handle = spawner.spawn({ file: direct.file, argv0: direct.argv0, args: direct.args, cwd: spec.cwd, env: withVariable(direct.env, PROCESS_TOKEN_VARIABLE, this.#token) }, this)
  }

  cancel(): void {
    if (this.#settled) return
    if (!this.#mainExited) this.#cancelled = true
    this.#terminate()
  }

  started(pid: number): void {
    this.pid = pid
    if (this.#terminateWhenStarted) this.#terminate()
  }

  failed(failure: SpawnFailure): void {
    const throughShell = this.#throughShell
    // Not once a kill has begun on the direct start's pid (the shell's process would escape it), nor when
    // the direct start may have run after all.
    if (throughShell !== null && this.#killPhase === 'none' && failure.stage !== 'lost') {
      // The program moved or changed since we looked: bash finds what is there now, or says why not.
      this.#throughShell = null
      this.pid = undefined
      this.#handle = this.#spawner.spawn(throughShell, this)
      return
    }
    void this.#failedToStart(failure)
  }

  output(stream: OutputStream, chunk: Buffer): void {
    this.#throughShell = null
    this.#splitterOf(stream).push(chunk)
  }

  #splitterOf(stream: OutputStream): LineSplitter {
    let splitter = this.#splitters[stream]
    if (splitter === null) {
      const callbacks = this.#callbacks
      splitter = new LineSplitter((line, continues) => callbacks.onLine(stream, line, continues))
      this.#splitters[stream] = splitter
    }
    return splitter
  }

  streamEnded(stream: OutputStream): void {
    this.#throughShell = null
    this.#splitters[stream]?.end()
    this.#openStreams -= 1
    this.#maybeSettle()
  }

  ended(code: number | null, signal: NodeJS.Signals | null, groupLeft?: boolean): void {
    this.#throughShell = null
    this.#mainEnded(code, signal, groupLeft)
  }

  async #failedToStart(failure: SpawnFailure): Promise<void> {
    this.#durationMs = Date.now() - this.#startedAt
    let message = failure.message
    if (failure.code === 'ENOENT') {
      // Node reports a missing cwd as a missing executable; say which one it really is.
      const cwdMissing =
        failure.stage === 'cwd' ||
        (failure.stage === undefined &&
          !(await stat(this.#spec.cwd).then(
            (s) => s.isDirectory(),
            () => false,
          )))
      message = cwdMissing ? `working directory ${this.#spec.cwd} does not exist` : `${this.#file} not found (is it installed and on PATH?)`
    }
    this.#spawnError = message
    this.#mainExited = true
    this.#openStreams = 0
    this.#settle()
  }

  #mainEnded(code: number | null, signal: NodeJS.Signals | null, groupLeft: boolean | undefined): void {
    this.#mainExited = true
    this.#exitCode = code
    this.#signal = signal
    this.#durationMs = Date.now() - this.#startedAt
    this.#clearTimer('timeout')
    if (this.#killPhase === 'none') {
      // Only a group with members left costs a /proc sweep; the common empty group costs one kill(0).
      if (this.pid !== undefined && (groupLeft ?? groupHasMembers(this.pid))) this.#terminate()
      else if (this.#openStreams > 0) this.#startDrain()
    } else if (this.#killPhase === 'done' && this.#openStreams > 0) {
      this.#startDrain()
    }
    this.#maybeSettle()
  }

  /** The pipes stay open after the main process is gone: a stray still holds them. */
  #startDrain(): void {
    this.#drainTimer = setTimeout(() => {
      this.#drainTimer = null
      if (this.#killPhase === 'none') this.#terminate()
      else this.#giveUpOnStreams()
    }, STREAM_DRAIN_MS)
  }

  #terminate(): void {
    if (this.#killPhase !== 'none') return
    if (this.pid === undefined) {
      // Not started yet (or it never will: then the attempt settles as a failed start anyway).
      this.#terminateWhenStarted = true
      return
    }
    this.#killPhase = 'terminating'
    this.#clearTimer('drain')
    const pid = this.pid
    if (process.platform === 'win32') this.#handle.kill('SIGTERM')
    signalGroup(pid, 'SIGTERM')
    // Leftovers after a normal exit are often already dead (zombies): then one scan settles it.
    void (this.#mainExited ? this.#checkAllGone() : this.#sweep('SIGTERM'))
    this.#escalationTimer = setTimeout(() => void this.#killHard(), this.#spec.killGracePeriod)
    this.#pollTimer = setInterval(() => void this.#checkAllGone(), KILL_POLL_MS)
  }

  /**
   * Signals the live processes of the tree that the group signal did not reach (escaped ones) and
   * says how many live processes the tree still has. SIGTERM goes once to each: a second one could cut
   * short a graceful shutdown.
   */
  async #sweep(signal: NodeJS.Signals): Promise<number> {
    this.#sweepsInFlight += 1
    try {
      const found = await findTreeProcesses(this.#token, this.pid)
      for (const { pid, inGroup } of found) {
        if (signal === 'SIGTERM' && (inGroup || this.#terminated.has(pid))) continue
        if (signal === 'SIGTERM') this.#terminated.add(pid)
        signalProcess(pid, signal)
      }
      return found.length
    } finally {
      this.#sweepsInFlight -= 1
    }
  }

  async #checkAllGone(): Promise<void> {
    if (!this.#mainExited || this.#sweepsInFlight > 0 || this.pid === undefined) return
    // A scan rather than kill(-pgid, 0): zombies keep a group "alive" until a slow init reaps them.
    const alive = canScanProcesses ? (await this.#sweep('SIGTERM')) > 0 : groupHasMembers(this.pid)
    if (alive || this.#killPhase !== 'terminating') return
    this.#clearTimer('escalation')
    this.#clearTimer('poll')
    this.#killDone()
  }

  async #killHard(): Promise<void> {
    this.#escalationTimer = null
    this.#clearTimer('poll')
    if (this.pid !== undefined) signalGroup(this.pid, 'SIGKILL')
    if (process.platform === 'win32') this.#handle.kill('SIGKILL')
    // A fresh sweep rather than the pids found earlier: it also finds strays started since, and never
    // hits an unrelated process that reused the pid of a stray that is long gone.
    await this.#sweep('SIGKILL')
    this.#killDone()
  }

  #killDone(): void {
    if (this.#killPhase === 'done') return
    this.#killPhase = 'done'
    if (this.#mainExited && this.#openStreams > 0) this.#startDrain()
    this.#maybeSettle()
  }

  /** Something beyond our reach still holds the pipes; the step must not hang on it. */
  #giveUpOnStreams(): void {
    this.#splitters.stdout?.end()
    this.#splitters.stderr?.end()
    this.#openStreams = 0
    this.#maybeSettle()
  }

  #maybeSettle(): void {
    if (this.#settled || !this.#mainExited || this.#killPhase === 'terminating' || this.#openStreams > 0) return
    this.#settle()
  }

  #settle(): void {
    if (this.#settled) return
    this.#settled = true
    this.#clearTimer('timeout')
    this.#clearTimer('escalation')
    this.#clearTimer('poll')
    this.#clearTimer('drain')
    this.#resolve({
      exitCode: this.#exitCode,
      signal: this.#signal,
      timedOut: this.#timedOut,
      cancelled: this.#cancelled,
      ...(this.#spawnError !== undefined ? { spawnError: this.#spawnError } : {}),
      durationMs: this.#durationMs,
    })
  }

  #clearTimer(which: 'timeout' | 'escalation' | 'poll' | 'drain'): void {
    switch (which) {
      case 'timeout':
        if (this.#timeoutTimer) clearTimeout(this.#timeoutTimer)
        this.#timeoutTimer = null
        return
      case 'escalation':
        if (this.#escalationTimer) clearTimeout(this.#escalationTimer)
        this.#escalationTimer = null
        return
      case 'poll':
        if (this.#pollTimer) clearInterval(this.#pollTimer)
        this.#pollTimer = null
        return
      case 'drain':
        if (this.#drainTimer) clearTimeout(this.#drainTimer)
        this.#drainTimer = null
        return
    }
  }
}
