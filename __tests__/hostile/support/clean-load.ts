/**
 * What "a clean answer" means for hostile input: a request, or diagnostics that each name a file, a line
 * and a column (1-based) and say something — delivered promptly, without an exception, and without
 * touching Object.prototype.
 */
import { expect } from '@jest/globals'
import type { Diagnostic } from '../../../src/definition/diagnostics.js'
import type { ExecutionRequest } from '../../../src/definition/model.js'
import type { Result } from '../../../src/util/result.js'

/** Generous: a single case of a few hundred bytes takes milliseconds; a stall shows up as seconds. */
const CASE_BUDGET_MS = 3000

export function expectCleanDiagnostics(diagnostics: readonly Diagnostic[], file: string): void {
  expect(diagnostics.length).toBeGreaterThan(0)
  for (const d of diagnostics) {
    expect(typeof d.message).toBe('string')
    expect(d.message.trim().length).toBeGreaterThan(0)
    // A template's own problems are located in the template's file.
    expect(d.location.file === file || d.location.file.startsWith('builtin:')).toBe(true)
    expect(Number.isInteger(d.location.line) && d.location.line >= 1).toBe(true)
    expect(Number.isInteger(d.location.column) && d.location.column >= 1).toBe(true)
  }
}

/** Runs one load and checks its answer; returns it for further assertions. */
export function expectCleanLoad(load: () => Result<ExecutionRequest, Diagnostic[]>, file: string): Result<ExecutionRequest, Diagnostic[]> {
  const started = performance.now()
  let result: Result<ExecutionRequest, Diagnostic[]> | undefined
  let thrown: unknown
  try {
    result = load()
  } catch (error: unknown) {
    thrown = error
  }
  const elapsed = performance.now() - started
  expect(thrown).toBeUndefined()
  expect(elapsed).toBeLessThan(CASE_BUDGET_MS)
  if (!result) throw new Error('unreachable: no result and no exception')
  if (result.ok) expect(Array.isArray(result.value.workflow.steps)).toBe(true)
  else expectCleanDiagnostics(result.error, file)
  expectNoPollution()
  return result
}

/** Object.prototype is untouched: no key an attacker could have planted through `__proto__` or `constructor.prototype`. */
export function expectNoPollution(): void {
  const probe: Record<string, unknown> = {}
  expect(probe['polluted']).toBeUndefined()
  expect(Object.keys(Object.prototype)).toEqual([])
  expect(Object.getOwnPropertyNames(Object.prototype).filter((name) => !BUILTIN_PROTO_NAMES.has(name))).toEqual([])
}

const BUILTIN_PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype))
