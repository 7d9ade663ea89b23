/**
 * What this machine offers and how busy it is: the default capacity (SPEC §6) and the load figures
 * that auto-scaling and `monitor status` report.
 */
import { execFile } from 'node:child_process'
import { availableParallelism, cpus, freemem, totalmem } from 'node:os'
import type { ResourceAmounts } from '../definition/model.js'

/** nvidia-smi can hang on a wedged driver; capacity detection must not. */
const NVIDIA_SMI_TIMEOUT_MS = 5000

/**
 * The machine's capacity: every CPU, the total memory in bytes, and the GPUs `nvidia-smi -L` lists (0
 * without it). `withGpus = false` skips that process, for workflows that ask for no GPU.
 */
export async function detectCapacity(withGpus = true): Promise<ResourceAmounts> {
  return { cpu: availableParallelism(), memory: totalmem(), gpu: withGpus ? await countGpus() : 0 }
}

/** The number of GPUs `nvidia-smi -L` (found on `env`'s PATH) lists; 0 when it is missing, fails or times out. */
export function countGpus(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    execFile('nvidia-smi', ['-L'], { env, timeout: NVIDIA_SMI_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      if (error) {
        resolve(0)
        return
      }
      resolve(String(stdout).split('\n').filter((line) => /^GPU \d+/.test(line.trim())).length)
    })
  })
}

/** Percent of memory in use (total minus what the kernel reports available). */
export function memoryUsagePercent(): number {
  const total = totalmem()
  return total === 0 ? 0 : ((total - freemem()) / total) * 100
}

interface CpuTimes {
  readonly busy: number
  readonly total: number
}

/**
 * Measures CPU use between calls, from the kernel's per-CPU time counters (`os.cpus()`); no process is
 * started, so sampling every few seconds costs nothing.
 */
export class CpuSampler {
  #last: CpuTimes = readCpuTimes()

  /** Percent (0..100) of all CPUs' time spent busy since the previous call (or since construction). */
  sample(): number {
    const now = readCpuTimes()
    const total = now.total - this.#last.total
    const busy = now.busy - this.#last.busy
    this.#last = now
    if (total <= 0) return 0
    return Math.min(100, Math.max(0, (busy / total) * 100))
  }
}

function readCpuTimes(): CpuTimes {
  let busy = 0
  let total = 0
  for (const cpu of cpus()) {
    const { user, nice, sys, idle, irq } = cpu.times
    busy += user + nice + sys + irq
    total += user + nice + sys + idle + irq
  }
  return { busy, total }
}
