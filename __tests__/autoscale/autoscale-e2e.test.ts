import { describe, expect, it } from '@jest/globals'
import { startAutoScaler } from '../../src/engine/autoscaler.js'
import type { ConcurrencyChange } from '../../src/engine/autoscaler.js'
import type { EngineEvent } from '../../src/engine/events.js'
import { startWorkflow } from '../../src/engine/run-workflow.js'
import { DebugLog } from '../../src/report/debug-log.js'
import { request } from '../notify/fixtures.js'

describe('autoscaling in a real run', () => {
  it('starts at minReplicas and raises concurrency while CPU is under target, visible in metrics and debug lines', async () => {
    const steps = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => [id, 'sleep 0.6'] as const)
    const autoScaling = { enabled: true, minReplicas: 1, maxReplicas: 3, targetCPU: 80 }
    const req = request('scaling', steps, { resources: { autoScaling } }, false)
    const lines: string[] = []
    const starts: number[] = []
    const running = new Set<string>()
    let peak = 0
    const tracker = {
      onEvent(event: EngineEvent): void {
        if (event.type === 'step_start') {
          running.add(event.stepId)
          peak = Math.max(peak, running.size)
          starts.push(event.time)
        }
        if (event.type === 'step_end') running.delete(event.stepId)
      },
    }
    const run = startWorkflow(req, { workflowId: 'wf-scale', concurrency: 3, listeners: [tracker, new DebugLog((l) => lines.push(l))] })
    const changes: ConcurrencyChange[] = []
    // A steady 10% keeps the decision deterministic on a shared machine.
    startAutoScaler(run, autoScaling, { sampleCpu: () => 10, onChange: (c) => changes.push(c), intervalMs: 200 })
    const result = await run.done
    expect(result.status).toBe('completed')
    expect(changes.slice(0, 2)).toEqual([
      { from: 1, to: 2, cpu: 10 },
      { from: 2, to: 3, cpu: 10 },
    ])
    expect(peak).toBe(3)
    const recorded = result.metrics.concurrencyChanges ?? []
    expect(recorded.map((c) => [c.from, c.to, c.cpu])).toEqual(expect.arrayContaining([[1, 2, 10], [2, 3, 10]]))
    expect(lines).toEqual(expect.arrayContaining(['[debug] concurrency 1 -> 2 (CPU 10%)', '[debug] concurrency 2 -> 3 (CPU 10%)']))
  })
})
