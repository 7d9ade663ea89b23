/**
 * A state folder that cannot be written: refused up front with a clear error and nothing run; and one
 * that fills up mid-run (a tiny tmpfs, where this machine lets us mount one): the run goes on, says once
 * that it cannot save, and the state on disk stays the last whole record, never a torn one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliBundle } from '../support/cli-bundle.js'
import { runCli } from '../hostile/support/run-cli.js'
import { parseRunRecord } from '../../src/state/run-record.js'
import { readStoredState } from './support/fault-kit.js'

let cli: string
let dir: string
beforeAll(() => {
  cli = cliBundle()
  dir = mkdtempSync(join(tmpdir(), 'faults-state-'))
}, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const isRoot = process.getuid?.() === 0

function workflowWithMarker(name: string, marker: string): string {
  const file = join(dir, `${name}.yml`)
  writeFileSync(file, `name: ${name}\nsteps:\n  - id: touch\n    command: touch ${marker}\n`)
  return file
}

/** Makes a folder unwritable: chmod for an ordinary user; root ignores modes, so the immutable attribute. */
function makeReadOnly(folder: string): (() => void) | undefined {
  if (!isRoot) {
    chmodSync(folder, 0o555)
    return () => chmodSync(folder, 0o755)
  }
  const set = spawnSync('chattr', ['+i', folder])
  return set.status === 0 ? () => void spawnSync('chattr', ['-i', folder]) : undefined
}

describe('a state folder that cannot be written', () => {
  it('under a regular file (ENOTDIR): a clear error, exit 2, and no step runs', async () => {
    const blocker = join(dir, 'not-a-folder')
    writeFileSync(blocker, '')
    const marker = join(dir, 'ran-enotdir')
    const r = await runCli(cli, ['run', workflowWithMarker('enotdir', marker), '--state-dir', join(blocker, 'state')], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^error: cannot save the run's state: .*ENOTDIR/m)
    expect(existsSync(marker)).toBe(false)
  })

  it('read-only: a clear error, exit 2, no step runs, and the runs already stored stay readable', async () => {
    const stateDir = join(dir, 'readonly-state')
    const okMarker = join(dir, 'ran-before')
    const first = await runCli(cli, ['run', workflowWithMarker('before', okMarker), '--state-dir', stateDir, '--workflow-id', 'wf-before'], { cwd: dir })
    expect(first.code).toBe(0)
    const undo = makeReadOnly(join(stateDir, 'runs'))
    if (!undo) {
      console.warn('skipped: cannot make a folder read-only here (root without chattr support)')
      return
    }
    try {
      const marker = join(dir, 'ran-readonly')
      const r = await runCli(cli, ['run', workflowWithMarker('readonly', marker), '--state-dir', stateDir], { cwd: dir })
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/^error: cannot save the run's state: .*(EACCES|EPERM|EROFS)/m)
      expect(existsSync(marker)).toBe(false)
      const status = await runCli(cli, ['monitor', 'wf-before', 'status', '--json', '--state-dir', stateDir], { cwd: dir })
      expect(status.code).toBe(0)
      expect(JSON.parse(status.stdout).status).toBe('completed')
    } finally {
      undo()
    }
  })
})

/** Mounts a tmpfs of `size` at `at`; false where this machine does not allow it (not root, no CAP_SYS_ADMIN). */
function mountTmpfs(at: string, size: string): boolean {
  mkdirSync(at, { recursive: true })
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at]).status === 0
}

describe('a state folder that fills up mid-run', () => {
  const mountPoint = join(tmpdir(), `faults-tmpfs-${process.pid}`)
  let mounted = false
  let filledRun: string | undefined
  beforeAll(() => {
    mounted = mountTmpfs(mountPoint, '256k')
  })
  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', mountPoint])
    rmSync(mountPoint, { recursive: true, force: true })
  })

  it('the run completes, warns that it cannot save, and leaves whole state files only', async () => {
    if (!mounted) {
      console.warn('skipped: mount -t tmpfs is not allowed here')
      return
    }
    const stateDir = join(mountPoint, 'state')
    const filler = join(mountPoint, 'filler')
    const file = join(dir, 'fill.yml')
    writeFileSync(
      file,
      [
        'name: fill',
        'steps:',
        '  - id: first',
        '    command: echo first',
        '  - id: fill_disk',
        // Fills the disk once: a restart runs this step again when its completion could not be saved.
        `    command: if [ ! -e ${filler}.done ]; then touch ${filler}.done; head -c 1048576 /dev/zero > ${filler} || true; fi`,
        ...Array.from({ length: 12 }, (_, i) => [`  - id: after_${i}`, `    command: echo "after ${i} $(printf '%0200d' 0)"`]).flat(),
        'dependencies:',
        '  - { from: first, to: fill_disk }',
        ...Array.from({ length: 12 }, (_, i) => `  - { from: fill_disk, to: after_${i} }`),
      ].join('\n') + '\n',
    )
    const r = await runCli(cli, ['run', file, '--json', '--state-dir', stateDir, '--workflow-id', 'wf-full', '--concurrency', '2'], { cwd: dir })
    // The workflow itself is fine: a full state disk does not fail it.
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).status).toBe('completed')
    expect(r.stderr).toMatch(/warning: state: cannot save the .*ENOSPC/)
    // One warning per kind of write, not one per event.
    expect((r.stderr.match(/warning: state: /g) ?? []).length).toBeLessThanOrEqual(3)
    const record = parseRunRecord(readFileSync(join(stateDir, 'runs', 'wf-full', 'state.json'), 'utf8'))
    expect(record?.steps.map((s) => s.id)[0]).toBe('first')
    // Temporary files of failed writes were removed, not left to fill the disk further.
    expect(readdirSync(join(stateDir, 'runs', 'wf-full')).filter((name) => name.endsWith('.tmp'))).toEqual([])
    // With room again, the run can be read and restarted to completion.
    rmSync(filler)
    rmSync(`${filler}.done`)
    writeFileSync(`${filler}.done`, '')
    const restart = await runCli(cli, ['monitor', 'wf-full', 'restart', '--json', '--state-dir', stateDir], { cwd: dir })
    expect(restart.code).toBe(0)
    expect(parseRunRecord(readFileSync(join(stateDir, 'runs', 'wf-full', 'state.json'), 'utf8'))?.status).toBe('completed')
    filledRun = stateDir
  })

  // An append cut short by ENOSPC used to leave a partial line in the middle of events.jsonl, and the next
  // append glued its first event onto it, so that event was lost too.
  it('the journal of that run has no damaged line before its last', () => {
    if (!mounted) return
    expect(filledRun).toBeDefined()
    expect(readStoredState(filledRun ?? '', 'wf-full').events).toBeGreaterThan(0)
  })
})
