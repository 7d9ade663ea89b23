/**
 * The action's state store from its settings: `state: github` (the default) keeps state in the
 * repository through the job's token; `state: local` in the workspace's `.task-orchestrator/` folder.
 */
import { resolve } from 'node:path'
import type { ActionSettings } from '../action/inputs.js'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'
import { GitHubStateStore } from './github-store.js'
import type { GitHubStoreOptions } from './github-store.js'
import { DEFAULT_STATE_DIR, LocalStateStore } from './local-store.js'
import type { StateStore } from './store.js'

/** Test hooks: shorter periods than the production defaults. */
export type GitHubTimings = Pick<GitHubStoreOptions, 'pollInterval' | 'saveInterval' | 'heartbeatInterval'>

export function actionStateStore(
  settings: Pick<ActionSettings, 'state' | 'token' | 'workspace'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
  timings: GitHubTimings = {},
): Result<StateStore, string> {
  if (settings.state === 'local') {
    return ok(new LocalStateStore(resolve(settings.workspace, env['TASK_ORCHESTRATOR_STATE_DIR'] ?? DEFAULT_STATE_DIR)))
  }
  const repository = env['GITHUB_REPOSITORY'] ?? ''
  const sha = env['GITHUB_SHA'] ?? ''
  if (settings.token === '') return err('state: github needs a token (the `token` input, default github.token)')
  if (!repository.includes('/')) return err('state: github needs GITHUB_REPOSITORY (owner/repo)')
  if (!/^[0-9a-f]{40}$/i.test(sha)) return err('state: github needs GITHUB_SHA (a commit for the state branch and control refs)')
  return ok(
    new GitHubStateStore({
      token: settings.token,
      repository,
      baseSha: sha,
      ...(env['GITHUB_API_URL'] ? { baseUrl: env['GITHUB_API_URL'] } : {}),
      ...timings,
    }),
  )
}
