/**
 * Template requests (SPEC §8): `{template: name, parameters, …}` finds `<name>.yml` in the templates
 * folders, then among the built-in templates, and becomes the template's workflow with the request's
 * own keys over the template's (`context` merged key by key, the request winning).
 */
import { join } from 'node:path'
import type { Diagnostic } from './diagnostics.js'
import { readDefinitionFileSync } from './file-text.js'
import type { Mount } from './locator.js'
import { isRecord } from './parameters.js'
import { detectShape, normalizeShape } from './shapes.js'
import type { Normalized } from './shapes.js'
import type { SourceIndex } from './source-map.js'
import { parseDocument, pointerSegment } from './source-map.js'
import { BUILTIN_TEMPLATES } from '../templates/builtin/index.js'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'

/** Where templates are looked for when no folder is given, relative to the repository root. */
export const DEFAULT_TEMPLATES_DIR = join('.github', 'task-orchestrator', 'templates')

const TEMPLATE_EXTENSIONS = ['.yml', '.yaml', '.json']
const REQUEST_KEYS = ['errorHandling', 'resources', 'notifications', 'debug'] as const

export interface TemplateText {
  readonly file: string
  readonly text: string
}

/** The template's text: the first `<name>.yml|.yaml|.json` in `dirs`, else the built-in of that name. */
export function findTemplate(name: string, dirs: readonly string[]): Result<TemplateText, string> {
  for (const dir of dirs) {
    for (const extension of TEMPLATE_EXTENSIONS) {
      const file = join(dir, `${name}${extension}`)
      const read = readDefinitionFileSync(file)
      if (read.ok) return ok({ file, text: read.value })
      if (read.error !== 'no such file') return err(`template '${name}' (${file}): ${read.error}`)
    }
  }
  const builtin = Object.hasOwn(BUILTIN_TEMPLATES, name) ? BUILTIN_TEMPLATES[name] : undefined
  if (builtin !== undefined) return ok({ file: `builtin:${name}.yml`, text: builtin })
  const known = Object.keys(BUILTIN_TEMPLATES).sort().join(', ')
  return err(`unknown template '${name}': no ${name}.yml in ${dirs.length > 0 ? dirs.join(', ') : 'the templates folder'}, and no built-in template of that name (built-in: ${known})`)
}

/** The template request turned into the normalized form, plus how to report parameter problems. */
export interface TemplateExpansionInput extends Normalized {
  readonly templateName: string
}

/**
 * Loads the named template and lays the request over it. The request has passed the templateRequest
 * schema check, so `template` is a name and the request-level keys are well-typed.
 */
export function applyTemplate(request: Readonly<Record<string, unknown>>, requestMap: SourceIndex, dirs: readonly string[]): Result<TemplateExpansionInput, Diagnostic[]> {
  const name = String(request.template)
  const at = (pointer: string): Diagnostic['location'] => {
    const entry = requestMap.entry(pointer)
    return { file: requestMap.file, ...requestMap.position(entry?.valueOffset ?? 0) }
  }
  const found = findTemplate(name, dirs)
  if (!found.ok) return err([{ severity: 'error', message: found.error, location: at('/template') }])
  const syntax = found.value.file.endsWith('.json') ? 'json' : 'yaml'
  const parsed = parseDocument(found.value.text, found.value.file, syntax)
  if (!parsed.ok) {
    return err([{ severity: 'error', message: parsed.error.message, location: { file: found.value.file, ...parsed.error.position } }])
  }
  const document = parsed.value.value
  const shape = isRecord(document) ? detectShape(document) : undefined
  if (!isRecord(document) || (shape !== 'execution' && shape !== 'bare')) {
    return err([{ severity: 'error', message: `template '${name}' must be a workflow: a mapping with 'steps' (or 'workflow') at top level`, location: { file: found.value.file, line: 1, column: 1 } }])
  }
  const template = normalizeShape(document, shape, parsed.value.map)
  return ok({ templateName: name, ...layRequestOver(template, request, requestMap) })
}

function layRequestOver(template: Normalized, request: Readonly<Record<string, unknown>>, requestMap: SourceIndex): Normalized {
  const draft: Record<string, unknown> = { ...template.draft }
  const mounts: Mount[] = [
    { prefix: '/parameters', map: requestMap, target: '/parameters' },
    { prefix: '/template', map: requestMap, target: '/template' },
  ]
  for (const key of REQUEST_KEYS) {
    if (request[key] === undefined) continue
    draft[key] = request[key]
    mounts.push({ prefix: `/${key}`, map: requestMap, target: `/${key}` })
  }
  if (isRecord(request.context)) {
    draft.context = { ...(isRecord(template.draft.context) ? template.draft.context : {}), ...request.context }
    for (const key of Object.keys(request.context)) {
      const segment = pointerSegment(key)
      mounts.push({ prefix: `/context/${segment}`, map: requestMap, target: `/context/${segment}` })
    }
  }
  draft.parameters = isRecord(request.parameters) ? request.parameters : {}
  return { draft, locator: template.locator.with(...mounts) }
}
