import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { findTreeProcesses, PROCESS_TOKEN_VARIABLE } from '../../src/engine/process/process-tree.js'
import { SPAWNERS, eventually, killMatching, pidsMatching, run, uniqueSleep, useSpawner } from './process-helpers.js'

/** Every marker a test starts, cleaned up afterwards even when the test fails. */
const markers: string[] = []
function sleeper(): { command: string; marker: string } {
  const s = uniqueSleep()
  markers.push(s.marker)
  return s
}
afterEach(() => {
  for (const marker of markers.splice(0)) killMatching(marker)
})

/** Lets the step start its children before the test acts. */
async function started(markersToSee: readonly string[]): Promise<void> {
  const seen = await eventually(() => markersToSee.every((m) => pidsMatching(m).length > 0), 5000)
  expect(seen).toBe(true)
}

describe.each(SPAWNERS)('with the $name spawner', ({ spawner }) => {
  beforeAll(() => useSpawner(spawner))

  describe('a timeout kills the whole process tree', () => {
    it('kills background grandchildren in the group', async () => {
      const [a, b] = [sleeper(), sleeper()]
      const exit = await run(`${a.command} & ${b.command} & wait`, { timeout: 400 }).exit
      expect(exit.timedOut).toBe(true)
      expect(exit.cancelled).toBe(false)
      expect(exit.exitCode).toBeNull()
      expect(pidsMatching(a.marker)).toEqual([])
      expect(pidsMatching(b.marker)).toEqual([])
    })

    it('kills a process that escaped the group with setsid, even with its output redirected', async () => {
      const [a, b] = [sleeper(), sleeper()]
      const r = run(`setsid ${a.command} >/dev/null 2>&1 & setsid ${b.command} & wait`, { timeout: 400 })
      const exit = await r.exit
      expect(exit.timedOut).toBe(true)
      expect(pidsMatching(a.marker)).toEqual([])
      expect(pidsMatching(b.marker)).toEqual([])
    })

    it('kills processes that ignore SIGTERM with SIGKILL after the grace period', async () => {
      const [a, b, c] = [sleeper(), sleeper(), sleeper()]
      // The ignored SIGTERM is inherited, so only SIGKILL (to the group, and to the escaped one by token) ends them.
      const exit = await run(`trap '' TERM; ${a.command} & setsid ${c.command} & ${b.command}; wait`, { timeout: 400, killGracePeriod: 300 }).exit
      expect(exit.timedOut).toBe(true)
      expect(exit.signal).toBe('SIGKILL')
      for (const m of [a.marker, b.marker, c.marker]) expect(pidsMatching(m)).toEqual([])
    })

    it('does not wait for the grace period when everything dies on SIGTERM', async () => {
      const a = sleeper()
      const began = Date.now()
      const exit = await run(`${a.command}`, { timeout: 200, killGracePeriod: 30000 }).exit
      expect(exit.timedOut).toBe(true)
      expect(exit.signal).toBe('SIGTERM')
      expect(Date.now() - began).toBeLessThan(20000)
    })

    it('delivers the output printed before the timeout', async () => {
      const r = run('echo before; sleep 30', { timeout: 300 })
      await r.exit
      expect(r.stdout).toEqual(['before'])
    })
  })

  describe('cancel kills the whole process tree', () => {
    it('kills the step, its grandchildren and its escaped processes', async () => {
      const [a, b, c] = [sleeper(), sleeper(), sleeper()]
      const r = run(`${a.command} & setsid ${b.command} & ${c.command}; wait`)
      await started([a.marker, b.marker, c.marker])
      r.process.cancel()
      r.process.cancel() // a second cancel changes nothing
      const exit = await r.exit
      expect(exit).toMatchObject({ cancelled: true, timedOut: false, exitCode: null, signal: 'SIGTERM' })
      for (const m of [a.marker, b.marker, c.marker]) expect(pidsMatching(m)).toEqual([])
    })

    it('is harmless after the step ended', async () => {
      const r = run('true')
      const exit = await r.exit
      r.process.cancel()
      expect(exit.cancelled).toBe(false)
    })
  })

  describe('a step that ends normally leaves nothing behind and does not hang', () => {
    it('kills a background child that keeps stdout open', async () => {
      const a = sleeper()
      const began = Date.now()
      const r = run(`${a.command} & echo done`)
      const exit = await r.exit
      expect(exit).toMatchObject({ exitCode: 0, timedOut: false, cancelled: false })
      expect(r.stdout).toEqual(['done'])
      expect(Date.now() - began).toBeLessThan(20000)
      expect(pidsMatching(a.marker)).toEqual([])
    })

    it('kills a background child that closed its output', async () => {
      const a = sleeper()
      const exit = await run(`${a.command} >/dev/null 2>&1 &`).exit
      expect(exit.exitCode).toBe(0)
      expect(pidsMatching(a.marker)).toEqual([])
    })

    it('kills an escaped process that holds stdout open', async () => {
      const a = sleeper()
      const began = Date.now()
      // The pause lets setsid leave the group before the shell exits, so only the token can find it.
      const r = run(`setsid ${a.command} & sleep 0.5; echo done`)
      const exit = await r.exit
      expect(exit.exitCode).toBe(0)
      expect(r.stdout).toEqual(['done'])
      expect(Date.now() - began).toBeLessThan(20000)
      expect(pidsMatching(a.marker)).toEqual([])
    })
  })

  describe('the environment token finds the processes of a step', () => {
    it('finds a process by its token and nothing for an unknown token', async () => {
      const token = `test-${Date.now()}-${Math.random()}`
      const child = spawn('sleep', ['30'], { env: { ...process.env, [PROCESS_TOKEN_VARIABLE]: token }, stdio: 'ignore' })
      try {
        await eventually(() => child.pid !== undefined, 1000)
        expect(await findTreeProcesses(token)).toEqual([{ pid: child.pid, inGroup: false }])
        expect(await findTreeProcesses(`${token}-other`)).toEqual([])
      } finally {
        child.kill('SIGKILL')
      }
    })
  })
})
