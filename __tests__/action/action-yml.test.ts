import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { repoRoot } from '../support/cli-bundle.js'
import { join } from 'node:path'

interface ActionManifest {
  runs: { using: string; main: string; post?: string }
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
}

describe('action.yml', () => {
  // A plain scalar with ': ' in it is not YAML: the runner (and @github/local-action) refuse the file.
  const manifest = load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionManifest

  it('runs dist/index.js on node24 with a post step', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' })
  })

  it('declares every input and output of SPEC §12, each described', () => {
    const inputs = ['workflow-file', 'workflow', 'context', 'parameters', 'templates', 'mode', 'workflow-id', 'action', 'concurrency', 'token', 'state', 'check-run', 'summary', 'fail-on-error', 'slack-webhook-url']
    expect(Object.keys(manifest.inputs).sort()).toEqual([...inputs].sort())
    expect(Object.keys(manifest.outputs).sort()).toEqual(['duration', 'failed-steps', 'result', 'status', 'success', 'workflow-id'])
    for (const entry of [...Object.values(manifest.inputs), ...Object.values(manifest.outputs)]) expect(entry.description.length).toBeGreaterThan(10)
    expect(manifest.inputs['workflow-file']?.default).toBe('.github/task-orchestrator.yml')
    expect(manifest.inputs['token']?.default).toBe('${{ github.token }}')
  })
})
