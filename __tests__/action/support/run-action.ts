/**
 * Runs the bundled action as the runner does: `node index.js` with INPUT_* variables (hyphens kept),
 * the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files, and a GitHub environment pointing the
 * API client at a local server. Then the post step with the state the main step saved.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ActionJob {
  readonly workspace: string
  readonly files: { readonly output: string; readonly summary: string; readonly state: string; readonly event: string; readonly temp: string }
  readonly env: Record<string, string>
}

export interface ActionRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
export const MERGE_SHA = 'ffffffffffffffffffffffffffffffffffffffff'

/** A fresh job: a workspace holding `files`, and the runner's files and environment. */
export function newJob(files: Readonly<Record<string, string>>, inputs: Readonly<Record<string, string>>, apiUrl: string, extraEnv: Readonly<Record<string, string>> = {}): ActionJob {
  const root = mkdtempSync(join(tmpdir(), 'task-orchestrator-action-job-'))
  const workspace = join(root, 'workspace')
  const temp = join(root, 'runner-temp')
  mkdirSync(workspace)
  mkdirSync(temp)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(workspace, path, '..'), { recursive: true })
    writeFileSync(join(workspace, path), text)
  }
  const output = join(root, 'output')
  const summary = join(root, 'summary.md')
  const state = join(root, 'state')
  const event = join(root, 'event.json')
  for (const f of [output, summary, state]) writeFileSync(f, '')
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: HEAD_SHA } } }))
  const base: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|STATE_)/.test(k)) base[k] = v
  }
  const env: Record<string, string> = {
    ...base,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_STATE: state,
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: temp,
    TASK_ORCHESTRATOR_CHECK_RUN_INTERVAL_MS: '200',
    ...Object.fromEntries(Object.entries({ token: 'test-token', ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  }
  return { workspace, files: { output, summary, state, event, temp }, env }
}

/** Starts `node <bundle>` for the job; `post` passes the saved state as STATE_* the way the runner does. */
export function startAction(bundle: string, job: ActionJob, post = false): { child: ChildProcess; done: Promise<ActionRun> } {
  const env = post ? { ...job.env, ...Object.fromEntries(Object.entries(readFileCommands(job.files.state)).map(([k, v]) => [`STATE_${k}`, v])) } : job.env
  const child = spawn(process.execPath, [bundle], { cwd: job.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const done = new Promise<ActionRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })))
  return { child, done }
}

export function runAction(bundle: string, job: ActionJob, post = false): Promise<ActionRun> {
  return startAction(bundle, job, post).done
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` heredocs, as the toolkit writes them). */
export function readFileCommands(file: string): Record<string, string> {
  if (!existsSync(file)) return {}
  const lines = readFileSync(file, 'utf8').split('\n')
  const values: Record<string, string> = {}
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc
      const body: string[] = []
      i += 1
      while (i < lines.length && lines[i] !== delimiter) body.push(lines[i++] ?? '')
      values[name] = body.join('\n')
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

/** Waits until `predicate` holds, polling. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
