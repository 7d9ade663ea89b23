/**
 * Which spawner starts steps: the Python helper on Linux and other POSIX systems (it hands over to the
 * Perl one, and that to Node, by itself where its interpreter is missing or cannot spawn), the Perl one
 * on macOS, Node on Windows. `TASK_ORCHESTRATOR_SPAWNER=node|perl|python` picks one, for comparing them and as a way out
 * should a helper misbehave somewhere.
 */
import { nodeSpawner } from './node-spawner.js'
import { perlSpawner } from './perl-spawner.js'
import { pythonSpawner } from './python-spawner.js'
import type { Spawner } from './spawner.js'

const SPAWNER_VARIABLE = 'TASK_ORCHESTRATOR_SPAWNER'

let chosen: Spawner | undefined

/** The spawner of this process, chosen on first use. */
export function defaultSpawner(): Spawner {
  chosen ??= spawnerFor(process.env[SPAWNER_VARIABLE], process.platform)
  return chosen
}

/**
 * Starts the default spawner's helper now, so the ~10–20 ms it takes to start overlap loading and
 * validating the workflow instead of delaying the first step.
 */
export function warmUpSpawner(): void {
  defaultSpawner().warmUp?.()
}

/** The spawner for a `TASK_ORCHESTRATOR_SPAWNER` value (or none) on a platform. */
export function spawnerFor(wanted: string | undefined, platform: NodeJS.Platform): Spawner {
  if (wanted === 'node') return nodeSpawner
  if (wanted === 'perl') return perlSpawner
  if (wanted === 'python') return pythonSpawner
  if (platform === 'win32') return nodeSpawner
  // macOS's /usr/bin/python3 is a stub that, without the developer tools, opens an installer dialog.
  return platform === 'darwin' ? perlSpawner : pythonSpawner
}
