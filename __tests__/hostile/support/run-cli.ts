/**
 * Runs the bundled CLI as a child process without blocking the test's event loop (local HTTP servers in
 * the test must keep answering), collecting its output; a run that outlives its budget is killed and fails.
 */
import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'

export interface CliOutcome {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  readonly elapsedMs: number
}

export interface CliOptions {
  readonly cwd: string
  readonly env?: Readonly<Record<string, string>>
  /** Killed (and the promise rejected) after this long; default 120 s. */
  readonly timeoutMs?: number
}

/** A started CLI process and its outcome once it exits. */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams
  readonly outcome: Promise<CliOutcome>
  /** The output so far. */
  stdout(): string
  stderr(): string
}

export function startCli(cli: string, args: readonly string[], options: CliOptions): CliProcess {
  const started = Date.now()
  const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd, env: { ...process.env, CI: 'true', ...options.env } })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  const outcome = new Promise<CliOutcome>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`CLI ${args.join(' ')} still running after ${options.timeoutMs ?? 120_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`))
    }, options.timeoutMs ?? 120_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, elapsedMs: Date.now() - started })
    })
  })
  return { child, outcome, stdout: () => stdout, stderr: () => stderr }
}

export function runCli(cli: string, args: readonly string[], options: CliOptions): Promise<CliOutcome> {
  return startCli(cli, args, options).outcome
}

/** Resolves once `predicate` holds, polling; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((wake) => setTimeout(wake, 25))
  }
}
