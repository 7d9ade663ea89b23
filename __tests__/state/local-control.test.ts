/**
 * pause, resume and cancel sent by `monitor` (a second process) to a run of the real CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { driverBundle } from './support/driver-bundle.js'
import { isAlive, runDriver, spawnDriver, waitForStatus } from './support/processes.js'
import { tempDir } from './fixtures.js'

let bundle = ''
let dir: ReturnType<typeof tempDir>

beforeAll(() => {
  bundle = driverBundle()
  dir = tempDir('control')
}, 240_000)
afterAll(() => dir.remove())

const readLog = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [])

describe('controlling a running workflow from monitor', () => {
  it('pause lets the running step finish but starts nothing new; resume carries on', async () => {
    const log = join(dir.path, 'pause.log')
    const gate = join(dir.path, 'pause.gate')
    const file = join(dir.path, 'pause.yml')
    writeFileSync(
      file,
      [
        'name: pausing',
        'steps:',
        `  - id: a`,
        `    command: "echo a-start >> ${log}; while [ ! -f ${gate} ]; do sleep 0.05; done; echo a-end >> ${log}"`,
        `  - id: b`,
        `    command: "echo b >> ${log}"`,
        `  - id: c`,
        `    command: "echo c >> ${log}"`,
        'dependencies:',
        '  - { from: a, to: b }',
        '  - { from: a, to: c }',
      ].join('\n'),
    )
    const state = join(dir.path, 'state')
    const run = spawnDriver(bundle, ['cli', 'run', file, '--workflow-id', 'wf-pause', '--state-dir', state], { cwd: dir.path })
    await waitForStatus(state, 'wf-pause', (s) => s.activeSteps.some((a) => a.id === 'a'))

    const paused = await runDriver(bundle, ['cli', 'monitor', 'wf-pause', 'pause', '--state-dir', state, '--json'], { cwd: dir.path })
    expect(paused.code).toBe(0)
    expect(JSON.parse(paused.stdout).status).toBe('paused')

    writeFileSync(gate, '')
    await waitForStatus(state, 'wf-pause', (s) => s.progress.completed === 1)
    // Well past the 2 s a control needs: still nothing new started.
    await new Promise((wake) => setTimeout(wake, 2500))
    expect(readLog(log)).toEqual(['a-start', 'a-end'])
    const held = await waitForStatus(state, 'wf-pause', () => true)
    expect(held.status).toBe('paused')
    expect(held.activeSteps).toEqual([])

    const resumed = await runDriver(bundle, ['cli', 'monitor', 'wf-pause', 'resume', '--state-dir', state], { cwd: dir.path })
    expect(resumed.code).toBe(0)
    const end = await run.exit
    expect(end.code).toBe(0)
    expect(readLog(log).sort()).toEqual(['a-end', 'a-start', 'b', 'c'])
    expect((await waitForStatus(state, 'wf-pause', () => true)).status).toBe('completed')
  }, 60_000)

  it('cancel kills the running process tree, runs cleanup steps only, and ends cancelled', async () => {
    const log = join(dir.path, 'cancel.log')
    const childPid = join(dir.path, 'cancel.child')
    const file = join(dir.path, 'cancel.yml')
    writeFileSync(
      file,
      [
        'name: cancelling',
        'steps:',
        `  - id: long`,
        `    command: "sleep 60 & echo $! > ${childPid}; wait"`,
        `  - id: after`,
        `    command: "echo after >> ${log}"`,
        `  - id: cleanup`,
        `    condition: "always()"`,
        `    command: "echo cleanup >> ${log}"`,
        'dependencies:',
        '  - { from: long, to: after }',
        '  - { from: long, to: cleanup }',
      ].join('\n'),
    )
    const state = join(dir.path, 'state')
    const run = spawnDriver(bundle, ['cli', 'run', file, '--workflow-id', 'wf-cancel', '--state-dir', state], { cwd: dir.path })
    await waitForStatus(state, 'wf-cancel', (s) => s.activeSteps.some((a) => a.id === 'long'))
    const deadline = Date.now() + 10_000
    while (!existsSync(childPid) && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 50))
    const sleeper = Number(readFileSync(childPid, 'utf8'))
    expect(isAlive(sleeper)).toBe(true)

    const cancelled = await runDriver(bundle, ['cli', 'monitor', 'wf-cancel', 'cancel', '--state-dir', state], { cwd: dir.path })
    expect(cancelled.code).toBe(0)
    const end = await run.exit
    expect(end.code).toBe(1)
    expect(isAlive(sleeper)).toBe(false)
    expect(readLog(log)).toEqual(['cleanup'])
    const status = await waitForStatus(state, 'wf-cancel', () => true)
    expect(status.status).toBe('cancelled')

    const again = await runDriver(bundle, ['cli', 'monitor', 'wf-cancel', 'pause', '--state-dir', state], { cwd: dir.path })
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('cancelled')
  }, 60_000)

  it('reports an unknown workflow id or action as a usage error', async () => {
    const state = join(dir.path, 'state')
    const unknown = await runDriver(bundle, ['cli', 'monitor', 'wf-nope', 'status', '--state-dir', state], { cwd: dir.path })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("no workflow with id 'wf-nope'")
    const badAction = await runDriver(bundle, ['cli', 'monitor', 'wf-nope', 'explode', '--state-dir', state], { cwd: dir.path })
    expect(badAction.code).toBe(2)
  }, 30_000)
})
