/**
 * The runner's CPU and memory use, for the monitor's metrics: CPU from the change of the kernel's
 * per-core time counters between two samples, memory from free versus total.
 */
import { cpus, freemem, totalmem } from 'node:os'

export interface MachineUsage {
  /** Percent of all cores busy since the previous sample; null on the first one. */
  readonly cpu: number | null
  readonly memory: number
}

export type MachineSampler = () => MachineUsage

export function machineSampler(): MachineSampler {
  let previous = cpuTimes()
  return () => {
    const current = cpuTimes()
    const total = current.total - previous.total
    const busy = total - (current.idle - previous.idle)
    previous = current
    return {
      cpu: total > 0 ? Math.round((100 * busy) / total) : null,
      memory: Math.round((100 * (totalmem() - freemem())) / totalmem()),
    }
  }
}

function cpuTimes(): { total: number; idle: number } {
  let total = 0
  let idle = 0
  for (const core of cpus()) {
    const t = core.times
    total += t.user + t.nice + t.sys + t.idle + t.irq
    idle += t.idle
  }
  return { total, idle }
}
