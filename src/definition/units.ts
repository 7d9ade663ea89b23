/**
 * Resource quantities (SPEC §6) in Kubernetes spelling, turned into base units: cpu in cores, memory in
 * bytes, gpu as a count.
 */
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'

const CPU_TEXT = /^([0-9]+(?:\.[0-9]+)?)(m?)$/
const MEMORY_TEXT = /^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$/

const MEMORY_FACTORS: Readonly<Record<string, number>> = {
  '': 1,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
}

/** `2`, `"2"`, `"0.5"` → cores; `"500m"` → 0.5 cores. */
export function parseCpu(value: unknown): Result<number, string> {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? ok(value) : err(`cpu ${value} must be a number ≥ 0`)
  if (typeof value !== 'string') return err('cpu must be a number or a string such as "2" or "500m"')
  const match = CPU_TEXT.exec(value.trim())
  if (!match) return err(`cpu "${value}" must be cores (2, "2", "0.5") or millicores ("500m")`)
  const amount = Number(match[1])
  return ok(match[2] === 'm' ? amount / 1000 : amount)
}

/** `"4Gi"`, `"512Mi"`, `"1G"`, or a number of bytes → bytes (rounded up to a whole byte). */
export function parseMemory(value: unknown, what = 'memory'): Result<number, string> {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? ok(Math.ceil(value)) : err(`${what} ${value} must be a number of bytes ≥ 0`)
  if (typeof value !== 'string') return err(`${what} must be a number of bytes or a string such as "512Mi"`)
  const match = MEMORY_TEXT.exec(value.trim())
  if (!match) return err(`${what} "${value}" must be bytes or a quantity with a unit: Ki, Mi, Gi, Ti (powers of 2) or k, M, G, T (powers of 10)`)
  const factor = MEMORY_FACTORS[match[2] ?? ''] ?? 1
  return ok(Math.ceil(Number(match[1]) * factor))
}

/** `true` → 1, `false` → 0, or a whole count. */
export function parseGpu(value: unknown): Result<number, string> {
  if (typeof value === 'boolean') return ok(value ? 1 : 0)
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return ok(value)
  return err('gpu must be true, false or a whole number ≥ 0')
}

/** Human-readable amounts for messages: `0.5 cpu`, `16Gi`, `1 gpu`. */
export function formatCpu(cores: number): string {
  return `${Number(cores.toFixed(3))}`
}

export function formatMemory(bytes: number): string {
  const units: readonly [string, number][] = [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ]
  for (const [unit, factor] of units) {
    if (bytes >= factor) return `${Number((bytes / factor).toFixed(2))}${unit}`
  }
  return `${bytes}`
}
