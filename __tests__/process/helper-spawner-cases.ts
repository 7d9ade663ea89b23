/**
 * What every helper spawner (helper-spawner.ts) must do, whichever interpreter runs it: each helper's
 * test file runs these cases against its own spawner, in a module registry of its own.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HelperSpawner } from '../../src/engine/process/helper-spawner.js'
import type { HelperProgram } from '../../src/engine/process/helper-spawner.js'
import { nodeSpawner } from '../../src/engine/process/node-spawner.js'
import { encodeBase, encodeStart } from '../../src/engine/process/spawner-protocol.js'
import type { SpawnListener, SpawnRequest, Spawner } from '../../src/engine/process/spawner.js'
import { baseEnv, eventually, killMatching, pidsMatching, run, uniqueSleep, useSpawner } from './process-helpers.js'

export interface HelperUnderTest {
  readonly spawner: Spawner
  readonly program: HelperProgram
  /** Its process's command name (/proc/PID/comm). */
  readonly comm: string
  /** Whether a process whose parent is `ppid` was started by the spawner this one hands over to. */
  readonly startedByNext: (ppid: number) => boolean
}

/** The command name of a live process, or null once it is gone. */
export function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
  } catch {
    return null
  }
}

/** The pids whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((child) => {
      try {
        const stat = readFileSync(`/proc/${child}/stat`, 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid
      } catch {
        return false
      }
    })
}

/** Runs one request straight through a spawner and collects what it reports. */
export function spawnDirect(spawner: Spawner, request: SpawnRequest): Promise<{ started: boolean; failure?: string; stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    let started = false
    let open = 2
    let code: number | null | undefined
    const maybeDone = (): void => {
      if (open === 0 && code !== undefined) resolve({ started, stdout, stderr, code })
    }
    const listener: SpawnListener = {
      started: () => (started = true),
      failed: (failure) => resolve({ started, failure: `${failure.stage}:${failure.code}`, stdout, stderr, code: null }),
      output: (stream, chunk) => {
        if (stream === 'stdout') stdout += chunk.toString()
        else stderr += chunk.toString()
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
    spawner.spawn(request, listener)
  })
}

