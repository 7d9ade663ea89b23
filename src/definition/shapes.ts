/**
 * The three top-level shapes of a definition (SPEC §2) and how an execution request or a bare workflow
 * becomes the one normalized form, `{workflow, context?, errorHandling?, resources?, notifications?,
 * debug?, parameters?}`, with a locator that still points into the file as written.
 */
import { Locator } from './locator.js'
import { isRecord } from './parameters.js'
import type { SourceIndex } from './source-map.js'

export type Shape = 'execution' | 'template' | 'bare'

/** Keys of a bare workflow that belong to the request, not the workflow. */
const LIFTED_KEYS: ReadonlySet<string> = new Set(['context', 'errorHandling', 'notifications', 'debug'])
const REQUEST_RESOURCE_KEYS: ReadonlySet<string> = new Set(['limits', 'requests', 'autoScaling'])

export interface Normalized {
  readonly draft: Record<string, unknown>
  readonly locator: Locator
}

/** `workflow` wins over `template`, which wins over `steps`; none of them: not a definition. */
export function detectShape(document: Readonly<Record<string, unknown>>): Shape | undefined {
  if (Object.hasOwn(document, 'workflow')) return 'execution'
  if (Object.hasOwn(document, 'template')) return 'template'
  if (Object.hasOwn(document, 'steps')) return 'bare'
  return undefined
}

/**
 * In a bare workflow, `resources` whose keys are all `limits`, `requests` or `autoScaling` is the
 * request's; any other key makes it the per-step map of the workflow.
 */
export function isRequestResources(resources: unknown): boolean {
  return isRecord(resources) && Object.keys(resources).every((key) => REQUEST_RESOURCE_KEYS.has(key))
}

/** An execution request or a bare workflow as the normalized form; `$schema` is dropped. */
export function normalizeShape(document: Readonly<Record<string, unknown>>, shape: 'execution' | 'bare', map: SourceIndex): Normalized {
  const root = new Locator([{ prefix: '', map, target: '' }])
  const { $schema: _schema, ...rest } = document
  if (shape === 'execution') return { draft: rest, locator: root }
  const workflowEntries: [string, unknown][] = []
  const requestEntries: [string, unknown][] = []
  for (const [key, value] of Object.entries(rest)) {
    const lifted = LIFTED_KEYS.has(key) || (key === 'resources' && isRequestResources(value))
    ;(lifted ? requestEntries : workflowEntries).push([key, value])
  }
  const draft = { ...Object.fromEntries(requestEntries), workflow: Object.fromEntries(workflowEntries) }
  return { draft, locator: root.with({ prefix: '/workflow', map, target: '' }) }
}
