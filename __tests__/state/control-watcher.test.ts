import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { watchControl } from '../../src/state/control-watcher.js'
import { LocalStateStore } from '../../src/state/local-store.js'
import type { StateStore } from '../../src/state/store.js'
import { recordFor, tempDir } from './fixtures.js'

class FakeRun {
  readonly calls: { action: string; at: number }[] = []
  pause(): void {
    this.calls.push({ action: 'pause', at: Date.now() })
  }
  resume(): void {
    this.calls.push({ action: 'resume', at: Date.now() })
  }
  cancel(): void {
    this.calls.push({ action: 'cancel', at: Date.now() })
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('control watcher', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir('watch')
  })
  afterEach(() => dir.remove())

  it('applies a request sent by another store instance within 2 s, once, in the order sent', async () => {
    const runSide = new LocalStateStore(dir.path)
    const monitorSide = new LocalStateStore(dir.path)
    await runSide.beginRun(recordFor('wf-w', [{ id: 'a' }]), { file: 'x.yml', root: '/', definition: {} })
    const run = new FakeRun()
    const watcher = watchControl(runSide, 'wf-w', run)
    const sent = Date.now()
    await monitorSide.sendControl('wf-w', 'pause')
    await until(() => run.calls.length === 1, 2000)
    expect(run.calls[0]?.at).toBeLessThan(sent + 2000)
    await monitorSide.sendControl('wf-w', 'resume')
    await monitorSide.sendControl('wf-w', 'cancel')
    await until(() => run.calls.length === 3, 2000)
    // Several further polls must not apply anything twice.
    await new Promise((r) => setTimeout(r, 1200))
    expect(run.calls.map((c) => c.action)).toEqual(['pause', 'resume', 'cancel'])
    await watcher.close()
  })

  it('still delivers by polling when the store offers no change notification', async () => {
    const store = new LocalStateStore(dir.path)
    await store.beginRun(recordFor('wf-p', [{ id: 'a' }]), { file: 'x.yml', root: '/', definition: {} })
    // Only what the watcher uses: reading requests, at the poll period, with no change notification.
    const pollOnly = { controlPollInterval: 500, readControl: (id: string) => store.readControl(id) } as unknown as StateStore
    const run = new FakeRun()
    const watcher = watchControl(pollOnly, 'wf-p', run)
    await store.sendControl('wf-p', 'cancel')
    await until(() => run.calls.length === 1, 2000)
    await watcher.close()
    await store.sendControl('wf-p', 'pause')
    await new Promise((r) => setTimeout(r, 800))
    expect(run.calls.map((c) => c.action)).toEqual(['cancel'])
  })
})
