/**
 * GNU make's fast path, for bash steps: a command that is one plain program call (`npm test`,
 * `make -j4 build`, `true`) is exec'd directly instead of through `bash -c`, because for such a command
 * bash would only parse it, look the program up on PATH and exec it in place of itself. That saves
 * bash's start, ~1 ms of CPU a step, which is most of what a short step costs.
 *
 * "Plain" is kept narrow, so the program sees exactly what it would have seen under bash: words of
 * letters, digits and `_./+,:@%=-` only (no quotes, `$`, globs, `~`, braces, redirections, separators or
 * newlines), a first word that is no keyword, builtin or assignment — `true` and `false` without
 * arguments excepted, whose programs behave as the builtins do — a program found on PATH that is a
 * binary or a `#!` script, and no environment that makes bash run code of its own first (`BASH_ENV`,
 * `SHELLOPTS`, `BASHOPTS`, exported functions). The environment gets what bash would have added before
 * its exec: `_`, `PWD`, `SHLVL`, and `OLDPWD` dropped unless it names a directory.
 * Everything else runs through bash, as does any direct start that fails.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { resolve } from 'node:path'
import { isExecutable } from './shell-command.js'

export interface DirectInvocation {
  /** The program, as an absolute path. */
  readonly file: string
  /** argv[0]: the command word, as bash passes it. */
  readonly argv0: string
  readonly args: readonly string[]
  /** The step's environment with bash's own additions layered over it. */
  readonly env: Readonly<Record<string, string | undefined>>
}

const PLAIN_COMMAND = /^[ \t]*[A-Za-z0-9_./+,:@-]+(?:[ \t]+[A-Za-z0-9_./+,:@%=-]+)*[ \t]*$/
const WORD_SEPARATOR = /[ \t]+/

/** `compgen -b` and `compgen -k` of bash 5.2: words bash itself answers, never a program on PATH. */
const SHELL_WORDS = new Set(
  (
    '. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo ' +
    'enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf ' +
    'pushd pwd read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit ' +
    'umask unalias unset wait if then else elif fi case esac for select while until do done in function time coproc'
  ).split(' '),
)
/** Builtins whose programs, called without arguments, do just what the builtin does. */
const SAME_AS_PROGRAM = new Set(['true', 'false'])

/** Variables under which bash runs code or changes behaviour before it gets to the command. */
const BASH_STARTUP_VARIABLES = ['BASH_ENV', 'SHELLOPTS', 'BASHOPTS'] as const
const EXPORTED_FUNCTION_PREFIX = 'BASH_FUNC_'

/** Above this bash warns that the shell level is too high: leave that to bash. */
const MAX_PLAIN_SHLVL = 998

/** How `command` would be exec'd by bash without bash, or null when bash must run it. */
export function directInvocation(command: string, cwd: string, env: Readonly<Record<string, string | undefined>>): DirectInvocation | null {
  if (process.platform === 'win32' || !PLAIN_COMMAND.test(command)) return null
  const words = command.trim().split(WORD_SEPARATOR)
  const name = words[0] as string
  if (SHELL_WORDS.has(name) && !(SAME_AS_PROGRAM.has(name) && words.length === 1)) return null
  const shellLevel = shellLevelAfterExec(env['SHLVL'])
  if (shellLevel === null || startsCodeOfItsOwn(env)) return null
  const found = findProgram(name, cwd, env['PATH'])
  if (found === null) return null
  const pwd = workingDirectoryVariable(env['PWD'], cwd)
  if (pwd === null) return null
  const layered = Object.create(env) as Record<string, string | undefined>
  layered['_'] = found.shown
  layered['SHLVL'] = shellLevel
  layered['PWD'] = pwd
  const oldPwd = env['OLDPWD']
  if (oldPwd !== undefined && !isDirectory(resolve(cwd, oldPwd))) layered['OLDPWD'] = undefined
  return { file: found.path, argv0: name, args: words.slice(1), env: layered }
}