export function helperSpawnerCases({ spawner, program, comm, startedByNext }: HelperUnderTest): void {
  useSpawner(spawner)
  const spawnHere = (request: SpawnRequest): ReturnType<typeof spawnDirect> => spawnDirect(spawner, request)

  describe(`the ${program.label} spawner`, () => {
    it('starts steps as its own children, each leading its own process group', async () => {
      const r = run('echo "$PPID $$ $(ps -o pgid= -p $$)"')
      expect((await r.exit).exitCode).toBe(0)
      const [parent, self, group] = (r.stdout[0] ?? '').trim().split(/\s+/).map(Number)
      expect(parent).not.toBe(process.pid)
      expect(commandOf(parent as number)).toBe(comm)
      expect(group).toBe(self)
    })

    it('layers a request environment over its base, and removes what a layer sets undefined', async () => {
      const base = { PATH: baseEnv['PATH'] as string, KEPT: 'base', REPLACED: 'base', REMOVED: 'base' }
      const middle = Object.assign(Object.create(base) as Record<string, string | undefined>, { REPLACED: 'middle', REMOVED: undefined })
      const top = Object.assign(Object.create(middle) as Record<string, string | undefined>, { ADDED: 'top=with=equals' })
      const result = await spawnHere({ file: 'bash', args: ['-c', 'env | sort'], cwd: tmpdir(), env: top })
      expect(result.code).toBe(0)
      const lines = result.stdout.trim().split('\n')
      expect(lines).toEqual(expect.arrayContaining(['KEPT=base', 'REPLACED=middle', 'ADDED=top=with=equals']))
      expect(lines.some((line) => line.startsWith('REMOVED='))).toBe(false)
      // A second base in the same helper does not leak into the first one's children, nor the reverse.
      const other = await spawnHere({ file: 'bash', args: ['-c', 'echo "${KEPT-unset} $OTHER"'], cwd: tmpdir(), env: { PATH: base.PATH, OTHER: 'x' } })
      expect(other.stdout).toBe('unset x\n')
      const again = await spawnHere({ file: 'bash', args: ['-c', 'echo "$KEPT ${OTHER-unset}"'], cwd: tmpdir(), env: base })
      expect(again.stdout).toBe('base unset\n')
    })

    it('reports a missing program and a missing working directory as failures, with no output or end', async () => {
      const env = { PATH: baseEnv['PATH'] as string }
      expect(await spawnHere({ file: 'no-such-program-here', args: [], cwd: tmpdir(), env })).toMatchObject({ failure: 'exec:ENOENT', stdout: '', code: null })
      expect(await spawnHere({ file: 'bash', args: ['-c', 'true'], cwd: '/no/such/dir', env })).toMatchObject({ failure: 'cwd:ENOENT', stdout: '', code: null })
    })

    it('hands arguments over byte for byte, newlines, quotes and non-ASCII included', async () => {
      const awkward = ['a b', '"quoted"', "it's", 'line\nbreak', 'ünï©ødé', '', '$(echo no)']
      const result = await spawnHere({ file: 'printf', args: ['[%s]', ...awkward], cwd: tmpdir(), env: { PATH: baseEnv['PATH'] as string } })
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
      expect(commandOf(helper)).toBe(comm)
      expect(await eventually(() => commandOf(helper) === null, 10_000)).toBe(true)
    })

    it('started ahead by warmUp, serves the first step, and still exits by itself when idle', async () => {
      const ours = (): number[] => childrenOf(process.pid).filter((pid) => commandOf(pid) === comm)
      const before = new Set(ours())
      const fresh = new HelperSpawner(program, nodeSpawner)
      fresh.warmUp()
      fresh.warmUp() // a second call starts no second helper
      expect(await eventually(() => ours().some((pid) => !before.has(pid)), 5000)).toBe(true)
      const helpers = ours().filter((pid) => !before.has(pid))
      expect(helpers).toHaveLength(1)
      const result = await spawnDirect(fresh, { file: 'sh', args: ['-c', 'echo $PPID'], cwd: tmpdir(), env: { PATH: baseEnv['PATH'] as string } })
      expect(Number(result.stdout)).toBe(helpers[0])
      expect(await eventually(() => commandOf(helpers[0] as number) === null, 10_000)).toBe(true)
    })

    it('kills what it runs when its stdin closes (the orchestrator is gone)', async () => {
      const sleep = uniqueSleep()
      try {
        const helper = spawn(program.command, program.args, { stdio: ['pipe', 'ignore', 'ignore'] })
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

    it('gives its steps no ignored signal (an ignored SIGPIPE would turn `yes | head` into an error)', async () => {
      const r = run('grep SigIgn /proc/self/status')
      expect((await r.exit).exitCode).toBe(0)
      const ignored = BigInt(`0x${(r.stdout[0] ?? '').split('\t')[1] ?? 'bad'}`)
      // Signals 1–31. glibc's posix_spawn leaves its own two internal ones (32, 33) ignored in every child,
      // as in every command make starts; a program using them installs its own handlers.
      expect(ignored & 0x7fffffffn).toBe(0n)
    })

    it('looks a bare program name up on the PATH the step is given, skipping files it may not run', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'helper-path-'))
      try {
        for (const [sub, mode] of [['first', 0o644], ['second', 0o755]] as const) {
          mkdirSync(join(dir, sub))
          writeFileSync(join(dir, sub, 'only-here'), `#!/bin/sh\necho ${sub}\n`)
        chmodSync(join(dir, sub, 'only-here'), mode)
        }
        const path = `${join(dir, 'first')}:${join(dir, 'second')}:${baseEnv['PATH'] as string}`
        expect(await spawnHere({ file: 'only-here', args: [], cwd: tmpdir(), env: { PATH: path } })).toMatchObject({ stdout: 'second\n', code: 0 })
        chmodSync(join(dir, 'second', 'only-here'), 0o644)
        expect(await spawnHere({ file: 'only-here', args: [], cwd: tmpdir(), env: { PATH: path } })).toMatchObject({ failure: 'exec:EACCES' })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    it('runs a step in the directory now at its path, after the one before was removed and made again', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'helper-cwd-'))
      try {
        writeFileSync(join(dir, 'marker'), 'old')
        expect(await spawnHere({ file: 'cat', args: ['marker'], cwd: dir, env: { PATH: baseEnv['PATH'] as string } })).toMatchObject({ stdout: 'old', code: 0 })
        rmSync(dir, { recursive: true })
        mkdirSync(dir)
        writeFileSync(join(dir, 'marker'), 'new')
        expect(await spawnHere({ file: 'cat', args: ['marker'], cwd: dir, env: { PATH: baseEnv['PATH'] as string } })).toMatchObject({ stdout: 'new', code: 0 })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    // Last: it leaves this file's spawner handing everything to the next one.
    it(`when the helper dies, kills what ran under it, and later steps start under the next spawner`, async () => {
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
        expect(startedByNext(Number(after.stdout[0]))).toBe(true)
      } finally {
        killMatching(sleep.marker)
      }
    })
  })
}
