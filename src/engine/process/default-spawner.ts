/**
 * Which spawner starts steps: the Perl helper wherever there is a POSIX system (it falls back to Node by
 * itself when Perl is missing), Node on Windows. `TASK_ORCHESTRATOR_SPAWNER=node|perl` picks one, for
 * comparing the two and as a way out should the helper misbehave somewhere.
 */
import { nodeSpawner } from './node-spawner.js'
import { perlSpawner } from './perl-spawner.js'
import type { Spawner } from './spawner.js'

const SPAWNER_VARIABLE = 'TASK_ORCHESTRATOR_SPAWNER'

let chosen: Spawner | undefined

/** The spawner of this process, chosen on first use. */
export function defaultSpawner(): Spawner {
  chosen ??= choose(process.env[SPAWNER_VARIABLE], process.platform)
  return chosen
}

function choose(wanted: string | undefined, platform: NodeJS.Platform): Spawner {
  if (wanted === 'node') return nodeSpawner
  if (wanted === 'perl') return perlSpawner
  return platform === 'win32' ? nodeSpawner : perlSpawner
}
