import { describe, expect, it } from '@jest/globals'
import type { EngineEvent } from '../../src/engine/events.js'
import { DebugLog, debugEnabled } from '../../src/report/debug-log.js'

const settings = { enabled: false, logLevel: 'info', captureOutputs: false, traceDependencies: false }

describe('debug log', () => {
  it('renders debug events, concurrency changes and breaker transitions as [debug] lines, nothing else', () => {
    const lines: string[] = []
    const log = new DebugLog((line) => lines.push(line))
    const events: EngineEvent[] = [
      { type: 'workflow_start', time: 0, workflowId: 'wf', name: 'w', stepIds: ['a', 'b'] },
      { type: 'debug', time: 1, stepId: 'b', message: 'b: waits on a (finish_to_start, success)' },
      { type: 'step_output', time: 2, stepId: 'a', stream: 'stdout', line: 'hello' },
      { type: 'debug', time: 3, message: 'b: skipped: condition `failure()` is false' },
      { type: 'concurrency', time: 4, from: 1, to: 2, cpu: 12.4 },
      { type: 'concurrency', time: 5, from: 2, to: 3, cpu: Number.NaN },
      { type: 'breaker', time: 6, state: 'open', trips: 1 },
    ]
    for (const e of events) log.onEvent(e)
    expect(lines).toEqual([
      '[debug] b: waits on a (finish_to_start, success)',
      '[debug] b: skipped: condition `failure()` is false',
      '[debug] concurrency 1 -> 2 (CPU 12%)',
      '[debug] concurrency 2 -> 3',
      '[debug] circuit breaker open (1 trip)',
    ])
  })

  it('is enabled by debug.enabled or ACTIONS_STEP_DEBUG=true only', () => {
    expect(debugEnabled(settings, {})).toBe(false)
    expect(debugEnabled(settings, { ACTIONS_STEP_DEBUG: 'false' })).toBe(false)
    expect(debugEnabled(settings, { ACTIONS_STEP_DEBUG: 'true' })).toBe(true)
    expect(debugEnabled({ ...settings, enabled: true }, {})).toBe(true)
  })
})
