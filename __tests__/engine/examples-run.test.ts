/**
 * Every seed example (examples/seed/) and pattern (examples/*.yml) runs green on the real engine, from
 * the repository root as the README runs them.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadDefinitionFile } from '../../src/definition/load.js'
import { startWorkflow } from '../../src/engine/run-workflow.js'
import { repoRoot } from '../support/cli-bundle.js'

const files = [
  ...readdirSync(join(repoRoot, 'examples', 'seed')).map((f) => join('examples', 'seed', f)),
  ...readdirSync(join(repoRoot, 'examples')).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => join('examples', f)),
]

describe('examples run green', () => {
  it.each(files)('%s', async (file) => {
    const loaded = await loadDefinitionFile(join(repoRoot, file), { root: repoRoot })
    if (!loaded.ok) throw new Error(loaded.error.map((d) => d.message).join('\n'))
    // Webhook examples point at a port where nothing listens: deliveries must not fail the run.
    const result = await startWorkflow(loaded.value, { workflowId: `example-${files.indexOf(file)}`, listeners: [] }).done
    expect({ file, status: result.status, error: result.error }).toEqual({ file, status: 'completed', error: null })
  })
})
