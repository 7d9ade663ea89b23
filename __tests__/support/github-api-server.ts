/**
 * A real local GitHub REST API for tests: node:http on 127.0.0.1 at a random port, answering the routes
 * the project uses from in-memory state, and rejecting every request GitHub itself would not accept as
 * described by GitHub's official OpenAPI description (`@octokit/openapi`): an unknown method + path is a
 * 404 and a body that does not validate against the operation's request-body schema is a 422. Each
 * rejection is also recorded in `violations`, which tests assert is empty.
 *
 * Point `@actions/github` at it with `GITHUB_API_URL=<url>` (or `getOctokit(token, {baseUrl: url})`).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import type { ValidateFunction } from 'ajv'

export interface RecordedRequest {
  readonly method: string
  /** Path without the query string, still percent-encoded as sent. */
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** The parsed JSON body, or undefined without one. */
  readonly body: unknown
  /** OpenAPI operationId, e.g. `checks/create`; undefined for a route GitHub does not have. */
  readonly operationId: string | undefined
  /** Path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>
  /** The status the server answered. */
  status: number
}

export interface CheckRunRecord {
  readonly id: number
  readonly owner: string
  readonly repo: string
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  started_at: string | null
  completed_at: string | null
  details_url: string | null
  external_id: string | null
  output: { title: string | null; summary: string | null; text: string | null }
  /** Every annotation sent, in order (GitHub appends the annotations of each update). */
  readonly annotations: Record<string, unknown>[]
  /** How many PATCHes it received. */
  updates: number
}

export interface StoredFile {
  content: string
  sha: string
}

/** The in-memory repository data behind the routes; tests may read and seed it. */
export interface GitHubApiState {
  readonly checkRuns: CheckRunRecord[]
  /** `owner/repo` → full ref name (`refs/heads/main`) → sha. */
  readonly refs: Map<string, Map<string, string>>
  /** `owner/repo@branch:path` → file (content base64). Without a branch: `main`. */
  readonly contents: Map<string, StoredFile>
  readonly cancelledRuns: { owner: string; repo: string; runId: number }[]
  readonly dispatches: { owner: string; repo: string; workflowId: string; body: Record<string, unknown> }[]
}

export interface GitHubApiServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  readonly requests: RecordedRequest[]
  /** One line per request GitHub would reject; tests assert this is empty. */
  readonly violations: string[]
  readonly state: GitHubApiState
  /**
   * Answer every later request of one operation with this status and body instead of the in-memory
   * behaviour (e.g. `respondWith('checks/create', 403, {message: 'Resource not accessible by integration'})`).
   * The request is still checked against the OpenAPI description first.
   */
  respondWith(operationId: string, status: number, body?: unknown): void
  /** Failure injection for fault tests (see the section at the end of this file); returns a remover. */
  injectFault(fault: InjectedFault): () => void
  close(): Promise<void>
}

interface OpenApiOperation {
  readonly operationId?: string
  readonly requestBody?: { readonly required?: boolean; readonly content?: Record<string, { readonly schema?: unknown }> }
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>
  readonly components: Record<string, unknown>
}

interface Route {
  readonly method: string
  readonly template: string
  readonly pattern: RegExp
  readonly greedyPattern: RegExp
  readonly names: readonly string[]
  readonly literalLength: number
  readonly operation: OpenApiOperation
}

