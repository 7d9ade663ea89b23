/**
 * Where the action runs on GitHub: the repository, the commit a check run belongs on, and the link to
 * this job. Read from the runner's environment and event payload through `@actions/github`.
 */
import * as github from '@actions/github'

export interface CheckRunTarget {
  readonly owner: string
  readonly repo: string
  /** On `pull_request` events the PR's head commit (GITHUB_SHA is the merge commit there). */
  readonly headSha: string
  /** This workflow run's page. */
  readonly detailsUrl: string | undefined
}

/** The check run's target, or why there is none. */
export function checkRunTarget(env: Readonly<Record<string, string | undefined>> = process.env): { target?: CheckRunTarget; reason?: string } {
  const repository = env['GITHUB_REPOSITORY'] ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) return { reason: 'GITHUB_REPOSITORY is not set' }
  const payload = github.context.payload
  const prHead: unknown = payload.pull_request?.['head']
  const prSha = prHead !== null && typeof prHead === 'object' && 'sha' in prHead && typeof prHead.sha === 'string' ? prHead.sha : undefined
  const headSha = prSha ?? env['GITHUB_SHA'] ?? ''
  if (!/^[0-9a-f]{40}$/i.test(headSha)) return { reason: `this ${env['GITHUB_EVENT_NAME'] ?? ''} event has no commit` }
  const server = env['GITHUB_SERVER_URL'] || 'https://github.com'
  const runId = env['GITHUB_RUN_ID']
  return { target: { owner, repo, headSha, detailsUrl: runId ? `${server}/${owner}/${repo}/actions/runs/${runId}` : undefined } }
}
