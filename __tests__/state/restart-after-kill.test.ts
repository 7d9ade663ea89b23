/**
 * kill -9 of the orchestrator, then `monitor restart`: the run reads `interrupted`, and the restart
 * completes it without running a completed step again.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { driverBundle } from './support/driver-bundle.js'
import { runDriver, spawnDriver, waitForStatus } from './support/processes.js'
import { tempDir } from './fixtures.js'

let bundle = ''
let dir: ReturnType<typeof tempDir>

beforeAll(() => {
  bundle = driverBundle()
  dir = tempDir('restart')
}, 240_000)
afterAll(() => dir.remove())

const count = (lines: string[], word: string): number => lines.filter((l) => l === word).length

describe('restart after the orchestrator was killed', () => {
  it('reads interrupted, then completes without re-running completed steps; --all reruns everything', async () => {
    const log = join(dir.path, 'steps.log')
    const mark = join(dir.path, 'd.may-finish')
    const dGroup = join(dir.path, 'd.pid')
    const file = join(dir.path, 'resumable.yml')
    writeFileSync(
      file,
      [
        'name: resumable',
        'steps:',
        `  - { id: a, command: "echo a >> ${log}" }`,
        `  - { id: b, command: "echo b >> ${log}" }`,
        `  - { id: c, command: "echo c >> ${log}" }`,
        `  - id: d`,
        `    command: "echo $$ > ${dGroup}; echo d-start >> ${log}; if [ -f ${mark} ]; then echo d >> ${log}; else sleep 60; fi"`,
        `  - { id: e, command: "echo e >> ${log}" }`,
        'dependencies:',
        '  - { from: a, to: b }',
        '  - { from: b, to: c }',
        '  - { from: c, to: d }',
        '  - { from: d, to: e }',
      ].join('\n'),
    )
    const state = join(dir.path, 'state')
    const run = spawnDriver(bundle, ['cli', 'run', file, '--workflow-id', 'wf-kill', '--state-dir', state], { cwd: dir.path })
    await waitForStatus(state, 'wf-kill', (s) => s.activeSteps.some((step) => step.id === 'd') && existsSync(dGroup))
    run.child.kill('SIGKILL')
    await run.exit
    // The step's own process group outlives a SIGKILLed orchestrator; end it so only the restart runs d.
    try {
      process.kill(-Number(readFileSync(dGroup, 'utf8')), 'SIGKILL')
    } catch {
      // already gone
    }

    const shown = await runDriver(bundle, ['cli', 'monitor', 'wf-kill', 'status', '--state-dir', state, '--json'], { cwd: dir.path })
    expect(shown.code).toBe(0)
    const interrupted = JSON.parse(shown.stdout)
    expect(interrupted.status).toBe('interrupted')
    expect(interrupted.progress).toEqual({ completed: 3, total: 5, percentage: 60 })
    const listed = await runDriver(bundle, ['cli', 'list', '--state-dir', state, '--json'], { cwd: dir.path })
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ workflowId: 'wf-kill', status: 'interrupted' })])

    writeFileSync(mark, '')
    const restarted = await runDriver(bundle, ['cli', 'monitor', 'wf-kill', 'restart', '--state-dir', state, '--json'], { cwd: dir.path })
    expect(restarted.code).toBe(0)
    const result = JSON.parse(restarted.stdout)
    expect(result.status).toBe('completed')
    expect(result.steps.map((s: { id: string; cached: boolean }) => [s.id, s.cached])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
      ['d', false],
      ['e', false],
    ])
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean)
    expect(['a', 'b', 'c', 'd', 'e'].map((w) => count(lines, w))).toEqual([1, 1, 1, 1, 1])
    const after = await waitForStatus(state, 'wf-kill', () => true)
    expect(after.status).toBe('completed')
    expect(after.attempt).toBe(2)

    const again = await runDriver(bundle, ['cli', 'monitor', 'wf-kill', 'restart', '--all', '--state-dir', state], { cwd: dir.path })
    expect(again.code).toBe(0)
    const rerun = readFileSync(log, 'utf8').split('\n').filter(Boolean)
    expect(['a', 'b', 'c', 'd', 'e'].map((w) => count(rerun, w))).toEqual([2, 2, 2, 2, 2])
  }, 90_000)

  it('refuses to restart a run that is still alive', async () => {
    const file = join(dir.path, 'slow.yml')
    const gate = join(dir.path, 'slow.gate')
    writeFileSync(file, ['name: slow', 'steps:', `  - { id: wait, command: "while [ ! -f ${gate} ]; do sleep 0.05; done" }`].join('\n'))
    const state = join(dir.path, 'state')
    const run = spawnDriver(bundle, ['cli', 'run', file, '--workflow-id', 'wf-alive', '--state-dir', state], { cwd: dir.path })
    await waitForStatus(state, 'wf-alive', (s) => s.activeSteps.length === 1)
    const refused = await runDriver(bundle, ['cli', 'monitor', 'wf-alive', 'restart', '--state-dir', state], { cwd: dir.path })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('cancel it before restarting')
    writeFileSync(gate, '')
    expect((await run.exit).code).toBe(0)
  }, 60_000)
})
