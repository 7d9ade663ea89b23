/**
 * The three top-level shapes become one model with every default of the SPEC applied, and the stored
 * definition loads back into the same model (what `restart` relies on).
 */
import { describe, expect, it } from '@jest/globals'
import { loadDefinitionText } from '../../src/definition/load.js'
import type { LoadOptions } from '../../src/definition/load.js'
import type { ExecutionRequest } from '../../src/definition/model.js'
import { formatDiagnostic } from '../../src/definition/diagnostics.js'

const CAPACITY = { cpu: 4, memory: 8 * 2 ** 30, gpu: 0 }

function load(text: string, file = 'wf.yml', options: LoadOptions = {}): ExecutionRequest {
  const loaded = loadDefinitionText(text, file, { capacity: CAPACITY, root: '/repo', ...options })
  if (!loaded.ok) throw new Error(loaded.error.map(formatDiagnostic).join('\n'))
  return loaded.value
}

function problems(text: string, file = 'wf.yml'): string[] {
  const loaded = loadDefinitionText(text, file, { capacity: CAPACITY, root: '/repo' })
  return loaded.ok ? [] : loaded.error.map(formatDiagnostic)
}

describe('shapes', () => {
  it('reads an execution request, a bare workflow and its lifted keys into the same model', () => {
    const request = load('workflow:\n  steps: [{id: a, command: echo}]\ncontext: {env: prod}\ndebug: {enabled: true}\n')
    const bare = load('steps: [{id: a, command: echo}]\ncontext: {env: prod}\ndebug: {enabled: true}\n')
    const located = (r: ExecutionRequest) => r.workflow.steps.map((s) => ({ ...s, location: s.location.line }))
    expect(located(bare)).toEqual(located(request).map((s) => ({ ...s, location: 1 })))
    expect(bare.workflow.name).toBe(request.workflow.name)
    expect(bare.context).toEqual({ env: 'prod' })
    expect(bare.debug.enabled).toBe(true)
  })

  it('reads a bare `resources` of limits/requests/autoScaling as the request-level one, anything else as the per-step map', () => {
    const requestLevel = load('steps: [{id: a, command: echo}]\nresources: {limits: {cpu: 2}, requests: {cpu: "500m"}}\n')
    expect(requestLevel.resources.limits).toEqual({ cpu: 2, memory: CAPACITY.memory, gpu: 0 })
    expect(requestLevel.workflow.steps[0]?.resources).toEqual({ cpu: 0.5, memory: 0, gpu: 0 })
    const perStep = load('steps: [{id: a, command: echo}]\nresources: {a: {memory: 1Gi}}\n')
    expect(perStep.resources.limits).toBeUndefined()
    expect(perStep.workflow.steps[0]?.resources).toEqual({ cpu: 0, memory: 2 ** 30, gpu: 0 })
  })

  it('accepts $schema and x-* keys anywhere, and anything under context', () => {
    const request = load('$schema: ./workflow.schema.json\nx-owner: team\nsteps:\n  - {id: a, command: echo, x-note: hi}\ncontext: {anything: {goes: [1]}}\n')
    expect(request.context).toEqual({ anything: { goes: [1] } })
  })

  it('merges --context over the file context shallowly, the command line winning', () => {
    const request = load('steps: [{id: a, command: echo}]\ncontext: {env: dev, region: eu}\n', 'wf.yml', { context: { env: 'prod' } })
    expect(request.context).toEqual({ env: 'prod', region: 'eu' })
  })

  it('keeps a __proto__ key of the context as data without touching any prototype', () => {
    const request = load('steps: [{id: a, command: echo}]\ncontext: {__proto__: {polluted: true}}\n', 'wf.yml', { context: JSON.parse('{"__proto__": {"alsoPolluted": true}}') as Record<string, unknown> })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).alsoPolluted).toBeUndefined()
    expect(Object.getPrototypeOf(request.context)).toBe(Object.prototype)
    expect(JSON.stringify(request.context)).toBe('{"__proto__":{"alsoPolluted":true}}')
  })
})

