import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { startGitHubApiServer } from '../support/github-api-server.js'
import type { GitHubApiServer } from '../support/github-api-server.js'

let server: GitHubApiServer
let octokit: ReturnType<typeof getOctokit>

beforeAll(async () => {
  server = await startGitHubApiServer()
  octokit = getOctokit('test-token', { baseUrl: server.url })
})
afterAll(() => server.close())

const repo = { owner: 'octo', repo: 'demo' }

describe('the local GitHub API server', () => {
  it('creates and completes a check run through the real client, with annotations appended', async () => {
    const created = await octokit.rest.checks.create({ ...repo, name: 'ci', head_sha: 'a'.repeat(40), status: 'in_progress', started_at: new Date().toISOString() })
    expect(created.status).toBe(201)
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: 't', summary: 's', annotations: [{ path: 'a.yml', start_line: 3, end_line: 3, annotation_level: 'failure', message: 'm' }] },
    })
    const run = server.state.checkRuns[0]
    expect(run?.conclusion).toBe('failure')
    expect(run?.annotations).toHaveLength(1)
    expect(server.violations).toEqual([])
  })

  it('rejects a body that does not match the operation schema and records the violation', async () => {
    // The client's types forbid this status; the cast sends it anyway, as a buggy caller would.
    const before = server.violations.length
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/check-runs', { ...repo, name: 'x', head_sha: 'b', status: 'finished' as unknown as 'completed' }),
    ).rejects.toMatchObject({ status: 422 })
    expect(server.violations.slice(before).join('\n')).toMatch(/status must be equal to one of the allowed values/)
    server.violations.splice(before)
  })

  it('rejects a route that GitHub does not have', async () => {
    const before = server.violations.length
    await expect(octokit.request('GET /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref: 'heads/main' })).rejects.toMatchObject({ status: 404 })
    expect(server.violations.slice(before)[0]).toMatch(/no such route/)
    server.violations.splice(before)
  })

  it('keeps git refs and file contents in memory with GitHub semantics', async () => {
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/orchestrator/7/pause', sha: 'c'.repeat(40) })
    await expect(octokit.rest.git.createRef({ ...repo, ref: 'refs/orchestrator/7/pause', sha: 'c'.repeat(40) })).rejects.toMatchObject({ status: 422 })
    const matching = await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'orchestrator/7/' })
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/orchestrator/7/pause'])
    await octokit.rest.git.deleteRef({ ...repo, ref: 'orchestrator/7/pause' })
    await expect(octokit.rest.git.getRef({ ...repo, ref: 'orchestrator/7/pause' })).rejects.toMatchObject({ status: 404 })

    const content = Buffer.from('{"a":1}').toString('base64')
    const put = await octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: 'state/run.json', message: 'save', content, branch: 'state' })
    const sha = put.data.content?.sha ?? ''
    await expect(octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: 'state/run.json', message: 'stale', content, branch: 'state', sha: 'old' })).rejects.toMatchObject({ status: 409 })
    const got = await octokit.rest.repos.getContent({ ...repo, path: 'state/run.json', ref: 'state' })
    expect(got.data).toMatchObject({ sha, content })
    expect(server.violations).toEqual([])
  })

  it('records run cancels and workflow dispatches', async () => {
    await octokit.rest.actions.cancelWorkflowRun({ ...repo, run_id: 42 })
    const dispatched = await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: 'monitor.yml', ref: 'main', inputs: { action: 'pause' }, return_run_details: true })
    expect(server.state.cancelledRuns).toEqual([{ ...repo, runId: 42 }])
    expect(dispatched.data).toMatchObject({ workflow_run_id: expect.any(Number) })
    expect(server.state.dispatches[0]?.body).toMatchObject({ inputs: { action: 'pause' } })
    expect(server.violations).toEqual([])
  })

  it('answers an operation with a forced status when a test asks for it', async () => {
    server.respondWith('checks/create', 403, { message: 'Resource not accessible by integration' })
    await expect(octokit.rest.checks.create({ ...repo, name: 'ci', head_sha: 'd'.repeat(40) })).rejects.toMatchObject({ status: 403 })
    expect(server.violations).toEqual([])
  })
})
