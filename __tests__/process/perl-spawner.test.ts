import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { perlSpawner } from '../../src/engine/process/perl-spawner.js'
import { encodeBase, encodeStart } from '../../src/engine/process/spawner-protocol.js'
import { SPAWNER_SCRIPT } from '../../src/engine/process/spawner-script.js'
import type { SpawnListener, SpawnRequest } from '../../src/engine/process/spawner.js'
import { baseEnv, eventually, killMatching, pidsMatching, run, uniqueSleep, useSpawner } from './process-helpers.js'

useSpawner(perlSpawner)

/** The command name of a live process, or null once it is gone. */
function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
  } catch {
    return null
  }
}

/** Runs one request straight through the spawner and collects what it reports. */
function spawnDirect(request: SpawnRequest): Promise<{ started: boolean; failure?: string; stdout: string; code: number | null }> {
  return new Promise((resolve) => {
    let stdout = ''
    let started = false
    let open = 2
    let code: number | null | undefined
    const maybeDone = (): void => {
      if (open === 0 && code !== undefined) resolve({ started, stdout, code })
    }
    const listener: SpawnListener = {
      started: () => (started = true),
      failed: (failure) => resolve({ started, failure: `${failure.stage}:${failure.code}`, stdout, code: null }),
      output: (stream, chunk) => {
        if (stream === 'stdout') stdout += chunk.toString()
      },
      streamEnded: () => {
        open -= 1
        maybeDone()
      },
      ended: (exitCode) => {
        code = exitCode
        maybeDone()
      },
    }
    perlSpawner.spawn(request, listener)
  })
}

describe('the Perl spawner', () => {
  it('starts steps as its own children, each leading its own process group', async () => {
    const r = run('echo "$PPID $$ $(ps -o pgid= -p $$)"')
    expect((await r.exit).exitCode).toBe(0)
    const [parent, self, group] = (r.stdout[0] ?? '').trim().split(/\s+/).map(Number)
    expect(parent).not.toBe(process.pid)
    expect(commandOf(parent as number)).toBe('perl')
    expect(group).toBe(self)
  })

  it('layers a request environment over its base, and removes what a layer sets undefined', async () => {
    const base = { PATH: baseEnv['PATH'] as string, KEPT: 'base', REPLACED: 'base', REMOVED: 'base' }
    const middle = Object.assign(Object.create(base) as Record<string, string | undefined>, { REPLACED: 'middle', REMOVED: undefined })
    const top = Object.assign(Object.create(middle) as Record<string, string | undefined>, { ADDED: 'top=with=equals' })
    const result = await spawnDirect({ file: 'bash', args: ['-c', 'env | sort'], cwd: tmpdir(), env: top })
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toEqual(expect.arrayContaining(['KEPT=base', 'REPLACED=middle', 'ADDED=top=with=equals']))
    expect(lines.some((line) => line.startsWith('REMOVED='))).toBe(false)
    // A second base in the same helper does not leak into the first one's children, nor the reverse.
    const other = await spawnDirect({ file: 'bash', args: ['-c', 'echo "${KEPT-unset} $OTHER"'], cwd: tmpdir(), env: { PATH: base.PATH, OTHER: 'x' } })
    expect(other.stdout).toBe('unset x\n')
    const again = await spawnDirect({ file: 'bash', args: ['-c', 'echo "$KEPT ${OTHER-unset}"'], cwd: tmpdir(), env: base })
    expect(again.stdout).toBe('base unset\n')
  })

  it('reports a missing program and a missing working directory as failures, with no output or end', async () => {
    const env = { PATH: baseEnv['PATH'] as string }
    expect(await spawnDirect({ file: 'no-such-program-here', args: [], cwd: tmpdir(), env })).toMatchObject({ failure: 'exec:ENOENT', stdout: '', code: null })
    expect(await spawnDirect({ file: 'bash', args: ['-c', 'true'], cwd: '/no/such/dir', env })).toMatchObject({ failure: 'cwd:ENOENT', stdout: '', code: null })
  })

  it('hands arguments over byte for byte, newlines, quotes and non-ASCII included', async () => {
    const awkward = ['a b', '"quoted"', "it's", 'line\nbreak', 'ünï©ødé', '', '$(echo no)']
    const result = await spawnDirect({ file: 'printf', args: ['[%s]', ...awkward], cwd: tmpdir(), env: { PATH: baseEnv['PATH'] as string } })
    expect(result.stdout).toBe(awkward.map((a) => `[${a}]`).join(''))
  })

  it('kills a step that is cancelled before the spawner reported its start', async () => {
    const sleep = uniqueSleep()
    try {
      const r = run(sleep.command)
      r.process.cancel()
      const exit = await r.exit
      expect(exit.cancelled).toBe(true)
      expect(await eventually(() => pidsMatching(sleep.marker).length === 0, 5000)).toBe(true)
    } finally {
      killMatching(sleep.marker)
    }
  })

  it('exits by itself once nothing has run for a while', async () => {
    const r = run('echo $PPID')
    await r.exit
    const helper = Number(r.stdout[0])
    expect(commandOf(helper)).toBe('perl')
    expect(await eventually(() => commandOf(helper) === null, 10_000)).toBe(true)
  })

  it('kills what it runs when its stdin closes (the orchestrator is gone)', async () => {
    const sleep = uniqueSleep()
    try {
      const helper = spawn('perl', ['-e', SPAWNER_SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'] })
      helper.stdin.write(encodeBase(0, [['PATH', baseEnv['PATH'] as string]]))
      helper.stdin.write(encodeStart({ id: 1, base: 0, cwd: tmpdir(), file: 'sleep', args: sleep.command.split(' ').slice(1), env: [] }))
      expect(await eventually(() => pidsMatching(sleep.marker).length > 0, 5000)).toBe(true)
      const exited = new Promise((resolve) => helper.once('exit', resolve))
      helper.stdin.end()
      await exited
      expect(await eventually(() => pidsMatching(sleep.marker).length === 0, 5000)).toBe(true)
    } finally {
      killMatching(sleep.marker)
    }
  })

  // Last: it leaves this file's spawner falling back to Node.
  it('when the helper dies, kills what ran under it, and later steps start under Node', async () => {
    const sleep = uniqueSleep()
    try {
      const r = run(`echo $PPID; ${sleep.command}`)
      expect(await eventually(() => r.stdout.length > 0 && pidsMatching(sleep.marker).length > 0, 5000)).toBe(true)
      process.kill(Number(r.stdout[0]), 'SIGKILL')
      const exit = await r.exit
      expect(exit.exitCode).toBeNull()
      expect(exit.signal).toBe('SIGKILL')
      expect(await eventually(() => pidsMatching(sleep.marker).length === 0, 5000)).toBe(true)
      const after = run('echo $PPID')
      expect((await after.exit).exitCode).toBe(0)
      expect(Number(after.stdout[0])).toBe(process.pid)
    } finally {
      killMatching(sleep.marker)
    }
  })
})