interface RouteMatch {
  readonly route: Route
  readonly params: Record<string, string>
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']
const SLASHY_PARAMS = new Set(['ref', 'path'])
const SPEC_ID = 'https://api.github.com/openapi.json'

/** Loaded once per test process: the description is 13 MB. */
let cachedSpec: { document: OpenApiDocument; routes: Route[]; ajv: Ajv; validators: Map<string, ValidateFunction> } | undefined

function openApi(): NonNullable<typeof cachedSpec> {
  if (cachedSpec) return cachedSpec
  const require = createRequire(import.meta.url)
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
  const document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument
  const routes: Route[] = []
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue
      const names: string[] = []
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
        names.push(name)
        return '\u0000'
      })
      const strict = source.split('\u0000').join('([^/]+)')
      // A last `{ref}` or `{path}` may carry slashes when the client does not encode them.
      const parts = source.split('\u0000')
      const slashy = SLASHY_PARAMS.has(names[names.length - 1] ?? '')
      const greedy = slashy ? parts.slice(0, -1).join('([^/]+)') + '(.+)' + (parts[parts.length - 1] ?? '') : strict
      routes.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${strict}$`),
        greedyPattern: new RegExp(`^${greedy}$`),
        names,
        literalLength: template.replace(/\{[^}]+\}/g, '').length,
        operation,
      })
    }
  }
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false })
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/)
  ajv.addFormat('uri', { validate: (value: string) => URL.canParse(value) })
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/)
  for (const lenient of ['int64', 'int32', 'double', 'repo.nwo', 'binary', 'uri-template', 'timestamp']) ajv.addFormat(lenient, true)
  ajv.addSchema({ $id: SPEC_ID, components: document.components })
  cachedSpec = { document, routes, ajv, validators: new Map() }
  return cachedSpec
}

function matchRoute(method: string, path: string): RouteMatch | undefined {
  const { routes } = openApi()
  const pick = (greedy: boolean): RouteMatch | undefined => {
    let best: RouteMatch | undefined
    for (const route of routes) {
      if (route.method !== method) continue
      const found = (greedy ? route.greedyPattern : route.pattern).exec(path)
      if (!found) continue
      if (best && best.route.literalLength >= route.literalLength) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '')
      })
      best = { route, params }
    }
    return best
  }
  return pick(false) ?? pick(true)
}

/** `#/components/...` refs in a body schema point into the spec document registered under SPEC_ID. */
function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof inner === 'string' && inner.startsWith('#/') ? `${SPEC_ID}${inner}` : absoluteRefs(inner)
  }
  return out
}

function bodyValidator(route: Route): ValidateFunction | undefined {
  const spec = openApi()
  const key = `${route.method} ${route.template}`
  const known = spec.validators.get(key)
  if (known) return known
  const schema = route.operation.requestBody?.content?.['application/json']?.schema
  if (schema === undefined) return undefined
  const validate = spec.ajv.compile(absoluteRefs(schema) as object)
  spec.validators.set(key, validate)
  return validate
}

/** Why GitHub would reject this request, or undefined when it matches the description. */
function checkAgainstOpenApi(method: string, path: string, body: unknown, rawBody: string): { match?: RouteMatch; problem?: string; status: number } {
  const match = matchRoute(method, path)
  if (!match) return { problem: `${method} ${path}: no such route in GitHub's REST API`, status: 404 }
  const requestBody = match.route.operation.requestBody
  const where = `${method} ${path} (${match.route.operation.operationId ?? match.route.template})`
  if (rawBody.trim() === '') {
    if (requestBody?.required) return { match, problem: `${where}: request body required`, status: 422 }
    return { match, status: 200 }
  }
  if (body === undefined) return { match, problem: `${where}: body is not JSON`, status: 400 }
  if (!requestBody) return { match, problem: `${where}: this operation takes no request body`, status: 422 }
  const validate = bodyValidator(match.route)
  if (validate && !validate(body)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')
    return { match, problem: `${where}: body does not match the schema: ${errors}`, status: 422 }
  }
  return { match, status: 200 }
}

function gitSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

type Reply = { status: number; body?: unknown }