describe('defaults', () => {
  const request = load(
    [
      'workflow:',
      '  killGracePeriod: 2000',
      '  steps:',
      '    - { id: a, command: echo a }',
      '    - { id: b, name: Bee, command: echo b, retries: 1, retryDelay: 50, killGracePeriod: 100, parallel: false, shell: sh }',
      '    - { id: c, command: "echo ${{ steps.a.outputs.x }}", condition: "on_success(b) && steps.a.outputs.x == 1" }',
      '  dependencies:',
      '    - { from: a, to: c, type: start_to_start }',
      '  mode: sequential',
      'errorHandling: { retryPolicy: { maxRetries: 4 } }',
      'resources: { requests: { cpu: 1 } }',
      'notifications:',
      '  webhooks: [{ url: "https://example.com/hook" }]',
      '  alerts: [{ condition: "step.duration > 10", message: slow }]',
      '',
    ].join('\n'),
    'ci/pipeline.yml'
  )
  const [a, b, c] = request.workflow.steps

  it('applies step defaults: name, shell, retries from the retry policy, delays, grace periods, requests', () => {
    expect(a).toMatchObject({ name: 'a', shell: 'bash', retries: 4, retryDelay: 1000, killGracePeriod: 2000, exclusive: false, continueOnError: false, index: 0 })
    expect(a?.resources).toEqual({ cpu: 1, memory: 0, gpu: 0 })
    expect(b).toMatchObject({ name: 'Bee', shell: 'sh', retries: 1, retryDelay: 50, killGracePeriod: 100, exclusive: true })
    expect(c?.location).toEqual({ file: 'ci/pipeline.yml', line: 6, column: 7 })
  })

  it('applies request defaults', () => {
    expect(request.workflow.name).toBe('pipeline')
    expect(request.workflow.sequential).toBe(true)
    expect(request.errorHandling).toEqual({ retryPolicy: { maxRetries: 4, backoffMultiplier: 1, maxDelay: 300000 }, rollbackStrategy: 'none' })
    expect(request.notifications.webhooks).toEqual([{ url: 'https://example.com/hook', events: ['start', 'completion', 'failure'], headers: {} }])
    expect(request.notifications.alerts[0]).toMatchObject({ severity: 'warning', message: 'slow', condition: { source: 'step.duration > 10' } })
    expect(request.debug).toEqual({ enabled: false, logLevel: 'info', captureOutputs: false, traceDependencies: false })
    expect(request.source).toEqual({ file: 'ci/pipeline.yml', root: '/repo' })
  })

  it('appends implicit dependencies from conditions and ${{ steps.* }}, skipping pairs an explicit edge already orders', () => {
    expect(request.workflow.dependencies.map((d) => `${d.from}->${d.to} ${d.type} ${d.condition} ${d.implicit}`)).toEqual([
      'a->c start_to_start success false',
      'b->c finish_to_start always true',
    ])
  })
})

describe('restart', () => {
  it('loads the stored definition back into the same model', () => {
    const first = load('template: etl-pipeline\nparameters: { rows: 5 }\n', 'req.yml', { context: { run: 1 } })
    const again = loadDefinitionText(JSON.stringify(first.definition), 'req.yml', { capacity: CAPACITY, root: '/repo' })
    if (!again.ok) throw new Error(again.error.map(formatDiagnostic).join('\n'))
    const withoutLocations = (r: ExecutionRequest) => ({
      ...r,
      definition: null,
      workflow: { ...r.workflow, steps: r.workflow.steps.map((s) => ({ ...s, location: null })), dependencies: r.workflow.dependencies.map((d) => ({ ...d, location: null })) },
    })
    expect(withoutLocations(again.value)).toEqual(withoutLocations(first))
    expect(again.value.context).toEqual({ run: 1 })
  })
})

describe('capacity', () => {
  it('takes context.resources as the capacity when resources.limits is absent', () => {
    expect(problems('steps: [{id: a, command: echo, resources: {memory: 5Gi}}]\ncontext: {resources: {memory: 4Gi}}\n')).toEqual([
      "wf.yml:1:43: error: step 'a' requests more than the whole capacity (context.resources), so it could never start: memory 5Gi > 4Gi",
    ])
  })

  it('lets resources.limits raise the capacity beyond the machine', () => {
    expect(problems('workflow:\n  steps: [{id: a, command: echo, resources: {cpu: 16}}]\nresources: {limits: {cpu: 32}}\n')).toEqual([])
  })
})
