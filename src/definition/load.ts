/**
 * A definition file → a validated ExecutionRequest, or every problem in it, each located (SPEC §2, §8).
 * The pipeline: bytes → text (size, UTF-8) → parse with a location index → one of three shapes →
 * template applied → parameters resolved → `${{ parameters }}` and matrices expanded → JSON Schema
 * check → semantic checks → the model.
 */
import { spawnSync } from 'node:child_process'
import { availableParallelism, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import type { Diagnostic, SourceLocation } from './diagnostics.js'
import { expandWorkflow } from './expand.js'
import { MAX_DEFINITION_BYTES, readDefinitionFile } from './file-text.js'
import type { Locator } from './locator.js'
import type { ExecutionRequest, ResourceAmounts } from './model.js'
import type { ParameterInput, ParameterProblem } from './parameters.js'
import { isRecord, resolveParameters } from './parameters.js'
import type { RawRequest } from './raw-definition.js'
import { salvageRequest } from './salvage.js'
import { checkSchema } from './schema-check.js'
import { detectShape, normalizeShape } from './shapes.js'
import type { Normalized } from './shapes.js'
import { parseJsonFast } from './json-fast-path.js'
import { DEFAULT_PARSE_LIMITS, parseDocument } from './source-map.js'
import type { ParsedDocument, ParseFailure, SourceIndex } from './source-map.js'
import { applyTemplate, DEFAULT_TEMPLATES_DIR } from './templates.js'
import { validateRequest } from './validate.js'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'

export interface LoadOptions {
  /** Folders searched for `<name>.yml` before the built-in templates; default `.github/task-orchestrator/templates` under `root`. */
  readonly templatesDirs?: readonly string[]
  /** `--param` values, over the request's `parameters`. */
  readonly parameters?: Readonly<Record<string, unknown>>
  /** Merged shallowly over the file's `context`; these win. */
  readonly context?: Readonly<Record<string, unknown>>
  /** The repository root that workingDirectory is relative to; default: the current directory. */
  readonly root?: string
  /** The capacity used when the definition declares none; default: this machine's. */
  readonly capacity?: ResourceAmounts
}

/** Reads and loads a definition file; a file that cannot be read is a diagnostic at 1:1 like any other. */
export async function loadDefinitionFile(file: string, options: LoadOptions = {}): Promise<Result<ExecutionRequest, Diagnostic[]>> {
  const text = await readDefinitionFile(file)
  if (!text.ok) return err([fileProblem(file, text.error)])
  return loadDefinitionText(text.value, file, options)
}

/**
 * Loads a definition from its text; `file` names it in diagnostics and decides JSON (`.json`) or YAML.
 * Reading a template file is the only effect, besides counting GPUs when a step asks for one and the
 * definition does not say how many there are.
 */
export function loadDefinitionText(text: string, file: string, options: LoadOptions = {}): Result<ExecutionRequest, Diagnostic[]> {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_DEFINITION_BYTES) return err([fileProblem(file, `the file is ${bytes} bytes; definitions are limited to ${MAX_DEFINITION_BYTES} bytes (10 MiB)`)])
  const outside = outsideValueProblems(file, options)
  if (outside.length > 0) return err(outside)
  const syntax = /\.json$/i.test(file) ? 'json' : 'yaml'
  const parsed = parseText(text.replace(/^\uFEFF/, ''), file, syntax)
  if (!parsed.ok) return err([{ severity: 'error', message: parsed.error.message, location: { file, ...parsed.error.position } }])
  const { value: document, map } = parsed.value
  const start = map.position(map.entry('')?.valueOffset ?? 0)
  if (!isRecord(document)) {
    return err([{ severity: 'error', message: `the definition must be a mapping (an object), not ${describe(document)}`, location: { file, ...start } }])
  }
  const shape = detectShape(document)
  if (shape === undefined) {
    return err([{ severity: 'error', message: "the definition needs 'workflow' (an execution request), 'template' (a template request) or 'steps' (a bare workflow) at top level", location: { file, ...start } }])
  }
  const root = resolve(options.root ?? process.cwd())
  const normalized = shape === 'template' ? normalizeTemplateRequest(document, map, options, root) : prepareDirect(normalizeShape(document, shape, map))
  if (!normalized.ok) return normalized
  return finish(normalized.value, file, root, options)
}

/** JSON takes the fast path when it can (json-fast-path.ts); YAML, and JSON it cannot vouch for, the event index. */
function parseText(text: string, file: string, syntax: 'json' | 'yaml'): Result<ParsedDocument, ParseFailure> {
  const fast = syntax === 'json' ? parseJsonFast(text, file, DEFAULT_PARSE_LIMITS) : undefined
  return fast ? ok(fast) : parseDocument(text, file, syntax)
}

/** A normalized request, with where parameter problems without a place of their own are reported. */
interface Prepared extends Normalized {
  readonly reportAt: ParameterInput['reportAt']
  /** Who declares the parameters, for messages. */
  readonly owner: string
}

/** An execution request or bare workflow: missing parameters are reported at its `parameters` values, else at the declarations. */
function prepareDirect(normalized: Normalized): Result<Prepared, Diagnostic[]> {
  const pointer = isRecord(normalized.draft.parameters) ? '/parameters' : '/workflow/parameters'
  return { ok: true, value: { ...normalized, reportAt: { pointer, part: 'key' }, owner: 'the workflow' } }
}

