import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { directInvocation } from '../../src/engine/process/direct-exec.js'
import { nodeSpawner } from '../../src/engine/process/node-spawner.js'
import { PROCESS_TOKEN_VARIABLE } from '../../src/engine/process/process-tree.js'
import type { Spawner } from '../../src/engine/process/spawner.js'
import { startStepProcess } from '../../src/engine/process/start-step-process.js'
import { SPAWNERS, baseEnv, run, useSpawner } from './process-helpers.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'direct-exec-'))
  mkdirSync(join(dir, 'bin'))
  mkdirSync(join(dir, 'real'))
  symlinkSync(join(dir, 'real'), join(dir, 'link'))
  // Executable, but neither a binary nor a #! script: bash runs it as a bash script itself.
  writeFileSync(join(dir, 'bin', 'bare-script'), 'echo "ran as a script by $0"\n')
  chmodSync(join(dir, 'bin', 'bare-script'), 0o755)
  writeFileSync(join(dir, 'bin', 'shebang-script'), '#!/bin/sh\necho "shebang $1"\n')
  chmodSync(join(dir, 'bin', 'shebang-script'), 0o755)
  writeFileSync(join(dir, 'bash-env'), 'echo "bash ran BASH_ENV"\n')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const env = (extra: Record<string, string | undefined> = {}): Record<string, string> => {
  const merged: Record<string, string> = { ...baseEnv, PATH: `${join(dir, 'bin')}:${baseEnv['PATH'] ?? ''}` }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete merged[key]
    else merged[key] = value
  }
  return merged
}

describe('which commands are exec’d without bash', () => {
  it.each(['true', 'false', 'env', '  ls -la /tmp  ', 'node --version', 'make -j4 build CFLAGS=-O2', 'printenv PATH', 'shebang-script x', '/usr/bin/env'])(
    'directly: %s',
    (command) => expect(directInvocation(command, dir, env())).not.toBeNull(),
  )

  it.each([
    ['a builtin', 'echo hi'],
    ['a builtin with a program namesake', 'true --help'],
    ['a keyword', 'time ls'],
    ['an assignment', 'A=1 env'],
    ['a variable', 'echo $HOME'],
    ['quotes', "ls 'a b'"],
    ['a glob', 'ls *'],
    ['a tilde', 'ls ~'],
    ['braces', 'ls {a,b}'],
    ['a pipeline', 'ls | wc -l'],
    ['a separator', 'ls; ls'],
    ['a redirection', 'ls >out'],
    ['two lines', 'ls\nls'],
    ['a comment', 'ls #x'],
    ['a backslash', 'ls a\\ b'],
    ['an unknown program', 'no-such-program-anywhere'],
    ['an executable without #! or ELF header', 'bare-script'],
  ])('through bash: %s', (_what, command) => expect(directInvocation(command, dir, env())).toBeNull())

  it.each([
    ['BASH_ENV', { BASH_ENV: '/dev/null' }],
    ['SHELLOPTS', { SHELLOPTS: 'xtrace' }],
    ['an exported function', { 'BASH_FUNC_ls%%': '() { echo no; }' }],
    ['a shell level bash would reset', { SHLVL: '999' }],
  ])('through bash when the environment has %s', (_what, extra) => expect(directInvocation('ls', dir, env(extra))).toBeNull())
})

describe.each(SPAWNERS)('a direct exec under the $name spawner looks as bash’s exec would', ({ spawner }) => {
  beforeAll(() => useSpawner(spawner))

  /** What `env` prints through bash itself, and straight from us. */
  async function bothEnvironments(cwd: string, extra: Record<string, string | undefined>): Promise<[string[], string[]]> {
    const given = env(extra)
    const viaBash = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', 'env'], { cwd, env: given, encoding: 'utf8' })
    expect(directInvocation('env', cwd, given)).not.toBeNull()
    const ours = run('env', { cwd, env: given })
    expect((await ours.exit).exitCode).toBe(0)
    const strip = (lines: string[]): string[] => lines.filter((l) => l !== '' && !l.startsWith(`${PROCESS_TOKEN_VARIABLE}=`)).sort()
    return [strip(ours.stdout), strip(viaBash.stdout.split('\n'))]
  }

  it.each([
    ['an inherited PWD that names the directory through a link', 'link', { PWD: 'LINK', OLDPWD: '/tmp', SHLVL: '3' }],
    ['a PWD that names another directory', 'real', { PWD: '/usr', OLDPWD: '/no/such/dir', SHLVL: 'x' }],
    ['no PWD, OLDPWD or SHLVL at all', 'real', { PWD: undefined, OLDPWD: undefined, SHLVL: undefined }],
  ])('environment with %s', async (_what, sub, extra) => {
    const cwd = join(dir, sub)
    const fixed = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v === 'LINK' ? cwd : v]))
    const [ours, bash] = await bothEnvironments(cwd, fixed)
    expect(ours).toEqual(bash)
  })

  it('passes the command word as argv[0], as bash does', async () => {
    const ours = run('cat /proc/self/cmdline', { env: env() })
    await ours.exit
    expect(ours.stdout).toEqual(['cat\0/proc/self/cmdline\0'])
  })

  it('keeps exit codes and output of true, false and a #! script', async () => {
    expect((await run('true', { env: env() }).exit).exitCode).toBe(0)
    expect((await run('false', { env: env() }).exit).exitCode).toBe(1)
    const script = run('shebang-script arg', { env: env() })
    expect((await script.exit).exitCode).toBe(0)
    expect(script.stdout).toEqual(['shebang arg'])
  })

  it('leaves bash to run what it must: a bare script, BASH_ENV, a missing program', async () => {
    const bare = run('bare-script', { env: env() })
    await bare.exit
    expect(bare.stdout).toEqual([expect.stringContaining('ran as a script')])
    const withBashEnv = run('true', { env: env({ BASH_ENV: join(dir, 'bash-env') }) })
    await withBashEnv.exit
    expect(withBashEnv.stdout).toEqual(['bash ran BASH_ENV'])
    const missing = run('no-such-program-anywhere', { env: env() })
    expect((await missing.exit).exitCode).toBe(127)
    expect(missing.stderr.join('\n')).toMatch(/command not found/)
  })
})

describe('a direct exec that fails to start', () => {
  it('runs the command through bash instead', async () => {
    // The program vanishes between our look and the exec: the spawner's first start fails.
    const program = join(dir, 'bin', 'vanishing')
    copyFileSync('/bin/echo', program)
    chmodSync(program, 0o755)
    let failedOnce = false
    const flaky: Spawner = {
      name: 'flaky',
      spawn(request, listener) {
        if (request.argv0 !== undefined && !failedOnce) {
          failedOnce = true
          rmSync(program)
          queueMicrotask(() => listener.failed({ code: 'ENOENT', stage: 'exec', message: 'gone' }))
          return { kill: () => {} }
        }
        return nodeSpawner.spawn(request, listener)
      },
    }
    const lines: string[] = []
    const step = startStepProcess({ command: 'vanishing hello', shell: 'bash', cwd: dir, env: env(), killGracePeriod: 300 }, { onLine: (_s, line) => lines.push(line) }, flaky)
    const exit = await step.exited
    expect(failedOnce).toBe(true)
    expect(exit.spawnError).toBeUndefined()
    expect(exit.exitCode).toBe(127)
    expect(lines.join('\n')).toMatch(/vanishing: command not found/)
  })
})
