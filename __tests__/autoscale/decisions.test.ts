import { describe, expect, it } from '@jest/globals'
import type { AutoScaling } from '../../src/definition/model.js'
import { decideConcurrency, startAutoScaler } from '../../src/engine/autoscaler.js'
import type { ConcurrencyChange } from '../../src/engine/autoscaler.js'
import type { RunSnapshot, WorkflowRun } from '../../src/engine/run-types.js'
import type { WorkflowResult } from '../../src/report/result.js'

const settings: AutoScaling = { enabled: true, minReplicas: 1, maxReplicas: 4, targetCPU: 70 }

/** Feeds scripted CPU samples to the decision with a run that always has more queued work than slots. */
function replay(samples: number[], start = 1): number[] {
  const limits: number[] = []
  let current = start
  for (const cpu of samples) {
    current = decideConcurrency(settings, { current, cpu, running: current, queued: 10 })
    limits.push(current)
  }
  return limits
}

describe('autoscaling decisions', () => {
  it('raises by one per sample under target, up to max', () => {
    expect(replay([10, 20, 30, 40, 50, 60])).toEqual([2, 3, 4, 4, 4, 4])
  })

  it('lowers by one per sample over target, never below min', () => {
    expect(replay([95, 95, 95, 95, 95], 4)).toEqual([3, 2, 1, 1, 1])
  })

  it('holds at exactly the target and follows the load both ways', () => {
    expect(replay([70, 30, 30, 90, 70, 20], 2)).toEqual([2, 3, 4, 3, 3, 4])
  })

  it('does not raise when nothing waits or the slots are not all busy', () => {
    expect(decideConcurrency(settings, { current: 2, cpu: 5, running: 2, queued: 0 })).toBe(2)
    expect(decideConcurrency(settings, { current: 2, cpu: 5, running: 1, queued: 3 })).toBe(2)
  })

  it('brings a limit outside [min, max] back inside first', () => {
    expect(decideConcurrency(settings, { current: 9, cpu: 5, running: 9, queued: 9 })).toBe(4)
    expect(decideConcurrency({ ...settings, minReplicas: 2 }, { current: 1, cpu: 99, running: 1, queued: 9 })).toBe(2)
  })
})

function fakeRun(queued: number): { run: WorkflowRun; limits: number[]; finish(): void } {
  const limits: number[] = []
  let concurrency = 3
  let finish: () => void = () => {}
  const done = new Promise<WorkflowResult>((resolve) => {
    finish = () => resolve({} as WorkflowResult)
  })
  const run: WorkflowRun = {
    workflowId: 'wf',
    done,
    pause: () => {},
    resume: () => {},
    cancel: () => {},
    setConcurrency: (limit) => {
      concurrency = limit
      limits.push(limit)
    },
    snapshot: (): RunSnapshot => ({
      status: 'running',
      running: Array.from({ length: concurrency }, (_, i) => ({ id: `s${i}`, startTime: '', attempt: 1 })),
      finished: [],
      pending: Array.from({ length: queued }, (_, i) => `p${i}`),
      concurrency,
    }),
  }
  return { run, limits, finish: () => finish() }
}

describe('autoscaler timer', () => {
  it('starts at min, follows the sampled CPU and reports each change, then stops with the run', async () => {
    const { run, limits, finish } = fakeRun(5)
    const samples = [0, 10, 10, 10, 90, 90]
    const changes: ConcurrencyChange[] = []
    startAutoScaler(run, settings, { sampleCpu: () => samples.shift() ?? 70, onChange: (c) => changes.push(c), intervalMs: 20 })
    await new Promise((r) => setTimeout(r, 400))
    finish()
    await new Promise((r) => setTimeout(r, 50))
    const count = limits.length
    await new Promise((r) => setTimeout(r, 100))
    expect(limits.length).toBe(count)
    expect(limits).toEqual([1, 2, 3, 4, 3, 2])
    expect(changes).toEqual([
      { from: 1, to: 2, cpu: 10 },
      { from: 2, to: 3, cpu: 10 },
      { from: 3, to: 4, cpu: 10 },
      { from: 4, to: 3, cpu: 90 },
      { from: 3, to: 2, cpu: 90 },
    ])
  })

  it('does nothing when autoScaling is disabled', async () => {
    const { run, limits, finish } = fakeRun(5)
    startAutoScaler(run, { ...settings, enabled: false }, { sampleCpu: () => 0, intervalMs: 10 })
    await new Promise((r) => setTimeout(r, 100))
    finish()
    expect(limits).toEqual([])
  })
})
