/**
 * Every definition under examples/ (the seed's JSON examples, its patterns as YAML, the feature demos
 * and the quickstart) validates. GitHub workflow files (examples/workflows/) and scripts are not
 * definitions and are skipped.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { loadDefinitionFile } from '../../src/definition/load.js'
import { formatDiagnostic } from '../../src/definition/diagnostics.js'

const NOT_DEFINITIONS = new Set([join('examples', 'workflows'), join('examples', 'scripts')])
// Examples that size nothing against the machine must not depend on it: a fixed, modest capacity.
const CAPACITY = { cpu: 2, memory: 7 * 2 ** 30, gpu: 0 }

function definitionFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return NOT_DEFINITIONS.has(path) ? [] : definitionFiles(path)
      return /\.(ya?ml|json)$/.test(name) ? [path] : []
    })
}

const files = definitionFiles('examples')

describe('examples', () => {
  it('include one file per JSON example of the seed, its three patterns and the quickstart', () => {
    const seedExamples = files.filter((f) => f.startsWith(join('examples', 'seed')))
    expect(seedExamples.length).toBeGreaterThanOrEqual(11)
    for (const name of ['etl-pipeline.yml', 'ml-pipeline.yml', 'microservices-deployment.yml', 'quickstart.yml']) {
      expect(files).toContain(join('examples', name))
    }
  })

  it.each(files)('%s validates', async (file) => {
    const loaded = await loadDefinitionFile(file, { capacity: CAPACITY })
    const problems = loaded.ok ? [] : loaded.error.map(formatDiagnostic)
    expect(problems).toEqual([])
  })

  it('the seed template request expands into a runnable workflow with one deploy per environment', async () => {
    const loaded = await loadDefinitionFile(join('examples', 'seed', 'workflow-template.json'), { capacity: CAPACITY })
    if (!loaded.ok) throw new Error(loaded.error.map(formatDiagnostic).join('\n'))
    const ids = loaded.value.workflow.steps.map((s) => s.id)
    expect(ids).toEqual(expect.arrayContaining(['deploy_staging', 'deploy_production', 'test_unit', 'test_integration', 'test_e2e']))
    expect(loaded.value.parameters).toMatchObject({ repository: 'my-app', branch: 'main' })
  })
})