function normalizeTemplateRequest(document: Readonly<Record<string, unknown>>, map: SourceIndex, options: LoadOptions, root: string): Result<Prepared, Diagnostic[]> {
  const rootLocator = normalizeShape(document, 'execution', map).locator
  const { $schema: _schema, ...request } = document
  const requestProblems = checkSchema(request, 'templateRequest', rootLocator)
  if (requestProblems.length > 0) return err(requestProblems)
  const dirs = options.templatesDirs ?? [join(root, DEFAULT_TEMPLATES_DIR)]
  const applied = applyTemplate(request, map, dirs)
  if (!applied.ok) return applied
  return {
    ok: true,
    value: {
      draft: applied.value.draft,
      locator: applied.value.locator,
      reportAt: { pointer: isRecord(request.parameters) ? '/parameters' : '/template', part: 'key' },
      owner: `template '${applied.value.templateName}'`,
    },
  }
}

function finish(prepared: Prepared, file: string, root: string, options: LoadOptions): Result<ExecutionRequest, Diagnostic[]> {
  const { draft, locator } = prepared
  const workflow = isRecord(draft.workflow) ? draft.workflow : undefined
  const resolved = resolveParameters({
    declarations: workflow?.parameters,
    declarationsPointer: '/workflow/parameters',
    values: isRecord(draft.parameters) ? draft.parameters : {},
    overrides: options.parameters ?? {},
    reportAt: prepared.reportAt,
    owner: prepared.owner,
  })
  // Substituting values that are missing or of the wrong type would only add confusing echoes.
  if (resolved.problems.length > 0) return err(sortDiagnostics(toDiagnostics(resolved.problems, locator)))
  const expanded = expandWorkflow(draft, resolved.values, locator)
  // A context or parameters of the wrong type stays as written, for the schema check to report.
  const mergeable = draft.context === undefined || isRecord(draft.context)
  const context = mergeable ? { ...(isRecord(draft.context) ? draft.context : {}), ...(options.context ?? {}) } : draft.context
  const document: Record<string, unknown> = {
    ...expanded.document,
    ...(draft.context !== undefined || Object.keys(context as object).length > 0 ? { context } : {}),
    parameters: draft.parameters === undefined || isRecord(draft.parameters) ? resolved.values : draft.parameters,
  }
  // Expansion problems carry pointers from before the expansion renumbered the steps.
  const diagnostics = [...toDiagnostics(expanded.problems, locator), ...checkSchema(document, 'executionRequest', expanded.locator)]
  const validateOptions = {
    file,
    root,
    machineCapacity: (needsGpu: boolean) => options.capacity ?? machineCapacity(needsGpu),
    parameters: resolved.values,
    definition: undefined as unknown,
  }
  if (diagnostics.length > 0) {
    // Still run the semantic checks on what the schema let through, so one pass reports everything.
    const salvaged = salvageRequest(document)
    const more = salvaged ? validateRequest(salvaged, expanded.locator, validateOptions) : undefined
    return err(sortDiagnostics(dedupe([...diagnostics, ...(more && !more.ok ? more.error : [])])))
  }
  const definition: unknown = JSON.parse(JSON.stringify(document))
  const validated = validateRequest(document as unknown as RawRequest, expanded.locator, { ...validateOptions, definition })
  return validated.ok ? validated : err(sortDiagnostics(validated.error))
}

/** File by file, top to bottom, as an editor lists them. */
function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column
  )
}

function toDiagnostics(problems: readonly ParameterProblem[], locator: Locator): Diagnostic[] {
  return problems.map((p) => ({ severity: 'error', message: p.message, location: locator.locate(p.pointer, p.part) }))
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const key = `${d.location.file}:${d.location.line}:${d.location.column}:${d.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * --context and --param (the action's `context` and `parameters` inputs) come from outside the file, so
 * the parser's depth limit never saw them; every later walk of a value recurses, so hold them to it too.
 */
function outsideValueProblems(file: string, options: LoadOptions): Diagnostic[] {
  const limit = DEFAULT_PARSE_LIMITS.maxDepth
  const problems: Diagnostic[] = []
  if (options.context !== undefined && nestsDeeperThan(options.context, limit)) problems.push(fileProblem(file, `the context given from outside the file nests deeper than ${limit} levels`))
  for (const [name, value] of Object.entries(options.parameters ?? {})) {
    if (nestsDeeperThan(value, limit)) problems.push(fileProblem(file, `parameter '${name}' given from outside the file nests deeper than ${limit} levels`))
  }
  return problems
}

/** Iterative, so that measuring a deep value cannot itself overflow the stack. */
function nestsDeeperThan(root: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[root, 0]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, depth] = next
    if (value === null || typeof value !== 'object') continue
    if (depth >= limit) return true
    for (const child of Object.values(value)) pending.push([child, depth + 1])
  }
  return false
}

function fileProblem(file: string, message: string): Diagnostic {
  const location: SourceLocation = { file, line: 1, column: 1 }
  return { severity: 'error', message, location }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return `a ${typeof value}`
}

let detectedGpus: number | undefined

/** Every CPU, the total memory, and (only when asked, since it starts a process) the GPUs `nvidia-smi -L` lists. */
function machineCapacity(needsGpu: boolean): ResourceAmounts {
  if (needsGpu && detectedGpus === undefined) {
    const listed = spawnSync('nvidia-smi', ['-L'], { encoding: 'utf8', timeout: 5000, windowsHide: true })
    detectedGpus = listed.status === 0 ? listed.stdout.split('\n').filter((line) => /^GPU \d+/.test(line.trim())).length : 0
  }
  return { cpu: availableParallelism(), memory: totalmem(), gpu: detectedGpus ?? 0 }
}
