/**
 * Processes started by Node itself (`child_process.spawn`): the spawner where no helper can run, and on
 * Windows. Each spawn forks the whole Node process on the event loop, which is why helper-spawner.ts exists.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import type { Readable } from 'node:stream'
import type { OutputStream, SpawnFailure, SpawnHandle, SpawnListener, SpawnRequest, Spawner } from './spawner.js'

const NOT_STARTED: SpawnHandle = { kill: () => {} }

export const nodeSpawner: Spawner = {
  name: 'node',
  spawn(request: SpawnRequest, listener: SpawnListener): SpawnHandle {
    let child: ChildProcess
    try {
      child = spawn(request.file, request.args, {
        cwd: request.cwd,
        env: request.env,
        ...(request.argv0 !== undefined ? { argv0: request.argv0 } : {}),
        // Its own process group (and session): one signal to -pid reaches every ordinary descendant.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    } catch (error: unknown) {
      queueMicrotask(() => listener.failed(failureOf(error)))
      return NOT_STARTED
    }
    const pid = child.pid
    if (pid === undefined) {
      // Node reports a failed start asynchronously, as 'error'; the pipes are destroyed with it.
      child.stdout?.destroy()
      child.stderr?.destroy()
      child.once('error', (error) => listener.failed(failureOf(error)))
      return NOT_STARTED
    }
    listener.started(pid)
    // After a successful start, 'error' only reports a failed kill(), which we never ask the child for.
    child.on('error', () => {})
    child.once('exit', (code, signal) => listener.ended(code, signal))
    if (child.stdout) follow(child.stdout, 'stdout', listener)
    if (child.stderr) follow(child.stderr, 'stderr', listener)
    return { kill: (signal) => void child.kill(signal) }
  },
}

function follow(stream: Readable, name: OutputStream, listener: SpawnListener): void {
  stream.on('data', (chunk: Buffer) => listener.output(name, chunk))
  stream.once('close', () => listener.streamEnded(name))
}

function failureOf(error: unknown): SpawnFailure {
  // Duck-typed: errors from Node's own realm are not `instanceof Error` in every host (jest's VM).
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as Partial<NodeJS.ErrnoException>
  // Node cannot tell a missing working directory from a missing program: both are ENOENT from exec.
  return { code, stage: undefined, message: message ?? String(error) }
}
