import { describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { CpuSampler, countGpus, detectCapacity, memoryUsagePercent } from '../../src/engine/machine.js'

describe('the machine', () => {
  it('detects CPUs, memory and GPUs', async () => {
    const capacity = await detectCapacity()
    expect(capacity.cpu).toBe(availableParallelism())
    expect(capacity.memory).toBe(totalmem())
    expect(capacity.gpu).toBe(await countGpus())
    expect(capacity.gpu).toBeGreaterThanOrEqual(0)
  })

  it('counts the GPUs nvidia-smi -L lists', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'fake-nvidia-'))
    const script = join(bin, 'nvidia-smi')
    writeFileSync(script, '#!/bin/sh\necho "GPU 0: Tesla T4 (UUID: GPU-1)"\necho "GPU 1: Tesla T4 (UUID: GPU-2)"\n')
    chmodSync(script, 0o755)
    try {
      expect(await countGpus({ PATH: `${bin}:/usr/bin:/bin` })).toBe(2)
      expect(await countGpus({ PATH: '/nonexistent' })).toBe(0)
    } finally {
      rmSync(bin, { recursive: true, force: true })
    }
  })

  it('measures CPU use between samples as a percentage', async () => {
    const sampler = new CpuSampler()
    const until = Date.now() + 200
    while (Date.now() < until) Math.sqrt(Math.random()) // keep one CPU busy
    const busy = sampler.sample()
    expect(busy).toBeGreaterThan(0)
    expect(busy).toBeLessThanOrEqual(100)
  })

  it('measures memory use as a percentage', () => {
    const used = memoryUsagePercent()
    expect(used).toBeGreaterThan(0)
    expect(used).toBeLessThan(100)
  })
})
