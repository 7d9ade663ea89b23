/**
 * How each `shell` runs a step's command: the same flags GitHub Actions uses for `run:` steps, with the
 * command passed as an argument instead of a script file (no file to write per step).
 */
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import type { Shell } from '../../definition/model.js'
import { unreachable } from '../../util/unreachable.js'

export interface ShellInvocation {
  readonly file: string
  readonly args: readonly string[]
}

/**
 * GitHub's pwsh wrapper: stop on the first error, and let a native command's exit code be the step's
 * (pwsh alone exits 0 after a failing native command that is not the last statement).
 */
const PWSH_PRELUDE = "$ErrorActionPreference = 'Stop'\n"
const PWSH_EPILOGUE = '\nif ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }'

/** The executable and arguments that run `command` under `shell`; `pathEnv` is the step's PATH. */
export function shellInvocation(shell: Shell, command: string, pathEnv: string | undefined): ShellInvocation {
  switch (shell) {
    case 'bash':
      return { file: 'bash', args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command] }
    case 'sh':
      return { file: 'sh', args: ['-e', '-c', command] }
    case 'pwsh':
      return { file: 'pwsh', args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', PWSH_PRELUDE + command + PWSH_EPILOGUE] }
    case 'python':
      return { file: pythonExecutable(pathEnv), args: ['-c', command] }
    default:
      return unreachable(shell)
  }
}

const pythonByPath = new Map<string, string>()

/**
 * `python3` where it exists, else `python` (some images only have one of them). Looked up once per
 * PATH value, and only for python steps, so bash steps pay nothing for it.
 */
function pythonExecutable(pathEnv: string | undefined): string {
  const key = pathEnv ?? ''
  const known = pythonByPath.get(key)
  if (known !== undefined) return known
  const found = key.split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, 'python3')))
  const chosen = found || !key.split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, 'python'))) ? 'python3' : 'python'
  pythonByPath.set(key, chosen)
  return chosen
}

/** Whether this process may execute `path` (it exists and has the permission). */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
