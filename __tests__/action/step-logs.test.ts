import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { StepLogSpool } from '../../src/report/step-logs.js'

let spool: StepLogSpool | undefined
afterEach(() => spool?.dispose())

const output = (stepId: string, line: string) => ({ type: 'step_output' as const, time: 0, stepId, stream: 'stdout' as const, line })

describe('step log spool', () => {
  it('replays each step’s whole log in order, even one far larger than its buffer', async () => {
    spool = new StepLogSpool()
    for (let i = 0; i < 20_000; i += 1) {
      spool.onEvent(output('a', `line ${i} ${'x'.repeat(20)}`))
      if (i % 100 === 0) spool.onEvent(output('b', `b${i}`))
    }
    const replayed: string[] = []
    await spool.replay('a', (line) => replayed.push(line))
    expect(replayed).toHaveLength(20_000)
    expect(replayed[19_999]).toBe(`line 19999 ${'x'.repeat(20)}`)
    expect(spool.lineCount('b')).toBe(200)
  })

  it('gives the tail of a log, reading only its end', () => {
    spool = new StepLogSpool()
    for (let i = 0; i < 5000; i += 1) spool.onEvent(output('a', `line ${i}`))
    spool.onEvent({ type: 'step_end', time: 0, stepId: 'a', result: {} as never })
    expect(spool.tail('a', 3)).toEqual(['line 4997', 'line 4998', 'line 4999'])
    // A byte bound that cuts a line drops the partial line.
    expect(spool.tail('a', 100, 25)).toEqual(['line 4998', 'line 4999'])
    expect(spool.tail('missing', 5)).toEqual([])
  })

  it('appends lines that arrive after the step ended (rollback output) and removes its folder on dispose', async () => {
    spool = new StepLogSpool()
    spool.onEvent(output('a', 'one'))
    spool.onEvent({ type: 'step_end', time: 0, stepId: 'a', result: {} as never })
    spool.onEvent(output('a', 'rollback'))
    const lines: string[] = []
    await spool.replay('a', (l) => lines.push(l))
    expect(lines).toEqual(['one', 'rollback'])
    const dir = spool.directory
    spool.dispose()
    spool = undefined
    expect(existsSync(dir)).toBe(false)
  })
})
