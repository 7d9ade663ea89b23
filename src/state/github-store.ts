/**
 * The action's state store: the repository itself, through the REST API with the job's token.
 *
 * - Records, definitions and history are files on a dedicated branch (`task-orchestrator-state`), written
 *   through the contents API: one commit per save, each run under its own folder, so concurrent runs never
 *   touch the same file (a 409 from a branch that moved under us is retried with the file's new sha).
 *   The journal travels in the same file as the record (`runs/<id>/state.json`), so a save is one request.
 * - Control requests are refs `refs/task-orchestrator/<workflowId>/<request id>-<action>` (creating a ref
 *   never conflicts and triggers no workflow), read with one `GET matching-refs` per poll, conditional on
 *   its ETag (GitHub does not count a 304 against the rate limit).
 * See docs/state.md for the request budget and the permissions (`contents: write`).
 */
import { randomBytes } from 'node:crypto'
import { getOctokit } from '@actions/github'
import type { EngineEvent } from '../engine/events.js'
import type { StepResult } from '../report/result.js'
import { addDurations, historyKey, meanDurations, parseHistory } from './run-history.js'
import { isTerminal, parseRunRecord } from './run-record.js'
import type { RunRecord } from './run-record.js'
import type { ControlAction, ControlRequest, StateStore, StepHistory, StoredDefinition, StoredRun } from './store.js'
import { CONTROL_ACTIONS } from './store.js'

export const DEFAULT_STATE_BRANCH = 'task-orchestrator-state'
const CONTROL_NAMESPACE = 'task-orchestrator'

/** Events a status reader needs; output and debug lines belong to the job log, not to stored state. */
const JOURNALED: ReadonlySet<EngineEvent['type']> = new Set<EngineEvent['type']>([
  'workflow_start',
  'run_status',
  'step_start',
  'step_retry',
  'step_end',
  'step_annotation',
  'secret',
  'rollback_start',
  'rollback_end',
  'breaker',
  'concurrency',
  'workflow_end',
])
/** Bounds the state file well under the contents API's 1 MB read limit. */
const JOURNAL_LIMIT = 2000
const CONFLICT_RETRIES = 4

export interface GitHubStoreOptions {
  readonly token: string
  /** `owner/repo`. */
  readonly repository: string
  /** Default: GITHUB_API_URL, else https://api.github.com. */
  readonly baseUrl?: string
  readonly branch?: string
  /** An existing commit for new refs (the state branch, control refs): GITHUB_SHA. */
  readonly baseSha: string
  /** Control poll period, ms (default 10 s: within SPEC §10's 15 s, 6 requests a minute). */
  readonly pollInterval?: number
  /** Least time between two record saves while a run goes on, ms (default 20 s). */
  readonly saveInterval?: number
  /** Heartbeat period while nothing changes, ms (default 60 s). */
  readonly heartbeatInterval?: number
  /** A request not answered within this many ms fails like a 5xx (default 30 s; Node's fetch waits 300 s). */
  readonly requestTimeout?: number
}

const REQUEST_TIMEOUT_MS = 30_000

/**
 * fetch with a deadline: a hung save would otherwise hold the run's end (its last save waits for the one
 * in flight) for as long as the API stays silent.
 */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs)
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline })
  }
}

type Octokit = ReturnType<typeof getOctokit>

interface StateFile {
  readonly record: RunRecord
  readonly events: readonly EngineEvent[]
}

export class GitHubStateStore implements StateStore {
  readonly controlPollInterval: number
  readonly saveInterval: number
  readonly heartbeatInterval: number
  readonly #octokit: Octokit
  readonly #owner: string
  readonly #repo: string
  readonly #branch: string
  readonly #baseSha: string
  /** Blob sha of each file as last written or read: the `sha` an update must name. */
  readonly #shas = new Map<string, string>()
  /** Journal of the run this instance records, sent with each record save. */
  readonly #journal = new Map<string, EngineEvent[]>()
  readonly #controlCache = new Map<string, { etag: string; requests: ControlRequest[] }>()
  #branchReady = false

