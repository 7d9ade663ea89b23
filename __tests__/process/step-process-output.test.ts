import { beforeAll, describe, expect, it } from '@jest/globals'
import { startStepProcess } from '../../src/engine/process/start-step-process.js'
import { PROCESS_TOKEN_VARIABLE } from '../../src/engine/process/process-tree.js'
import { SPAWNERS, baseEnv, run, useSpawner } from './process-helpers.js'

describe.each(SPAWNERS)('with the $name spawner', ({ spawner }) => {
  beforeAll(() => useSpawner(spawner))

  describe('a step process streams its output line by line', () => {
    it('delivers each stream in order, without line endings', async () => {
      const r = run('for i in $(seq 1 500); do echo "out $i"; echo "err $i" >&2; done')
      const exit = await r.exit
      expect(exit.exitCode).toBe(0)
      expect(r.stdout).toEqual(Array.from({ length: 500 }, (_, i) => `out ${i + 1}`))
      expect(r.stderr).toEqual(Array.from({ length: 500 }, (_, i) => `err ${i + 1}`))
    })

    it('strips \\r\\n and delivers a last line that has no newline', async () => {
      const r = run("printf 'first\\r\\n\\nthird'")
      await r.exit
      expect(r.stdout).toEqual(['first', '', 'third'])
    })

    it('keeps multi-byte characters whole', async () => {
      const r = run("printf 'h\\xc3\\xa9llo \\xe2\\x82\\xac \\xf0\\x9f\\x98\\x80\\n'")
      await r.exit
      expect(r.stdout).toEqual(['héllo € 😀'])
    })

    it('streams a huge output without holding it in memory', async () => {
      const before = process.memoryUsage().rss
      let peak = before
      let count = 0
      let last = ''
      const child = startStepProcess(
        { command: 'seq 1 2000000', shell: 'bash', cwd: '/', env: baseEnv, killGracePeriod: 300 },
        {
          onLine: (_stream, line) => {
            count += 1
            last = line
            if (count % 100000 === 0) peak = Math.max(peak, process.memoryUsage().rss)
          },
        },
        spawner,
      )
      const exit = await child.exited
      expect(exit.exitCode).toBe(0)
      expect(count).toBe(2000000)
      expect(last).toBe('2000000')
      expect(peak - before).toBeLessThan(100 * 1024 * 1024)
    })

    it('cuts an endless line into bounded pieces', async () => {
      const r = run("head -c 300000 /dev/zero | tr '\\0' 'x'")
      await r.exit
      expect(r.stdout.join('')).toHaveLength(300000)
      expect(Math.max(...r.stdout.map((l) => l.length))).toBeLessThanOrEqual(64 * 1024)
    })
  })

  describe('how a step process ends', () => {
    it('reports the exit code', async () => {
      expect((await run('exit 3').exit).exitCode).toBe(3)
      expect((await run('true').exit)).toMatchObject({ exitCode: 0, signal: null, timedOut: false, cancelled: false })
    })

    it('reports the signal that ended it', async () => {
      const exit = await run('kill -KILL $$').exit
      expect(exit).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: false })
    })

    it('fails on the first failing command (-e)', async () => {
      const r = run('false; echo after')
      expect((await r.exit).exitCode).toBe(1)
      expect(r.stdout).toEqual([])
    })

    it('fails when any command of a pipeline fails (pipefail)', async () => {
      expect((await run('false | true').exit).exitCode).toBe(1)
    })

    it('reports a missing working directory as a spawn error', async () => {
      const exit = await run('true', { cwd: '/nonexistent/task-orchestrator-test' }).exit
      expect(exit.exitCode).toBeNull()
      expect(exit.spawnError).toContain('/nonexistent/task-orchestrator-test does not exist')
    })

    it('reports a missing shell as a spawn error', async () => {
      const exit = await run('true', { env: { PATH: '/nonexistent' } }).exit
      expect(exit.spawnError).toContain('bash not found')
    })

    it('measures the duration', async () => {
      const exit = await run('sleep 0.2').exit
      expect(exit.durationMs).toBeGreaterThanOrEqual(150)
    })
  })

  describe('shells and environment', () => {
    it('runs sh with -e', async () => {
      const r = run('echo one; false; echo two', { shell: 'sh' })
      expect((await r.exit).exitCode).toBe(1)
      expect(r.stdout).toEqual(['one'])
    })

    it('runs python', async () => {
      const r = run('import sys\nprint("from python")\nsys.exit(4)', { shell: 'python' })
      expect((await r.exit).exitCode).toBe(4)
      expect(r.stdout).toEqual(['from python'])
    })

    it('passes the given environment and a token unique to each attempt', async () => {
      const env = { ...baseEnv, GREETING: 'hello there' }
      const a = run(`echo "$GREETING"; echo "$${PROCESS_TOKEN_VARIABLE}"`, { env })
      const b = run(`echo "$${PROCESS_TOKEN_VARIABLE}"`)
      await Promise.all([a.exit, b.exit])
      expect(a.stdout[0]).toBe('hello there')
      expect(a.stdout[1]).toMatch(/\S{6,}/)
      expect(b.stdout[0]).toMatch(/\S{6,}/)
      expect(a.stdout[1]).not.toBe(b.stdout[0])
    })

    it('runs in the given working directory', async () => {
      const r = run('pwd', { cwd: '/usr' })
      await r.exit
      expect(r.stdout).toEqual(['/usr'])
    })
  })
})
