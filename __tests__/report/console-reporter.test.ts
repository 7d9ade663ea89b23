import { describe, expect, it } from '@jest/globals'
import { Writable } from 'node:stream'
import type { EngineEvent } from '../../src/engine/events.js'
import { ConsoleReporter } from '../../src/report/console.js'
import type { StepResult } from '../../src/report/result.js'

function sink(): { stream: NodeJS.WritableStream; text: () => string } {
  let out = ''
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString()
      done()
    },
  })
  return { stream, text: () => out }
}

const result = (id: string, status: StepResult['status']): StepResult => ({
  id, name: id, status, startTime: '2026-01-01T00:00:00.000Z', endTime: '2026-01-01T00:00:01.000Z', duration: 1000,
  output: null, error: status === 'failed' ? 'Exit code 2' : null, attempts: 1, exitCode: status === 'failed' ? 2 : 0,
  outputs: {}, reason: null, timedOut: false, cached: false,
})

describe('the CLI console view', () => {
  it('on a terminal keeps a live line of done, failed, running and elapsed', async () => {
    const out = sink()
    let now = 1000
    const reporter = new ConsoleReporter({ log: out.stream, live: true, now: () => now })
    const events: EngineEvent[] = [
      { type: 'workflow_start', time: 1000, workflowId: 'wf', name: 'demo', stepIds: ['a', 'b', 'c'] },
      { type: 'step_start', time: 1000, stepId: 'a', attempt: 1, pid: 1 },
      { type: 'step_start', time: 1000, stepId: 'b', attempt: 1, pid: 2 },
      { type: 'step_end', time: 2000, stepId: 'a', result: result('a', 'failed') },
    ]
    for (const event of events) {
      now += 500 // past the status line's refresh interval
      reporter.onEvent(event)
    }
    await new Promise((resolve) => setImmediate(resolve))
    const text = out.text()
    expect(text).toContain('[a] ✗ failed in 1.0 s: Exit code 2')
    expect(text).toMatch(/\r\x1b\[K⏵ 1\/3 done, 1 failed, 1 running \(b\), \d+(\.\d)? s elapsed/)
  })

  it('elsewhere prints plain prefixed lines, and never a step line that acts as a workflow command', async () => {
    const out = sink()
    const reporter = new ConsoleReporter({ log: out.stream, live: false })
    reporter.onEvent({ type: 'workflow_start', time: 0, workflowId: 'wf', name: 'demo', stepIds: ['a'] })
    reporter.onEvent({ type: 'step_output', time: 0, stepId: 'a', stream: 'stdout', line: 'ok\r::stop-commands::x' })
    reporter.onEvent({ type: 'step_output', time: 0, stepId: 'a', stream: 'stdout', line: '##[set-output name=x;]1' })
    await new Promise((resolve) => setImmediate(resolve))
    const text = out.text()
    expect(text).not.toContain('\x1b[K')
    expect(text).toContain('[a] ok')
    for (const line of text.split(/[\r\n]/)) expect(line.startsWith('::')).toBe(false)
    expect(text).not.toContain('##[set-output')
  })
})
