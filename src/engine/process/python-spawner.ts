/**
 * The Python helper (python-spawner-script.ts), the cheapest way here to start a process; where it cannot
 * run, the Perl one takes over.
 */
import { existsSync } from 'node:fs'
import { HelperSpawner } from './helper-spawner.js'
import { perlSpawner } from './perl-spawner.js'
import { PYTHON_SPAWNER_SCRIPT } from './python-spawner-script.js'

/**
 * The system's Python where there is one: a `python3` found first on PATH may be a version manager's
 * shim (pyenv's is a bash script that takes ~200 ms to start) or a project's virtualenv.
 */
const SYSTEM_PYTHON = '/usr/bin/python3'

export const PYTHON_PROGRAM = {
  name: 'python',
  label: 'Python',
  get command(): string {
    return existsSync(SYSTEM_PYTHON) ? SYSTEM_PYTHON : 'python3'
  },
  // -I: no PYTHON* variable, user site or script directory reaches it; -S: no site module (faster start).
  args: ['-I', '-S', '-c', PYTHON_SPAWNER_SCRIPT],
} as const

/** One per orchestrator process: every step shares the helper. */
export const pythonSpawner = new HelperSpawner(PYTHON_PROGRAM, perlSpawner)
