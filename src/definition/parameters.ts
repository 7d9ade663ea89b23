/**
 * Declared parameters (SPEC §8): `parameters: { name: {type, default?, required?, description?} }` in a
 * template or workflow, and the values a request and `--param` give them. Values are checked against the
 * declarations here, before anything is substituted.
 */

export type ParameterType = 'string' | 'number' | 'boolean' | 'array' | 'object'

const PARAMETER_TYPES: readonly string[] = ['string', 'number', 'boolean', 'array', 'object']

/** A problem with a parameter, at a pointer into the normalized request. */
export interface ParameterProblem {
  readonly message: string
  readonly pointer: string
  readonly part: 'key' | 'value'
}

export interface ParameterInput {
  /** The raw declarations (unchecked: malformed entries are left to the schema check). */
  readonly declarations: unknown
  /** Pointer of the declarations map, for problems with a default. */
  readonly declarationsPointer: string
  /** Values from the request's `parameters`, at `/parameters`. */
  readonly values: Readonly<Record<string, unknown>>
  /** `--param` values, which win over the request's. */
  readonly overrides: Readonly<Record<string, unknown>>
  /** Where a missing parameter, or one given by `--param`, is reported. */
  readonly reportAt: { readonly pointer: string; readonly part: 'key' | 'value' }
  /** What to call the thing that declares them, in messages (`template 'ci-cd-pipeline'`, `the workflow`). */
  readonly owner: string
}

export interface ResolvedParameters {
  readonly values: Record<string, unknown>
  readonly problems: readonly ParameterProblem[]
}

interface Declaration {
  readonly type: ParameterType
  readonly default?: unknown
  readonly required: boolean
}

function readDeclarations(raw: unknown): Map<string, Declaration> | undefined {
  if (!isRecord(raw)) return undefined
  const declarations = new Map<string, Declaration>()
  for (const [name, spec] of Object.entries(raw)) {
    if (!isRecord(spec) || typeof spec.type !== 'string' || !PARAMETER_TYPES.includes(spec.type)) continue
    declarations.set(name, {
      type: spec.type as ParameterType,
      ...('default' in spec ? { default: spec.default } : {}),
      required: spec.required === true,
    })
  }
  return declarations
}

/**
 * The parameter values to run with: `--param` over the request's values over the declared defaults.
 * Without declarations every value is accepted as given. With them, a missing required parameter, a value
 * of the wrong type and an undeclared name are problems, each naming the parameter.
 */
export function resolveParameters(input: ParameterInput): ResolvedParameters {
  const declarations = readDeclarations(input.declarations)
  const merged: Record<string, unknown> = Object.fromEntries([...Object.entries(input.values), ...Object.entries(input.overrides)])
  if (!declarations) return { values: merged, problems: [] }

  const problems: ParameterProblem[] = []
  const values: Record<string, unknown> = {}
  const declaredNames = [...declarations.keys()]
  for (const name of Object.keys(merged)) {
    if (declarations.has(name)) continue
    const fromOverride = Object.hasOwn(input.overrides, name)
    problems.push({
      message: `unknown parameter '${name}'${fromOverride ? ' (from --param)' : ''}: ${input.owner} takes ${declaredNames.length === 0 ? 'no parameters' : declaredNames.map((n) => `'${n}'`).join(', ')}`,
      ...(fromOverride ? input.reportAt : { pointer: `/parameters/${segment(name)}`, part: 'key' as const }),
    })
  }
  for (const [name, declaration] of declarations) {
    const fromOverride = Object.hasOwn(input.overrides, name)
    const given = fromOverride || Object.hasOwn(input.values, name)
    const raw = given ? merged[name] : declaration.default
    if (raw === undefined) {
      if (declaration.required) problems.push({ message: `missing required parameter '${name}' (${declaration.type}) of ${input.owner}`, ...input.reportAt })
      continue
    }
    const value = fromOverride ? coerceOverride(raw, declaration.type) : raw
    if (!hasType(value, declaration.type)) {
      const source = fromOverride ? ' (from --param)' : given ? '' : ' (its default)'
      const at = fromOverride
        ? input.reportAt
        : given
          ? { pointer: `/parameters/${segment(name)}`, part: 'value' as const }
          : { pointer: `${input.declarationsPointer}/${segment(name)}/default`, part: 'value' as const }
      problems.push({ message: `parameter '${name}' must be ${article(declaration.type)}, got ${describeValue(value)}${source}`, ...at })
      continue
    }
    values[name] = value
  }
  return { values, problems }
}

/** `--param branch=123` reads 123 as JSON; a string parameter still takes it as text. */
function coerceOverride(value: unknown, type: ParameterType): unknown {
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value)
  return value
}

function hasType(value: unknown, type: ParameterType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'array':
      return Array.isArray(value)
    case 'object':
      return isRecord(value)
  }
}

function article(type: ParameterType): string {
  return type === 'array' ? 'a list (array)' : type === 'object' ? 'an object' : `a ${type}`
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${JSON.stringify(value)}`
}

function segment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1')
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
