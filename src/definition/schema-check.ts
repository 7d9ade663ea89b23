/**
 * The JSON Schema check (src/schema/workflow.schema.json) with ajv, each error turned into a located
 * diagnostic that reads as a sentence: `step 'build': unknown key 'comand' (did you mean 'command'?)`.
 */
import type { ErrorObject, ValidateFunction } from 'ajv'
import schema from '../schema/workflow.schema.json' with { type: 'json' }
// Precompiled from the schema by scripts/build-schema-validator.mjs (npm run bundle): compiling it with
// ajv at start-up cost ~100 ms, most of a one-step CLI run. A test keeps the two in step.
import * as precompiled from '../schema/workflow-validators.js'
import type { Diagnostic } from './diagnostics.js'
import type { Locator } from './locator.js'
import { pointerSegment } from './source-map.js'

/** The schema as shipped, for tests and tools. */
export const workflowSchema: unknown = schema

/** Which top-level definition of the schema to check against. */
export type SchemaDefinition = 'executionRequest' | 'templateRequest'

function validatorFor(definition: SchemaDefinition): ValidateFunction {
  return precompiled[definition]
}

/** Every schema violation in `document`, located through `locator`, in document order of discovery. */
export function checkSchema(document: unknown, definition: SchemaDefinition, locator: Locator): Diagnostic[] {
  const validate = validatorFor(definition)
  if (validate(document)) return []
  const diagnostics: Diagnostic[] = []
  const seen = new Set<string>()
  for (const error of validate.errors ?? []) {
    const described = describeError(error, document)
    if (!described) continue
    const location = locator.locate(described.pointer, described.part)
    const key = `${location.file}:${location.line}:${location.column}:${described.message}`
    if (seen.has(key)) continue
    seen.add(key)
    diagnostics.push({ severity: 'error', message: described.message, location })
  }
  return diagnostics
}

interface DescribedError {
  readonly message: string
  readonly pointer: string
  readonly part: 'key' | 'value'
}

function describeError(error: ErrorObject, document: unknown): DescribedError | undefined {
  const path = error.instancePath
  const subject = describePath(path, document)
  const where = subject === '' ? '' : `${subject}: `
  const params = error.params as Record<string, unknown>
  // Errors inside `propertyNames` are about a key, not a value.
  if (error.propertyName !== undefined) {
    const keyPointer = `${path}/${pointerSegment(error.propertyName)}`
    const meaning = schemaErrorMessage(error) ?? error.message ?? 'is not allowed'
    if (error.keyword === 'enum') return undefined
    return { message: `${where}key '${error.propertyName}' ${meaning}`, pointer: keyPointer, part: 'key' }
  }
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined
    case 'additionalProperties': {
      const key = String(params.additionalProperty)
      const hint = suggestion(key, error.parentSchema)
      return { message: `${where}unknown key '${key}'${hint}`, pointer: `${path}/${pointerSegment(key)}`, part: 'key' }
    }
    case 'required':
      return { message: `${where}missing required key '${String(params.missingProperty)}'`, pointer: path, part: 'value' }
    case 'type':
      return { message: `${subjectOrValue(subject)} must be ${typeWords(params.type)}${got(error.data)}`, pointer: path, part: 'value' }
    case 'pattern':
      return { message: `${subjectOrValue(subject)} ${JSON.stringify(error.data)} ${schemaErrorMessage(error) ?? `must match ${String(params.pattern)}`}`, pointer: path, part: 'value' }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map(String).join(', ') : ''
      return { message: `${subjectOrValue(subject)} must be one of: ${allowed}${got(error.data)}`, pointer: path, part: 'value' }
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { message: `${subjectOrValue(subject)} must be ${String(params.comparison)} ${String(params.limit)}${got(error.data)}`, pointer: path, part: 'value' }
    case 'minItems':
      return { message: `${subjectOrValue(subject)} must have at least ${String(params.limit)} item(s)`, pointer: path, part: 'value' }
    case 'minLength':
      return { message: `${subjectOrValue(subject)} must not be empty`, pointer: path, part: 'value' }
    case 'minProperties':
    case 'maxProperties':
      return { message: `${subjectOrValue(subject)} ${error.message ?? 'has the wrong number of keys'}`, pointer: path, part: 'value' }
    default:
      return { message: `${subjectOrValue(subject)} ${error.message ?? 'is not valid'}`, pointer: path, part: 'value' }
  }
}

function subjectOrValue(subject: string): string {
  return subject === '' ? 'the definition' : subject
}

function schemaErrorMessage(error: ErrorObject): string | undefined {
  const parent = error.parentSchema as { errorMessage?: unknown } | undefined
  return typeof parent?.errorMessage === 'string' ? parent.errorMessage : undefined
}

function typeWords(type: unknown): string {
  const names = (Array.isArray(type) ? type : String(type).split(',')).map(String)
  const words = names.map((name) => (name === 'integer' ? 'an integer' : name === 'array' ? 'a list' : name === 'object' ? 'a mapping' : `a ${name}`))
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] as string}` : (words[0] ?? 'valid')
}

function got(data: unknown): string {
  if (data === null) return ' (got null)'
  if (Array.isArray(data)) return ' (got a list)'
  if (typeof data === 'object') return ' (got a mapping)'
  const text = JSON.stringify(data) ?? String(data)
  return ` (got ${text.length > 40 ? `${text.slice(0, 37)}...` : text})`
}

/** `/workflow/steps/2/resources/cpu` → `step 'build': resources.cpu`; other paths dotted. */
export function describePath(pointer: string, document: unknown): string {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (segments[0] === 'workflow' && segments[1] === 'steps' && segments[2] !== undefined) {
    const index = Number(segments[2])
    const id = stepIdAt(document, index)
    const step = id === undefined ? `step ${index + 1}` : `step '${id}'`
    const rest = dotted(segments.slice(3))
    return rest === '' ? step : `${step}: ${rest}`
  }
  return dotted(segments)
}

function dotted(segments: readonly string[]): string {
  let text = ''
  for (const segment of segments) {
    if (/^[0-9]+$/.test(segment)) text += `[${segment}]`
    else text += text === '' ? segment : `.${segment}`
  }
  return text
}

function stepIdAt(document: unknown, index: number): string | undefined {
  if (typeof document !== 'object' || document === null) return undefined
  const workflow = (document as { workflow?: unknown }).workflow
  if (typeof workflow !== 'object' || workflow === null) return undefined
  const steps = (workflow as { steps?: unknown }).steps
  if (!Array.isArray(steps)) return undefined
  const step: unknown = steps[index]
  if (typeof step !== 'object' || step === null) return undefined
  const id = (step as { id?: unknown }).id
  return typeof id === 'string' ? id : undefined
}

/** ` (did you mean 'command'?)` when a known key is within two edits of the unknown one. */
function suggestion(key: string, parentSchema: unknown): string {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties
  if (!properties) return ''
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of Object.keys(properties)) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best === undefined ? '' : ` (did you mean '${best}'?)`
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] as number
}
