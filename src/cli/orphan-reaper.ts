/**
 * The CLI's answer to being killed outright (SIGKILL, the OOM killer): nothing of it runs any more to
 * kill its steps' process trees, and they live on as orphans. So each run marks its step processes with a
 * token in their environment, and a tiny detached `sh` watches the CLI's pid: once the CLI is gone
 * without having said goodbye, the watcher kills every process carrying the token (SIGTERM, then SIGKILL
 * two seconds later), including those that left their process group. A clean exit stops the watcher
 * first, so a normal run pays for one small process and nothing more. Linux only (it reads /proc).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'

/** Carried in every step's environment: how the watcher recognizes this run's processes. */
export const RUN_TOKEN_VARIABLE = 'TASK_ORCHESTRATOR_RUN_TOKEN'

const WATCHER_SCRIPT = `
parent=$1
needle="$2"
while kill -0 "$parent" 2>/dev/null; do sleep 0.5; done
sweep() {
  for environ in /proc/[0-9]*/environ; do
    pid=\${environ#/proc/}
    pid=\${pid%/environ}
    [ "$pid" = "$$" ] && continue
    grep -qzxF "$needle" "$environ" 2>/dev/null && kill -"$1" "$pid" 2>/dev/null
  done
}
sweep TERM
sleep 2
sweep KILL
`

export interface OrphanReaper {
  /** Environment entries to add to every step's base environment. */
  readonly stepEnv: Readonly<Record<string, string>>
  /** Stops the watcher (call once the run ended and its trees are gone). */
  stop(): void
}

/** Starts the watcher for this process; a no-op off Linux or when `sh` cannot be started. */
export function startOrphanReaper(): OrphanReaper {
  const token = randomBytes(12).toString('hex')
  const stepEnv = { [RUN_TOKEN_VARIABLE]: token }
  if (process.platform !== 'linux') return { stepEnv, stop: () => {} }
  const { [RUN_TOKEN_VARIABLE]: _inherited, ...env } = process.env
  const watcher = spawn('sh', ['-c', WATCHER_SCRIPT, 'task-orchestrator-reaper', String(process.pid), `${RUN_TOKEN_VARIABLE}=${token}`], {
    detached: true,
    stdio: 'ignore',
    env,
  })
  watcher.on('error', () => {})
  watcher.unref()
  const stop = (): void => {
    process.off('exit', stop)
    if (watcher.exitCode === null && watcher.signalCode === null) watcher.kill('SIGKILL')
  }
  // Also on an exit that skips the caller's own stop (process.exit from a command handler).
  process.on('exit', stop)
  return { stepEnv, stop }
}
