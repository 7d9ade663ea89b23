import { describe, expect, it } from '@jest/globals'
import { ActionLog } from '../../src/action/action-log.js'
import { step } from './support/results.js'

function capture() {
  const lines: string[] = []
  const secrets: string[] = []
  return { lines, secrets, log: new ActionLog({ info: (l) => lines.push(l), setSecret: (s) => secrets.push(s) }) }
}

describe('the action live log', () => {
  it('prefixes every step line, so no line a step prints can start a workflow command', () => {
    const { lines, log } = capture()
    for (const line of ['::set-output name=x::y', '::stop-commands::abc', 'progress 10%\r::error::sneaky', '']) {
      log.onEvent({ type: 'step_output', time: 0, stepId: 'build', stream: 'stdout', line })
    }
    expect(lines).toEqual(['[build] ::set-output name=x::y', '[build] ::stop-commands::abc', '[build] progress 10%', '[build] ::error::sneaky', '[build] '])
    expect(lines.every((l) => !l.startsWith('::'))).toBe(true)
  })

  it('registers masked values with the runner and reports step ends with their cause', () => {
    const { lines, secrets, log } = capture()
    log.onEvent({ type: 'secret', time: 0, value: 's3cret' })
    log.onEvent({ type: 'step_retry', time: 0, stepId: 'test', attempt: 2, delay: 2000, error: 'exit code 1' })
    log.onEvent({ type: 'step_end', time: 0, stepId: 'test', result: step('test', 'failed', 0, 1500) })
    expect(secrets).toEqual(['s3cret'])
    expect(lines).toEqual(['[test] attempt 1 failed (exit code 1); attempt 2 in 2.0 s', '[test] ❌ failed in 1.5 s: exit code 1'])
  })
})
