/**
 * When the schema check fails, the semantic checks still run on what can be trusted, so that one pass
 * reports every problem (SPEC §2): steps keep their id and their string fields, dependencies their
 * step names; everything whose type is wrong is left out (the schema check has reported it).
 */
import { isRecord } from './parameters.js'
import type { RawDependency, RawRequest, RawStep } from './raw-definition.js'

const DEPENDENCY_TYPES: readonly string[] = ['finish_to_start', 'start_to_start', 'finish_to_finish', 'start_to_finish']
const SHELLS: readonly string[] = ['bash', 'sh', 'pwsh', 'python']

/** The trustworthy part of a document that failed the schema check, as a request; undefined if no steps survive. */
export function salvageRequest(document: Readonly<Record<string, unknown>>): RawRequest | undefined {
  const workflow = document.workflow
  if (!isRecord(workflow) || !Array.isArray(workflow.steps)) return undefined
  const steps: RawStep[] = []
  // Positions are kept (pointers into the document must stay right): a broken step becomes a placeholder.
  for (const item of workflow.steps as unknown[]) steps.push(salvageStep(item, steps.length))
  // Dependencies are all kept or all dropped: their pointers must stay right, and a partial list
  // could hide or invent a cycle.
  const rawDependencies: unknown[] = Array.isArray(workflow.dependencies) ? workflow.dependencies : []
  const dependencies = rawDependencies.every(isWellFormedDependency) ? rawDependencies.map(salvageDependency) : []
  return { workflow: { steps, dependencies } }
}

function isWellFormedDependency(item: unknown): boolean {
  return isRecord(item) && typeof item.from === 'string' && typeof item.to === 'string'
}

function salvageDependency(item: unknown): RawDependency {
  const dependency = item as Record<string, unknown>
  const type = typeof dependency.type === 'string' && DEPENDENCY_TYPES.includes(dependency.type) ? (dependency.type as RawDependency['type']) : undefined
  return { from: String(dependency.from), to: String(dependency.to), ...(type ? { type } : {}) }
}

function salvageStep(item: unknown, index: number): RawStep {
  const step = isRecord(item) ? item : {}
  const text = (key: string): string | undefined => (typeof step[key] === 'string' ? step[key] : undefined)
  const environment = isRecord(step.environment)
    ? Object.fromEntries(Object.entries(step.environment).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : undefined
  const shell = text('shell')
  const condition = text('condition')
  const rollback = text('rollback')
  const workingDirectory = text('workingDirectory')
  return {
    // A step without a usable id gets one no real step can have, so it collides with nothing.
    id: text('id') ?? `#${index + 1}`,
    command: text('command') ?? '',
    ...(shell !== undefined && SHELLS.includes(shell) ? { shell: shell as RawStep['shell'] } : {}),
    ...(condition !== undefined ? { condition } : {}),
    ...(rollback !== undefined ? { rollback } : {}),
    ...(workingDirectory !== undefined ? { workingDirectory } : {}),
    ...(environment ? { environment } : {}),
  }
}
