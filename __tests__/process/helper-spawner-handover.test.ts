/**
 * A helper that cannot work here hands its requests to the next spawner without losing or doubling one:
 * a missing interpreter, one that exits before its hello (too old), and one that says it cannot spawn.
 */
import { describe, expect, it } from '@jest/globals'
import { HelperSpawner } from '../../src/engine/process/helper-spawner.js'
import type { HelperProgram } from '../../src/engine/process/helper-spawner.js'
import { nodeSpawner } from '../../src/engine/process/node-spawner.js'
import { eventually, killMatching, pidsMatching, run, uniqueSleep, useSpawner } from './process-helpers.js'

/** Says hello, then answers every start with `F <id> unsupported 0`, as Python without posix_spawn setsid would. */
const REFUSING_HELPER = String.raw`
process.stdout.write('H 0 1\n')
let fields = []
let partial = ''
process.stdin.on('data', (chunk) => {
  const pieces = (partial + chunk).split('\0')
  partial = pieces.pop()
  fields.push(...pieces)
  for (;;) {
    if (fields[0] === 'B' && fields.length >= 3 && fields.length >= 3 + Number(fields[2])) fields = fields.slice(3 + Number(fields[2]))
    else if (fields[0] === 'R' && fields.length >= 7) {
      const argc = Number(fields[5])
      const end = 7 + argc + Number(fields[6 + argc])
      if (fields.length < end) return
      process.stdout.write('F ' + fields[1] + ' unsupported 0\n')
      fields = fields.slice(end)
    } else return
  }
})
`

function helper(program: Omit<HelperProgram, 'name' | 'label'>): HelperSpawner {
  return new HelperSpawner({ name: 'test', label: 'test', ...program }, nodeSpawner)
}

/** Runs `echo $PPID` through the spawner: the parent of the step's shell. */
async function parentOfStep(): Promise<number> {
  const r = run('echo $PPID')
  const exit = await r.exit
  expect(exit.exitCode).toBe(0)
  return Number(r.stdout[0])
}

describe('a helper spawner that cannot work here', () => {
  it('hands every step to the next spawner when its interpreter is missing', async () => {
    useSpawner(helper({ command: '/no/such/interpreter', args: [] }))
    expect(await parentOfStep()).toBe(process.pid)
    expect(await parentOfStep()).toBe(process.pid)
  })

  it('hands the steps it was sent to the next spawner when it exits before its hello', async () => {
    useSpawner(helper({ command: 'sh', args: ['-c', 'sleep 0.2; exit 3'] }))
    const runs = [run('echo one'), run('echo two'), run('echo three')]
    const exits = await Promise.all(runs.map((r) => r.exit))
    expect(exits.map((exit) => exit.exitCode)).toEqual([0, 0, 0])
    expect(runs.map((r) => r.stdout)).toEqual([['one'], ['two'], ['three']])
    expect(await parentOfStep()).toBe(process.pid)
  })

  it('hands over a step it cannot start, and every later one, and the step can still be cancelled', async () => {
    useSpawner(helper({ command: process.execPath, args: ['-e', REFUSING_HELPER] }))
    const sleep = uniqueSleep()
    try {
      const r = run(sleep.command)
      expect(await eventually(() => pidsMatching(sleep.marker).length > 0, 10_000)).toBe(true)
      r.process.cancel()
      expect((await r.exit).cancelled).toBe(true)
      expect(await eventually(() => pidsMatching(sleep.marker).length === 0, 5000)).toBe(true)
      expect(await parentOfStep()).toBe(process.pid)
    } finally {
      killMatching(sleep.marker)
    }
  })
})