function startsCodeOfItsOwn(env: Readonly<Record<string, string | undefined>>): boolean {
  if (BASH_STARTUP_VARIABLES.some((name) => env[name] !== undefined)) return true
  for (const key in env) if (key.startsWith(EXPORTED_FUNCTION_PREFIX) && env[key] !== undefined) return true
  return false
}

/**
 * bash adds one to an inherited SHLVL (0 when unset or not a number) and takes it off again when it
 * execs the last command of `-c`: the program sees the level it was given.
 */
function shellLevelAfterExec(inherited: string | undefined): string | null {
  if (inherited === undefined) return '0'
  const trimmed = inherited.trim()
  if (!/^[+-]?\d+$/.test(trimmed)) return '0'
  const level = Number(trimmed)
  if (level < 0) return '0'
  return level > MAX_PLAIN_SHLVL ? null : String(level)
}

/** bash keeps an inherited absolute PWD that names the working directory, else sets the physical path. */
function workingDirectoryVariable(inherited: string | undefined, cwd: string): string | null {
  // The usual case, a step in the directory the orchestrator runs in, needs no look at the disk: if cwd
  // is missing the exec fails and bash reports it.
  if (inherited === cwd && cwd.startsWith('/')) return inherited
  const here = statOf(cwd)
  if (here === null) return null // bash reports the missing directory: let it
  if (inherited?.startsWith('/')) {
    const named = statOf(inherited)
    if (named !== null && named.ino === here.ino && named.dev === here.dev) return inherited
  }
  try {
    return realpathSync.native(cwd)
  } catch {
    return null
  }
}

/**
 * The program bash would run: a word with a slash is a path from the working directory; else the
 * first executable file in a PATH directory (`shown` is how bash writes it into `_`).
 */
function findProgram(name: string, cwd: string, path: string | undefined): { path: string; shown: string } | null {
  if (name.includes('/')) {
    const file = resolve(cwd, name)
    return programAt(file) === 'runnable' ? { path: file, shown: name } : null
  }
  if (path === undefined) return null
  for (const dir of path.split(':')) {
    // An empty entry means the working directory, written differently in `_`: leave it to bash.
    if (dir === '') return null
    const shown = dir.endsWith('/') ? dir + name : `${dir}/${name}`
    const file = shown.startsWith('/') ? shown : resolve(cwd, shown)
    const found = programAt(file)
    if (found === 'none') continue
    return found === 'runnable' ? { path: file, shown } : null
  }
  return null
}

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46])
const SHEBANG = Buffer.from('#!')
/** Whether a file is a binary or a `#!` script, by path and the stats that tell a changed file. */
const runnableCache = new Map<string, boolean>()

/**
 * What stands at `file`: `none` (no executable file: bash looks further along PATH), `runnable` (a
 * binary or `#!` script) or `other` (an executable bash would run as a bash script itself, and execvp as
 * an `sh` script: bash must run it).
 */
function programAt(file: string): 'none' | 'runnable' | 'other' {
  const stats = statOf(file)
  if (stats === null || !stats.isFile() || !isExecutable(file)) return 'none'
  return hasProgramHeader(file, stats) ? 'runnable' : 'other'
}

/** Whether the file starts as a binary or a `#!` script; read once per version of the file. */
function hasProgramHeader(file: string, stats: Stats): boolean {
  const key = `${file}\0${stats.ino}\0${stats.mtimeMs}\0${stats.size}`
  const cached = runnableCache.get(key)
  if (cached !== undefined) return cached
  let runnable = false
  try {
    const fd = openSync(file, 'r')
    try {
      const head = Buffer.alloc(4)
      const read = readSync(fd, head, 0, 4, 0)
      runnable = (read === 4 && head.equals(ELF_MAGIC)) || (read >= 2 && head.subarray(0, 2).equals(SHEBANG))
    } finally {
      closeSync(fd)
    }
  } catch {
    runnable = false // unreadable: exec might still work, bash will tell
  }
  runnableCache.set(key, runnable)
  return runnable
}

/** null for anything that is not there to stat (missing, a file used as a directory, no permission). */
function statOf(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null
  } catch {
    return null
  }
}

function isDirectory(path: string): boolean {
  return statOf(path)?.isDirectory() ?? false
}
