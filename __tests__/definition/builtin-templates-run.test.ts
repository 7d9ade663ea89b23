/**
 * The built-in templates and the quickstart are runnable as shipped: loaded like a user's request and
 * run by the real engine with real processes, every step completes (SPEC §8: the seed's template request
 * must produce a runnable workflow, without git, docker, kubectl or a network).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDefinitionFile, loadDefinitionText } from '../../src/definition/load.js'
import type { ExecutionRequest } from '../../src/definition/model.js'
import { formatDiagnostic } from '../../src/definition/diagnostics.js'
import { startWorkflow } from '../../src/engine/run-workflow.js'
import type { Result } from '../../src/util/result.js'
import type { Diagnostic } from '../../src/definition/diagnostics.js'

const scratch = mkdtempSync(join(tmpdir(), 'h2-builtin-run-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const CAPACITY = { cpu: 2, memory: 7 * 2 ** 30, gpu: 0 }

async function runToEnd(loaded: Result<ExecutionRequest, Diagnostic[]>, workflowId: string) {
  if (!loaded.ok) throw new Error(loaded.error.map(formatDiagnostic).join('\n'))
  // Steps keep their scratch files under TMPDIR: a folder of this test's own.
  const run = startWorkflow(loaded.value, { workflowId, concurrency: 4, listeners: [], env: { ...process.env, TMPDIR: scratch }, capacity: CAPACITY })
  return run.done
}

describe('runnable as shipped', () => {
  it.each([
    ['ci-cd-pipeline', { repository: 'my-app', branch: 'main', environments: ['staging', 'production'], testSuites: ['unit', 'integration', 'e2e'] }],
    ['etl-pipeline', { rows: 20 }],
    ['ml-pipeline', { epochs: 1 }],
    ['microservices-deployment', {}],
  ])('built-in template %s completes every step', async (template, parameters) => {
    const loaded = loadDefinitionText(JSON.stringify({ template, parameters }), 'request.json', { capacity: CAPACITY, root: scratch })
    const result = await runToEnd(loaded, `wf-${template}`)
    const failures = result.steps.filter((s) => s.status !== 'completed').map((s) => `${s.id}: ${s.status} ${s.error ?? ''}`)
    expect(failures).toEqual([])
    expect(result.status).toBe('completed')
  })

  it('the quickstart passes outputs along and publishes on main', async () => {
    const result = await runToEnd(await loadDefinitionFile(join('examples', 'quickstart.yml'), { capacity: CAPACITY }), 'wf-quickstart')
    expect(result.status).toBe('completed')
    const report = result.steps.find((s) => s.id === 'report')
    expect(report?.output).toBe('9 words')
    expect(result.steps.find((s) => s.id === 'publish')?.status).toBe('completed')
  })

  it('leaves no scratch folders behind', () => {
    expect(readdirSync(scratch).filter((name) => name.startsWith('task-orchestrator-'))).toEqual([])
  })
})
