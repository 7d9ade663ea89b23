import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { repoRoot } from '../support/cli-bundle.js'

const folder = join(repoRoot, 'examples', 'workflows')
const files = readdirSync(folder).filter((f) => f.endsWith('.yml'))

interface GitHubWorkflow {
  on: unknown
  jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>
}

describe('ready-to-copy GitHub workflows', () => {
  it('include the workflow_dispatch monitor entry', () => {
    expect(files).toContain('monitor.yml')
    const monitor = load(readFileSync(join(folder, 'monitor.yml'), 'utf8')) as GitHubWorkflow
    expect(JSON.stringify(monitor.on)).toContain('workflow_dispatch')
  })

  it.each(files)('%s is valid YAML that uses the action with known inputs only', (file) => {
    const workflow = load(readFileSync(join(folder, file), 'utf8')) as GitHubWorkflow
    const manifest = load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }
    const uses = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).filter((s) => s.uses?.includes('task-orchestrator') || s.uses === './'))
    expect(uses.length).toBeGreaterThan(0)
    for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(manifest.inputs)).toContain(input)
  })
})
