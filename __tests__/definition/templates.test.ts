/**
 * Template requests (SPEC §8): built-in and folder templates, parameters with defaults and types,
 * `${{ parameters.x }}` and matrix expansion, and what stays for the engine's safe substitution.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDefinitionText } from '../../src/definition/load.js'
import type { LoadOptions } from '../../src/definition/load.js'
import type { ExecutionRequest } from '../../src/definition/model.js'
import { formatDiagnostic } from '../../src/definition/diagnostics.js'
import { BUILTIN_TEMPLATES } from '../../src/templates/builtin/index.js'

const CAPACITY = { cpu: 2, memory: 7 * 2 ** 30, gpu: 0 }
const scratch = mkdtempSync(join(tmpdir(), 'h2-templates-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
// Repository roots: one without a templates folder (built-ins only), one with.
const bare = join(scratch, 'bare')
const root = join(scratch, 'repo')

function load(text: string, options: LoadOptions = {}, file = 'request.yml'): ExecutionRequest {
  const loaded = loadDefinitionText(text, file, { capacity: CAPACITY, root: bare, ...options })
  if (!loaded.ok) throw new Error(loaded.error.map(formatDiagnostic).join('\n'))
  return loaded.value
}

function problems(text: string, options: LoadOptions = {}): string[] {
  const loaded = loadDefinitionText(text, 'request.yml', { capacity: CAPACITY, root: bare, ...options })
  return loaded.ok ? [] : loaded.error.map(formatDiagnostic)
}

const step = (request: ExecutionRequest, id: string) => {
  const found = request.workflow.steps.find((s) => s.id === id)
  if (!found) throw new Error(`no step ${id} in ${request.workflow.steps.map((s) => s.id).join(', ')}`)
  return found
}

describe('built-in templates', () => {
  it.each(Object.keys(BUILTIN_TEMPLATES))('%s validates with its defaults', (name) => {
    const parameters = name === 'ci-cd-pipeline' ? { repository: 'demo' } : {}
    const request = load(JSON.stringify({ template: name, parameters }), {}, 'request.json')
    expect(request.workflow.steps.length).toBeGreaterThanOrEqual(4)
    for (const s of request.workflow.steps) expect(s.command).not.toMatch(/matrix\./)
  })

  it('expands the seed request into one test step per suite and one deploy per environment', () => {
    const request = load(
      JSON.stringify({
        template: 'ci-cd-pipeline',
        parameters: { repository: 'my-app', branch: 'main', environments: ['staging', 'production'], testSuites: ['unit', 'integration', 'e2e'] },
      }),
      {},
      'request.json'
    )
    const ids = request.workflow.steps.map((s) => s.id)
    expect(ids).toEqual(['checkout', 'build', 'test_unit', 'test_integration', 'test_e2e', 'security_scan', 'deploy_staging', 'deploy_production', 'smoke_test_staging', 'smoke_test_production', 'report'])
    expect(request.workflow.name).toBe('CI/CD pipeline: my-app@main')
    expect(step(request, 'deploy_production').name).toBe('Deploy to production')
    // Parameters stay expressions for the engine (passed through environment variables, never pasted into shell text).
    expect(step(request, 'checkout').command).toContain('${{ parameters.repository }}')
    // A matrix value becomes a literal inside the expression, for the same safe substitution.
    expect(step(request, 'deploy_staging').command).toContain("${{ 'staging' }}")
    expect(step(request, 'deploy_staging').condition?.source).toBe('on_success(test_unit, test_integration, test_e2e, security_scan)')
    const into = (id: string) => request.workflow.dependencies.filter((d) => d.to === id && !d.implicit).map((d) => d.from)
    expect(into('deploy_staging')).toEqual(['test_unit', 'test_integration', 'test_e2e', 'security_scan'])
    // Two matrix steps over the same name pair up value by value.
    expect(into('smoke_test_production')).toEqual(['deploy_production'])
    expect(request.parameters).toMatchObject({ repository: 'my-app', testSuites: ['unit', 'integration', 'e2e'] })
  })

  it('lets --param override the request and fill in defaults', () => {
    const request = load('template: ci-cd-pipeline\nparameters:\n  repository: app\n', { parameters: { environments: ['qa'], branch: 42 } })
    expect(request.workflow.steps.map((s) => s.id)).toContain('deploy_qa')
    expect(request.workflow.steps.map((s) => s.id)).not.toContain('deploy_staging')
    // A string parameter takes `--param branch=42` (read as JSON) as text.
    expect(request.parameters.branch).toBe('42')
    expect(request.parameters.testSuites).toEqual(['unit', 'integration'])
  })

  it('reports a wrong --param type at the request parameters key, naming the parameter', () => {
    expect(problems('template: etl-pipeline\nparameters:\n  source: x\n', { parameters: { rows: 'many' } })).toEqual([
      "request.yml:2:1: error: parameter 'rows' must be a number, got string \"many\" (from --param)",
    ])
  })

  it('reports a missing required parameter at the template key when the request has no parameters', () => {
    expect(problems('# no parameters\ntemplate: ci-cd-pipeline\n')).toEqual([
      "request.yml:2:1: error: missing required parameter 'repository' (string) of template 'ci-cd-pipeline'",
    ])
  })
})

describe('templates folder', () => {
  const dir = join(root, '.github', 'task-orchestrator', 'templates')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'greet.yml'),
    [
      'parameters:',
      '  who: { type: string, default: world }',
      '  times: { type: number, default: 2 }',
      '  langs: { type: array, default: [en, fr] }',
      'steps:',
      '  - id: say',
      '    name: Say hello to ${{ parameters.who }} in ${{ matrix.lang }}',
      '    matrix: { lang: "${{ parameters.langs }}" }',
      '    command: echo hello ${{ parameters.who }} ${{ matrix.lang }}',
      '    timeout: ${{ parameters.times }}',
      '    environment: { LANG_CODE: "${{ matrix.lang }}" }',
      '  - id: done',
      '    command: echo done',
      '    condition: on_success(say)',
      'dependencies:',
      '  - { from: say, to: done }',
      '',
    ].join('\n')
  )
  writeFileSync(join(dir, 'ci-cd-pipeline.yml'), 'steps:\n  - id: local_override\n    command: echo mine\n')

  it('finds <name>.yml in .github/task-orchestrator/templates under the root', () => {
    const request = load('template: greet\nparameters: { who: Ada }\n', { root })
    expect(request.workflow.steps.map((s) => s.id)).toEqual(['say_en', 'say_fr', 'done'])
    const say = step(request, 'say_fr')
    expect(say.name).toBe('Say hello to Ada in fr')
    expect(say.command).toBe("echo hello ${{ parameters.who }} ${{ 'fr' }}")
    expect(say.environment).toEqual({ LANG_CODE: "${{ 'fr' }}" })
    // A value that is one whole `${{ }}` keeps its type.
    expect(say.timeout).toBe(2)
    expect(step(request, 'done').condition?.source).toBe('on_success(say_en, say_fr)')
  })

  it('prefers a folder template over the built-in of the same name', () => {
    expect(load('template: ci-cd-pipeline\n', { root }).workflow.steps.map((s) => s.id)).toEqual(['local_override'])
  })

  it('searches the given folders instead when templatesDirs is set', () => {
    const other = join(root, 'other')
    mkdirSync(other, { recursive: true })
    writeFileSync(join(other, 'solo.yaml'), 'steps:\n  - id: solo\n    command: echo solo\n')
    expect(load('template: solo\n', { templatesDirs: [other] }).workflow.steps.map((s) => s.id)).toEqual(['solo'])
    expect(load('template: ci-cd-pipeline\nparameters: { repository: x }\n', { templatesDirs: [other] }).workflow.steps.length).toBeGreaterThan(5)
  })

  it('locates a problem inside a folder template in that file', () => {
    writeFileSync(join(dir, 'broken.yml'), 'steps:\n  - id: a\n    command: echo\n    timeout: soon\n')
    expect(problems('template: broken\n', { root })).toEqual([`${join(dir, 'broken.yml')}:4:14: error: step 'a': timeout must be an integer (got "soon")`])
  })

  it('refuses a template name that could leave the templates folder', () => {
    expect(problems('template: ../secrets\n')[0]).toContain("template \"../secrets\" must be a template name")
  })
})

describe('parameters and matrix in any workflow', () => {
  it('expands a literal matrix and applies workflow.resources to each expansion', () => {
    const request = load(
      [
        'steps:',
        '  - id: build',
        '    matrix: { node: [18, 20] }',
        '    command: echo node ${{ matrix.node }}',
        '  - id: test',
        '    matrix: { node: [18, 20] }',
        '    command: echo test',
        'dependencies:',
        '  - { from: build, to: test }',
        'resources:',
        '  build: { cpu: 1 }',
        '',
      ].join('\n')
    )
    expect(request.workflow.steps.map((s) => s.id)).toEqual(['build_18', 'build_20', 'test_18', 'test_20'])
    expect(step(request, 'build_20').command).toBe('echo node ${{ 20 }}')
    expect(step(request, 'build_18').resources.cpu).toBe(1)
    expect(request.workflow.dependencies.map((d) => `${d.from}->${d.to}`)).toEqual(['build_18->test_18', 'build_20->test_20'])
  })

  it('locates a problem in an expanded step at the step as written', () => {
    const found = problems('steps:\n  - id: a\n    command: echo a\n  - id: b\n    matrix: { v: [x, y] }\n    command: echo b\n    retries: -1\n')
    // Each expansion is checked; both point at the one place to fix.
    expect(found).toEqual(["request.yml:7:14: error: step 'b_x': retries must be >= 0 (got -1)", "request.yml:7:14: error: step 'b_y': retries must be >= 0 (got -1)"])
  })

  it('refuses expressions other than parameters and matrix where nothing evaluates them later', () => {
    expect(problems('steps:\n  - id: a\n    name: ${{ steps.x.outputs.y }}\n    command: echo\n')[0]).toContain("unknown name 'steps'")
  })
})