  constructor(options: GitHubStoreOptions) {
    const [owner, repo] = options.repository.split('/')
    if (!owner || !repo) throw new Error(`repository must be owner/repo, got '${options.repository}'`)
    this.#owner = owner
    this.#repo = repo
    this.#octokit = getOctokit(options.token, {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      request: { fetch: fetchWithTimeout(options.requestTimeout ?? REQUEST_TIMEOUT_MS) },
    })
    this.#branch = options.branch ?? DEFAULT_STATE_BRANCH
    this.#baseSha = options.baseSha
    this.controlPollInterval = options.pollInterval ?? 10_000
    this.saveInterval = options.saveInterval ?? 20_000
    this.heartbeatInterval = options.heartbeatInterval ?? 60_000
  }

  async beginRun(record: RunRecord, definition: StoredDefinition): Promise<void> {
    await this.#ensureBranch()
    const previous = await this.#readState(record.workflowId)
    // A restart continues the journal of the runs before it.
    this.#journal.set(record.workflowId, [...(previous?.events ?? [])])
    await this.#writeFile(`runs/${record.workflowId}/definition.json`, JSON.stringify(definition, null, 2), `task-orchestrator: definition of ${record.workflowId}`)
    await this.clearControl(record.workflowId)
    await this.saveRecord(record)
  }

  async saveRecord(record: RunRecord): Promise<void> {
    const file: StateFile = { record, events: this.#journal.get(record.workflowId) ?? [] }
    await this.#writeFile(`runs/${record.workflowId}/state.json`, JSON.stringify(file), `task-orchestrator: ${record.workflowId} ${record.status}`)
  }

  async appendEvents(workflowId: string, events: readonly EngineEvent[]): Promise<void> {
    const journal = this.#journal.get(workflowId) ?? []
    journal.push(...events.filter((e) => JOURNALED.has(e.type)))
    if (journal.length > JOURNAL_LIMIT) journal.splice(0, journal.length - JOURNAL_LIMIT)
    this.#journal.set(workflowId, journal)
  }

  async readRun(workflowId: string): Promise<StoredRun | undefined> {
    const state = await this.#readState(workflowId)
    if (!state) return undefined
    const record = state.record
    const silence = Date.now() - Date.parse(record.updateTime)
    // No pid to ask across machines: a run whose heartbeat stopped for three periods has lost its runner.
    const alive = isTerminal(record.status) ? false : silence < 3 * this.heartbeatInterval + this.saveInterval
    return { record, alive }
  }

  async readDefinition(workflowId: string): Promise<StoredDefinition | undefined> {
    const text = await this.#readFile(`runs/${workflowId}/definition.json`)
    if (text === undefined) return undefined
    try {
      const parsed = JSON.parse(text) as StoredDefinition
      return typeof parsed.file === 'string' ? parsed : undefined
    } catch {
      return undefined
    }
  }

  async readEvents(workflowId: string): Promise<EngineEvent[]> {
    return [...((await this.#readState(workflowId))?.events ?? [])]
  }

  async listRuns(): Promise<StoredRun[]> {
    const listing = await this.#request(() =>
      this.#octokit.rest.repos.getContent({ owner: this.#owner, repo: this.#repo, path: 'runs', ref: this.#branch }),
    )
    if (!listing || !Array.isArray(listing.data)) return []
    const runs: StoredRun[] = []
    for (const entry of listing.data) {
      if (entry.type !== 'dir') continue
      const run = await this.readRun(entry.name)
      if (run) runs.push(run)
    }
    return runs.sort((a, b) => b.record.startTime.localeCompare(a.record.startTime))
  }

  async sendControl(workflowId: string, action: ControlAction): Promise<ControlRequest> {
    const id = `${Date.now().toString().padStart(15, '0')}-${randomBytes(4).toString('hex')}`
    await this.#octokit.rest.git.createRef({
      owner: this.#owner,
      repo: this.#repo,
      ref: `refs/${CONTROL_NAMESPACE}/${workflowId}/${id}-${action}`,
      sha: this.#baseSha,
    })
    return { id, action, time: new Date(Number(id.split('-')[0])).toISOString() }
  }

  async readControl(workflowId: string): Promise<ControlRequest[]> {
    const cached = this.#controlCache.get(workflowId)
    try {
      const response = await this.#octokit.rest.git.listMatchingRefs({
        owner: this.#owner,
        repo: this.#repo,
        ref: `${CONTROL_NAMESPACE}/${workflowId}/`,
        ...(cached ? { headers: { 'if-none-match': cached.etag } } : {}),
      })
      const requests = response.data.flatMap((ref) => parseControlRef(ref.ref)).sort((a, b) => a.id.localeCompare(b.id))
      const etag = response.headers.etag
      if (etag) this.#controlCache.set(workflowId, { etag, requests })
      return requests
    } catch (error: unknown) {
      if (statusOf(error) === 304 && cached) return cached.requests
      throw error
    }
  }

  async clearControl(workflowId: string): Promise<void> {
    this.#controlCache.delete(workflowId)
    const refs = await this.#octokit.rest.git.listMatchingRefs({ owner: this.#owner, repo: this.#repo, ref: `${CONTROL_NAMESPACE}/${workflowId}/` })
    for (const ref of refs.data) {
      await this.#request(() => this.#octokit.rest.git.deleteRef({ owner: this.#owner, repo: this.#repo, ref: ref.ref.replace(/^refs\//, '') }))
    }
  }

  async readHistory(workflowName: string): Promise<StepHistory> {
    const text = await this.#readFile(`history/${historyKey(workflowName)}.json`)
    return text === undefined ? {} : meanDurations(parseHistory(text))
  }

  async addHistory(workflowName: string, steps: readonly StepResult[]): Promise<void> {
    const path = `history/${historyKey(workflowName)}.json`
    const previous = parseHistory((await this.#readFile(path)) ?? '{}')
    await this.#writeFile(path, JSON.stringify(addDurations(previous, steps)), `task-orchestrator: durations of ${workflowName}`)
  }

  async #readState(workflowId: string): Promise<StateFile | undefined> {
    const text = await this.#readFile(`runs/${workflowId}/state.json`)
    if (text === undefined) return undefined
    try {
      const parsed = JSON.parse(text) as { record?: unknown; events?: unknown }
      const record = parseRunRecord(JSON.stringify(parsed.record))
      if (!record) return undefined
      return { record, events: Array.isArray(parsed.events) ? (parsed.events as EngineEvent[]) : [] }
    } catch {
      return undefined
    }
  }

  async #readFile(path: string): Promise<string | undefined> {
    const response = await this.#request(() => this.#octokit.rest.repos.getContent({ owner: this.#owner, repo: this.#repo, path, ref: this.#branch }))
    if (!response || Array.isArray(response.data) || response.data.type !== 'file') return undefined
    const file = response.data as { content?: string; sha: string }
    this.#shas.set(path, file.sha)
    return Buffer.from(file.content ?? '', 'base64').toString('utf8')
  }

  /** One commit replacing the file; a stale sha (another writer on the branch) is looked up again. */
  async #writeFile(path: string, text: string, message: string): Promise<void> {
    const content = Buffer.from(text, 'utf8').toString('base64')
    for (let attempt = 0; ; attempt++) {
      if (!this.#shas.has(path)) await this.#readFile(path)
      const sha = this.#shas.get(path)
      try {
        const response = await this.#octokit.rest.repos.createOrUpdateFileContents({
          owner: this.#owner,
          repo: this.#repo,
          path,
          message,
          content,
          branch: this.#branch,
          ...(sha ? { sha } : {}),
        })
        const written = response.data.content?.sha
        if (written) this.#shas.set(path, written)
        return
      } catch (error: unknown) {
        const status = statusOf(error)
        if ((status !== 409 && status !== 422) || attempt >= CONFLICT_RETRIES) throw error
        this.#shas.delete(path)
        await new Promise((wake) => setTimeout(wake, 200 * (attempt + 1) + Math.random() * 200))
      }
    }
  }

  /** The state branch starts at the commit this job runs on; a concurrent creator wins harmlessly. */
  async #ensureBranch(): Promise<void> {
    if (this.#branchReady) return
    const existing = await this.#request(() => this.#octokit.rest.git.getRef({ owner: this.#owner, repo: this.#repo, ref: `heads/${this.#branch}` }))
    if (!existing) {
      try {
        await this.#octokit.rest.git.createRef({ owner: this.#owner, repo: this.#repo, ref: `refs/heads/${this.#branch}`, sha: this.#baseSha })
      } catch (error: unknown) {
        if (statusOf(error) !== 422) throw error
      }
    }
    this.#branchReady = true
  }

  /** A request whose 404 means "none": undefined then; other failures throw. */
  async #request<T>(send: () => Promise<T>): Promise<T | undefined> {
    try {
      return await send()
    } catch (error: unknown) {
      if (statusOf(error) === 404) return undefined
      throw error
    }
  }
}

function parseControlRef(ref: string): ControlRequest[] {
  const name = ref.split('/').pop() ?? ''
  const match = /^(\d{15}-[0-9a-f]+)-([a-z]+)$/.exec(name)
  const action = CONTROL_ACTIONS.find((a) => a === match?.[2])
  if (!match?.[1] || !action) return []
  return [{ id: match[1], action, time: new Date(Number(match[1].split('-')[0])).toISOString() }]
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined
}
