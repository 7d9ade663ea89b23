import { describe, expect, it } from '@jest/globals'
import { startWorkflow } from '../../src/engine/run-workflow.js'
import { DebugLog } from '../../src/report/debug-log.js'
import { request } from './fixtures.js'

const debugOn = { enabled: true, logLevel: 'debug', captureOutputs: false, traceDependencies: true }

describe('debug mode in a real run', () => {
  it('logs why a step waits and why a step is skipped', async () => {
    const req = request('debugging', [['a', 'exit 3'], ['b', 'echo never']], { debug: debugOn })
    const lines: string[] = []
    const result = await startWorkflow(req, { workflowId: 'wf-debug', listeners: [new DebugLog((l) => lines.push(l))] }).done
    expect(result.steps.map((s) => s.status)).toEqual(['failed', 'skipped'])
    expect(lines.every((l) => l.startsWith('[debug] '))).toBe(true)
    expect(lines.some((l) => /^\[debug\] a: starts attempt 1/.test(l))).toBe(true)
    expect(lines.some((l) => /^\[debug\] b: skipped: .*a/.test(l))).toBe(true)
  })

  it('logs nothing when debug is off', async () => {
    const req = request('quiet', [['a', 'exit 3'], ['b', 'echo never']])
    const lines: string[] = []
    await startWorkflow(req, { workflowId: 'wf-quiet', env: { PATH: process.env['PATH'] }, listeners: [new DebugLog((l) => lines.push(l))] }).done
    expect(lines).toEqual([])
  })
})
