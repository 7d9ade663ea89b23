/**
 * Every input of the action (SPEC §12), read and validated in this one place into `ActionSettings`.
 * Nothing else reads inputs. A bad value is reported as one clear message naming the input.
 */
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { isAbsolute, relative, resolve } from 'node:path'
import { load } from 'js-yaml'
import { err, ok, type Result } from '../util/result.js'

export type ActionMode = 'execute' | 'monitor' | 'validate'
export type ControlAction = 'status' | 'pause' | 'resume' | 'cancel' | 'restart'
export type StateBackend = 'github' | 'local'

const MODES: readonly ActionMode[] = ['execute', 'monitor', 'validate']
const CONTROL_ACTIONS: readonly ControlAction[] = ['status', 'pause', 'resume', 'cancel', 'restart']
const STATE_BACKENDS: readonly StateBackend[] = ['github', 'local']
export const DEFAULT_WORKFLOW_FILE = '.github/task-orchestrator.yml'

/** The action's settings, resolved and validated. */
export interface ActionSettings {
  /** The repository checkout (GITHUB_WORKSPACE, else the current directory); relative paths resolve here. */
  readonly workspace: string
  /** The definition: a file (absolute path) or the inline `workflow` input, which wins when both are set. */
  readonly definition: { readonly kind: 'file'; readonly path: string } | { readonly kind: 'inline'; readonly text: string }
  /** The definition file relative to the workspace, as annotations and the check run name it; undefined inline. */
  readonly definitionLabel: string | undefined
  /** Merged over the file's context (`context` input, a JSON or YAML object). */
  readonly context: Readonly<Record<string, unknown>> | undefined
  /** Overrides the request's template parameters (`parameters` input, a JSON or YAML object). */
  readonly parameters: Readonly<Record<string, unknown>> | undefined
  /** Absolute templates folder from the `templates` input. */
  readonly templatesDir: string | undefined
  readonly mode: ActionMode
  /** `workflow-id`, else `wf-<GITHUB_RUN_ID>-<GITHUB_RUN_ATTEMPT>` (SPEC §10). */
  readonly workflowId: string
  /** Whether `workflow-id` was given explicitly (monitor mode needs it). */
  readonly workflowIdGiven: boolean
  /** The control for `mode: monitor`. */
  readonly action: ControlAction | undefined
  readonly concurrency: number | undefined
  readonly token: string
  readonly state: StateBackend
  readonly checkRun: boolean
  readonly summary: boolean
  readonly failOnError: boolean
  readonly slackWebhookUrl: string | undefined
}

/** How inputs are read: `core.getInput` in the action, a map in tests. */
export type InputReader = (name: string) => string

/** Reads and validates all inputs; the error is the message for `core.setFailed`. */
export function getInputs(
  readInput: InputReader = (name) => core.getInput(name),
  env: Readonly<Record<string, string | undefined>> = process.env,
): Result<ActionSettings, string> {
  try {
    return ok(readSettings(readInput, env))
  } catch (error: unknown) {
    if (error instanceof InputError) return err(error.message)
    throw error
  }
}

class InputError extends Error {}

function readSettings(readInput: InputReader, env: Readonly<Record<string, string | undefined>>): ActionSettings {
  const input = (name: string): string => {
    const value = readInput(name).trim()
    core.debug(`input ${name} = ${name === 'token' || name === 'slack-webhook-url' ? (value ? '***' : '') : JSON.stringify(value)}`)
    return value
  }
  const workspace = resolve(env['GITHUB_WORKSPACE'] || process.cwd())

  const inline = readInput('workflow')
  core.debug(`input workflow = ${inline.trim() === '' ? '""' : `(${inline.length} characters)`}`)
  const file = input('workflow-file') || DEFAULT_WORKFLOW_FILE
  const path = resolve(workspace, file)
  const definition = inline.trim() !== '' ? ({ kind: 'inline', text: inline } as const) : ({ kind: 'file', path } as const)
  const definitionLabel = definition.kind === 'file' ? repoPath(path, workspace) : undefined

  const mode = oneOf('mode', input('mode') || 'execute', MODES)
  const givenId = input('workflow-id')
  if (givenId !== '' && !/^[A-Za-z0-9._-]{1,128}$/.test(givenId)) {
    throw new InputError(`Input 'workflow-id' must be 1-128 letters, digits, '.', '_' or '-'; got ${JSON.stringify(givenId)}`)
  }
  const actionText = input('action')
  const action = actionText === '' ? undefined : oneOf('action', actionText, CONTROL_ACTIONS)
  if (mode === 'monitor' && (givenId === '' || action === undefined)) {
    throw new InputError(`mode: monitor needs both 'workflow-id' and 'action' (${CONTROL_ACTIONS.join('|')})`)
  }

  const concurrencyText = input('concurrency')
  let concurrency: number | undefined
  if (concurrencyText !== '') {
    concurrency = Number(concurrencyText)
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new InputError(`Input 'concurrency' must be a whole number of at least 1; got ${JSON.stringify(concurrencyText)}`)
    }
  }

  const templates = input('templates')
  const slack = input('slack-webhook-url')
  if (slack !== '') core.setSecret(slack)

  return {
    workspace,
    definition,
    definitionLabel,
    context: objectInput('context', input('context')),
    parameters: objectInput('parameters', input('parameters')),
    templatesDir: templates === '' ? undefined : resolve(workspace, templates),
    mode,
    workflowId: givenId !== '' ? givenId : defaultWorkflowId(env),
    workflowIdGiven: givenId !== '',
    action,
    concurrency,
    token: input('token'),
    state: oneOf('state', input('state') || 'github', STATE_BACKENDS),
    checkRun: booleanInput('check-run', input('check-run'), true),
    summary: booleanInput('summary', input('summary'), true),
    failOnError: booleanInput('fail-on-error', input('fail-on-error'), true),
    slackWebhookUrl: slack === '' ? undefined : slack,
  }
}

/** `wf-<run id>-<attempt>` in Actions; outside (local-action) a time-and-random id. */
export function defaultWorkflowId(env: Readonly<Record<string, string | undefined>>): string {
  const runId = env['GITHUB_RUN_ID']
  if (runId) return `wf-${runId}-${env['GITHUB_RUN_ATTEMPT'] || '1'}`
  return `wf-${Date.now()}-${randomBytes(3).toString('hex')}`
}

/** A path as GitHub names files in annotations: relative to the workspace, with `/`. */
export function repoPath(file: string, workspace: string): string {
  const absolute = isAbsolute(file) ? file : resolve(workspace, file)
  const inside = relative(workspace, absolute)
  if (inside.startsWith('..') || isAbsolute(inside)) return file
  return inside.split('\\').join('/')
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value)
  if (found === undefined) throw new InputError(`Input '${name}' must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`)
  return found
}

function booleanInput(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(`Input '${name}' must be true or false; got ${JSON.stringify(value)}`)
}

function objectInput(name: string, text: string): Record<string, unknown> | undefined {
  if (text === '') return undefined
  let value: unknown
  try {
    // YAML is a superset of JSON: both forms are accepted.
    value = load(text)
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new InputError(`Input '${name}' is not valid JSON or YAML: ${reason}`)
  }
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`Input '${name}' must be an object (JSON or YAML mapping); got ${Array.isArray(value) ? 'a list' : typeof value}`)
  }
  return value as Record<string, unknown>
}