/** Starts the server; close it in afterAll. */
export async function startGitHubApiServer(): Promise<GitHubApiServer> {
  openApi()
  const requests: RecordedRequest[] = []
  const violations: string[] = []
  const overrides = new Map<string, Reply>()
  const faults = new FaultInjector()
  const state: GitHubApiState = { checkRuns: [], refs: new Map(), contents: new Map(), cancelledRuns: [], dispatches: [] }
  let url = ''

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const raw = await readBody(request)
    const parsedUrl = new URL(request.url ?? '/', 'http://localhost')
    const method = (request.method ?? 'GET').toUpperCase()
    let body: unknown
    try {
      body = raw.trim() === '' ? undefined : JSON.parse(raw)
    } catch {
      body = undefined
    }
    const checked = checkAgainstOpenApi(method, parsedUrl.pathname, body, raw)
    const record: RecordedRequest = {
      method,
      path: parsedUrl.pathname,
      query: Object.fromEntries(parsedUrl.searchParams),
      headers: request.headers,
      body,
      operationId: checked.match?.route.operation.operationId,
      params: checked.match?.params ?? {},
      status: 0,
    }
    requests.push(record)
    let reply: Reply
    let injected: Reply | undefined
    if (checked.problem !== undefined) {
      violations.push(checked.problem)
      reply = { status: checked.status, body: { message: checked.problem } }
    } else if (!request.headers.authorization) {
      reply = { status: 401, body: { message: 'Requires authentication' } }
    } else if ((injected = await faults.apply(record)) !== undefined) {
      reply = injected
    } else {
      const override = overrides.get(record.operationId ?? '')
      reply = override ?? answer(record, state, url)
      if (reply.status === 501) violations.push(`${method} ${parsedUrl.pathname}: valid for GitHub but not implemented by the test server`)
    }
    record.status = reply.status
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body)
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3' })
    response.end(text)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      violations.push(`server error: ${error instanceof Error ? error.stack : String(error)}`)
      response.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    requests,
    violations,
    state,
    respondWith: (operationId, status, body) => overrides.set(operationId, { status, body: body ?? { message: `status ${status}` } }),
    injectFault: (fault) => faults.add(fault),
    close: () =>
      new Promise((resolve) => {
        faults.releaseAll()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function stringField(body: unknown, key: string): string | undefined {
  if (body === null || typeof body !== 'object') return undefined
  const value = (body as Record<string, unknown>)[key]
  return typeof value === 'string' ? value : undefined
}

/** The in-memory behaviour of each implemented operation. */
function answer(request: RecordedRequest, state: GitHubApiState, baseUrl: string): Reply {
  const p = request.params
  const owner = p['owner'] ?? ''
  const repo = p['repo'] ?? ''
  const repoKey = `${owner}/${repo}`
  const body = (request.body ?? {}) as Record<string, unknown>
  switch (request.operationId) {
    case 'checks/create': {
      const run: CheckRunRecord = {
        id: state.checkRuns.length + 1,
        owner,
        repo,
        name: String(body['name']),
        head_sha: String(body['head_sha']),
        status: 'queued',
        conclusion: null,
        started_at: null,
        completed_at: null,
        details_url: null,
        external_id: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
        updates: 0,
      }
      applyCheckRunUpdate(run, body)
      state.checkRuns.push(run)
      return { status: 201, body: checkRunJson(run, baseUrl) }
    }
    case 'checks/update': {
      const run = state.checkRuns.find((r) => r.id === Number(p['check_run_id']) && r.owner === owner && r.repo === repo)
      if (!run) return { status: 404, body: { message: 'Not Found' } }
      run.updates += 1
      applyCheckRunUpdate(run, body)
      return { status: 200, body: checkRunJson(run, baseUrl) }
    }
    case 'checks/get': {
      const run = state.checkRuns.find((r) => r.id === Number(p['check_run_id']))
      return run ? { status: 200, body: checkRunJson(run, baseUrl) } : { status: 404, body: { message: 'Not Found' } }
    }
    case 'git/create-ref': {
      const refs = refsOf(state, repoKey)
      const ref = stringField(body, 'ref') ?? ''
      const sha = stringField(body, 'sha') ?? ''
      if (!ref.startsWith('refs/') || ref.split('/').length < 3) return { status: 422, body: { message: 'Reference name is not valid' } }
      if (refs.has(ref)) return { status: 422, body: { message: 'Reference already exists' } }
      refs.set(ref, sha)
      return { status: 201, body: refJson(baseUrl, repoKey, ref, sha) }
    }
    case 'git/get-ref': {
      const ref = `refs/${p['ref'] ?? ''}`
      const sha = refsOf(state, repoKey).get(ref)
      return sha === undefined ? { status: 404, body: { message: 'Not Found' } } : { status: 200, body: refJson(baseUrl, repoKey, ref, sha) }
    }
    case 'git/list-matching-refs': {
      const prefix = `refs/${p['ref'] ?? ''}`
      const found = [...refsOf(state, repoKey)].filter(([ref]) => ref.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b))
      return { status: 200, body: found.map(([ref, sha]) => refJson(baseUrl, repoKey, ref, sha)) }
    }
    case 'git/update-ref': {
      const ref = `refs/${p['ref'] ?? ''}`
      const refs = refsOf(state, repoKey)
      if (!refs.has(ref)) return { status: 422, body: { message: 'Reference does not exist' } }
      const sha = stringField(body, 'sha') ?? ''
      refs.set(ref, sha)
      return { status: 200, body: refJson(baseUrl, repoKey, ref, sha) }
    }
    case 'git/delete-ref': {
      const ref = `refs/${p['ref'] ?? ''}`
      return refsOf(state, repoKey).delete(ref) ? { status: 204 } : { status: 422, body: { message: 'Reference does not exist' } }
    }
    case 'repos/get-content': {
      const key = `${repoKey}@${request.query['ref'] ?? 'main'}:${p['path'] ?? ''}`
      const file = state.contents.get(key)
      if (!file) return { status: 404, body: { message: 'Not Found' } }
      return { status: 200, body: contentJson(p['path'] ?? '', file) }
    }
    case 'repos/create-or-update-file-contents': {
      const path = p['path'] ?? ''
      const key = `${repoKey}@${stringField(body, 'branch') ?? 'main'}:${path}`
      const existing = state.contents.get(key)
      const given = stringField(body, 'sha')
      if (existing && given !== existing.sha) {
        return { status: 409, body: { message: `${path} does not match ${given ?? '(no sha)'}` } }
      }
      if (!existing && given !== undefined) return { status: 422, body: { message: 'sha given for a file that does not exist' } }
      const content = stringField(body, 'content') ?? ''
      const file: StoredFile = { content, sha: gitSha(`${key}\u0000${content}\u0000${Date.now()}\u0000${Math.random()}`) }
      state.contents.set(key, file)
      return { status: existing ? 200 : 201, body: { content: contentJson(path, file), commit: { sha: gitSha(file.sha) } } }
    }
    case 'repos/delete-file': {
      const path = p['path'] ?? ''
      const key = `${repoKey}@${stringField(body, 'branch') ?? 'main'}:${path}`
      const existing = state.contents.get(key)
      if (!existing) return { status: 404, body: { message: 'Not Found' } }
      if (stringField(body, 'sha') !== existing.sha) return { status: 409, body: { message: `${path} does not match` } }
      state.contents.delete(key)
      return { status: 200, body: { content: null, commit: { sha: gitSha(key) } } }
    }
    case 'actions/cancel-workflow-run': {
      state.cancelledRuns.push({ owner, repo, runId: Number(p['run_id']) })
      return { status: 202, body: {} }
    }
    case 'actions/create-workflow-dispatch': {
      state.dispatches.push({ owner, repo, workflowId: p['workflow_id'] ?? '', body })
      if (body['return_run_details'] !== true) return { status: 204 }
      const runId = 1000 + state.dispatches.length
      return {
        status: 200,
        body: {
          workflow_run_id: runId,
          run_url: `${baseUrl}/repos/${repoKey}/actions/runs/${runId}`,
          html_url: `https://github.com/${repoKey}/actions/runs/${runId}`,
        },
      }
    }
    default:
      return { status: 501, body: { message: `not implemented by the test server: ${request.operationId ?? ''}` } }
  }
}

function refsOf(state: GitHubApiState, repoKey: string): Map<string, string> {
  let refs = state.refs.get(repoKey)
  if (!refs) {
    refs = new Map()
    state.refs.set(repoKey, refs)
  }
  return refs
}

function refJson(baseUrl: string, repoKey: string, ref: string, sha: string): Record<string, unknown> {
  return {
    ref,
    node_id: Buffer.from(ref).toString('base64'),
    url: `${baseUrl}/repos/${repoKey}/git/${ref}`,
    object: { type: 'commit', sha, url: `${baseUrl}/repos/${repoKey}/git/commits/${sha}` },
  }
}

function contentJson(path: string, file: StoredFile): Record<string, unknown> {
  return {
    type: 'file',
    encoding: 'base64',
    size: Buffer.from(file.content, 'base64').length,
    name: path.split('/').pop() ?? path,
    path,
    content: file.content,
    sha: file.sha,
  }
}

function applyCheckRunUpdate(run: CheckRunRecord, body: Record<string, unknown>): void {
  const text = (key: string): string | undefined => stringField(body, key)
  if (text('name') !== undefined) run.name = text('name') as string
  if (text('status') !== undefined) run.status = text('status') as string
  if (text('conclusion') !== undefined) {
    run.conclusion = text('conclusion') as string
    run.status = 'completed'
  }
  if (text('started_at') !== undefined) run.started_at = text('started_at') as string
  if (text('completed_at') !== undefined) run.completed_at = text('completed_at') as string
  if (text('details_url') !== undefined) run.details_url = text('details_url') as string
  if (text('external_id') !== undefined) run.external_id = text('external_id') as string
  const output = body['output']
  if (output !== null && typeof output === 'object') {
    const o = output as Record<string, unknown>
    if (typeof o['title'] === 'string') run.output.title = o['title']
    if (typeof o['summary'] === 'string') run.output.summary = o['summary']
    if (typeof o['text'] === 'string') run.output.text = o['text']
    if (Array.isArray(o['annotations'])) run.annotations.push(...(o['annotations'] as Record<string, unknown>[]))
  }
}

function checkRunJson(run: CheckRunRecord, baseUrl: string): Record<string, unknown> {
  return {
    id: run.id,
    node_id: `CR_${run.id}`,
    head_sha: run.head_sha,
    external_id: run.external_id,
    url: `${baseUrl}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`,
    html_url: `https://github.com/${run.owner}/${run.repo}/runs/${run.id}`,
    details_url: run.details_url,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.started_at,
    completed_at: run.completed_at,
    output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${baseUrl}/repos/${run.owner}/${run.repo}/check-runs/${run.id}/annotations` },
    name: run.name,
    check_suite: { id: 1 },
    app: null,
    pull_requests: [],
  }
}

// ─── Failure injection (fault tests) ──────────────────────────────────────────────────────────────────
// Added for __tests__/faults: makes chosen requests fail with a status (GitHub's 500s, 502s, 403 rate
// limits) or hang (a slow or unreachable API) for a number of requests or until removed. Faults apply
// after the OpenAPI check, so a request that GitHub would reject is still recorded as a violation.

export interface InjectedFault {
  /** Which requests: an operationId (`repos/create-or-update-file-contents`) or a predicate; default all. */
  readonly match?: string | ((request: RecordedRequest) => boolean)
  /** Answer with this status (and a `{message}` body) instead of the in-memory behaviour. */
  readonly status?: number
  /** Hold the answer this long first (ms); with no status, the normal answer follows the delay. */
  readonly delayMs?: number
  /** How many matching requests it applies to; default: until removed. */
  readonly times?: number
}

class FaultInjector {
  readonly #faults: { fault: InjectedFault; left: number }[] = []
  readonly #waiting = new Set<() => void>()

  add(fault: InjectedFault): () => void {
    const entry = { fault, left: fault.times ?? Number.POSITIVE_INFINITY }
    this.#faults.push(entry)
    return () => {
      const at = this.#faults.indexOf(entry)
      if (at >= 0) this.#faults.splice(at, 1)
    }
  }

  /** The injected reply for this request, after its delay; undefined when no fault matches (or only a delay did). */
  async apply(request: RecordedRequest): Promise<Reply | undefined> {
    const entry = this.#faults.find(({ fault, left }) => left > 0 && matches(fault, request))
    if (!entry) return undefined
    entry.left -= 1
    if (entry.fault.delayMs !== undefined) await this.#sleep(entry.fault.delayMs)
    if (entry.fault.status === undefined) return undefined
    return { status: entry.fault.status, body: { message: `injected fault: status ${entry.fault.status}` } }
  }

  /** Ends every pending delay at once (the server is closing). */
  releaseAll(): void {
    for (const wake of this.#waiting) wake()
    this.#waiting.clear()
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer)
        this.#waiting.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      this.#waiting.add(wake)
    })
  }
}

function matches(fault: InjectedFault, request: RecordedRequest): boolean {
  if (fault.match === undefined) return true
  return typeof fault.match === 'string' ? request.operationId === fault.match : fault.match(request)
}
