/**
 * How a step's process is started: one small interface, so the step layer (start-step-process.ts) does
 * not care whether Node forks it or a helper does (helper-spawner.ts), and tests can run each.
 */

export interface SpawnRequest {
  /** The program, looked up on the PATH of `env` when it has no slash. */
  readonly file: string
  /** argv[0]; `file` when not given. */
  readonly argv0?: string
  /** Its arguments, without argv[0]. */
  readonly args: readonly string[]
  readonly cwd: string
  /** The whole environment; inherited (prototype) keys count too, and an undefined value removes one. */
  readonly env: Readonly<Record<string, string | undefined>>
}

/** Why a process could not be started. */
export interface SpawnFailure {
  /** The errno name (`ENOENT`, `EACCES`, …) where one is known. */
  readonly code: string | undefined
  /**
   * `cwd`: the working directory was the problem; `exec`: the program; `lost`: the spawner died before it
   * reported the start, so the process may have run; undefined: not known.
   */
  readonly stage: 'cwd' | 'exec' | 'lost' | undefined
  readonly message: string
}

export type OutputStream = 'stdout' | 'stderr'

/**
 * What happens to a process, in this order: `started` (at most once), then either `failed` (the exec did
 * not happen: nothing else follows) or `output` and `streamEnded` (once per stream) interleaved with
 * `ended` (once). `failed` may come without `started`.
 */
export interface SpawnListener {
  started(pid: number): void
  failed(failure: SpawnFailure): void
  output(stream: OutputStream, chunk: Buffer): void
  /** Every holder of the stream closed it: the process and anything it left behind that inherited it. */
  streamEnded(stream: OutputStream): void
  /**
   * The process itself ended: its exit code, or the signal that ended it. `groupLeft`, where the spawner
   * knows it: whether its process group still had members then (what it left running).
   */
  ended(code: number | null, signal: NodeJS.Signals | null, groupLeft?: boolean): void
}

/** A started (or starting) process. */
export interface SpawnHandle {
  /** Signals the process itself; for Windows, which has no process groups to signal instead. */
  kill(signal: NodeJS.Signals): void
}

/**
 * Starts processes with stdin from /dev/null, stdout and stderr piped to us, each as the leader of its
 * own session and process group (so a signal to `-pid` reaches all its ordinary descendants).
 */
export interface Spawner {
  readonly name: string
  spawn(request: SpawnRequest, listener: SpawnListener): SpawnHandle
  /** Gets ready for a first spawn soon (a helper process starts while the caller loads its workflow). */
  warmUp?(): void
}
