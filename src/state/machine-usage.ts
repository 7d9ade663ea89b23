/**
 * The runner's CPU and memory use, for the monitor's metrics, from the engine's machine probes.
 */
import { CpuSampler, memoryUsagePercent } from '../engine/machine.js'

export interface MachineUsage {
  /** Percent of all cores busy since the previous sample; null on the first one. */
  readonly cpu: number | null
  readonly memory: number
}

export type MachineSampler = () => MachineUsage

export function machineSampler(): MachineSampler {
  const cpu = new CpuSampler()
  let first = true
  return () => {
    // The sampler's baseline is its construction: the first reading covers no interval worth showing.
    const busy = cpu.sample()
    const usage = { cpu: first ? null : Math.round(busy), memory: Math.round(memoryUsagePercent()) }
    first = false
    return usage
  }
}
