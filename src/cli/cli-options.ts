/**
 * Parsing of the option values the commands share: `--param k=v` (JSON when it parses as JSON, else a
 * string) and `--context JSON|@file`.
 */
import { readFileSync } from 'node:fs'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'

export function collectParam(value: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const eq = value.indexOf('=')
  if (eq <= 0) throw new UsageError(`--param expects key=value, got '${value}'`)
  const key = value.slice(0, eq)
  const raw = value.slice(eq + 1)
  let parsed: unknown = raw
  try {
    parsed = JSON.parse(raw)
  } catch {
    parsed = raw
  }
  return { ...previous, [key]: parsed }
}

export function parseContextOption(value: string | undefined): Result<Record<string, unknown> | undefined, string> {
  if (value === undefined) return ok(undefined)
  let text = value
  if (value.startsWith('@')) {
    try {
      text = readFileSync(value.slice(1), 'utf8')
    } catch (e: unknown) {
      return err(`--context: cannot read ${value.slice(1)}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return err('--context must be a JSON object')
    return ok(parsed as Record<string, unknown>)
  } catch (e: unknown) {
    return err(`--context is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
}

export function parsePositiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`expected a positive integer, got '${value}'`)
  return n
}

/** A command-line mistake: printed as `error: …` with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
