/**
 * The semantics of SPEC §2–§4 on real processes, loaded from real definitions: every dependency kind,
 * condition forms, skip propagation, parallel:false and resource requests. Each step appends
 * `start|end <id> <ns>` to a trace file, so order is read from the processes themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDefinitionText } from '../../src/definition/load.js'
import { startWorkflow } from '../../src/engine/run-workflow.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'semantics-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let counter = 0
async function runYaml(yaml: string, concurrency = 4) {
  const trace = join(dir, `trace-${++counter}`)
  const loaded = loadDefinitionText(yaml.replaceAll('TRACE', trace), join(dir, 'wf.yml'), { root: dir })
  if (!loaded.ok) throw new Error(loaded.error.map((d) => `${d.location.line}:${d.location.column} ${d.message}`).join('\n'))
  const result = await startWorkflow(loaded.value, { workflowId: `wf-${counter}`, concurrency, listeners: [] }).done
  let lines: string[] = []
  try {
    lines = readFileSync(trace, 'utf8').trim().split('\n')
  } catch {
    lines = []
  }
  const at = (kind: 'start' | 'end', id: string): number => {
    const line = lines.find((l) => l.startsWith(`${kind} ${id} `))
    if (!line) throw new Error(`no ${kind} of ${id} in trace`)
    return Number(BigInt(line.split(' ')[2] as string) / 1_000_000n)
  }
  const status = (id: string) => result.steps.find((s) => s.id === id)?.status
  const reason = (id: string) => result.steps.find((s) => s.id === id)?.reason
  return { result, at, status, reason, lines }
}

/** A step body that records its start and end around `sleep`. */
/**
 * How much earlier than a step's own first timestamp the orchestrator may have started it: the time to
 * start bash and run `date`, tens of ms when the machine is busy. The gaps asserted are 400 ms and more.
 */
const SHELL_START_MARGIN_MS = 100

const body = (id: string, seconds: number, exit = 0) =>
  `echo "start ${id} $(date +%s%N)" >> TRACE; sleep ${seconds}; echo "end ${id} $(date +%s%N)" >> TRACE; exit ${exit}`

describe('dependency kinds on real processes', () => {
  it('finish_to_start and start_to_start', async () => {
    const { at } = await runYaml(`
steps:
  - { id: a, command: '${body('a', 0.4)}' }
  - { id: fs, command: '${body('fs', 0)}' }
  - { id: ss, command: '${body('ss', 0)}' }
dependencies:
  - { from: a, to: fs }
  - { from: a, to: ss, type: start_to_start }
`)
    expect(at('start', 'fs')).toBeGreaterThanOrEqual(at('end', 'a'))
    expect(at('start', 'ss')).toBeLessThan(at('end', 'a')) // did not wait for a to finish
    // A step's own first timestamp comes a shell start after the orchestrator started it: ms on a busy machine.
    expect(at('start', 'ss')).toBeGreaterThanOrEqual(at('start', 'a') - SHELL_START_MARGIN_MS)
  })

  it('finish_to_finish and start_to_finish hold only the reported end', async () => {
    const { result, at } = await runYaml(`
steps:
  - { id: a, command: '${body('a', 0.6)}' }
  - { id: ff, command: '${body('ff', 0)}' }
  - { id: gate, command: '${body('gate', 0.4)}' }
  - { id: b, command: '${body('b', 0)}' }
  - { id: sf, command: '${body('sf', 0)}' }
dependencies:
  - { from: a, to: ff, type: finish_to_finish }
  - { from: gate, to: b }
  - { from: b, to: sf, type: start_to_finish }
`)
    const ff = result.steps.find((s) => s.id === 'ff')
    const sf = result.steps.find((s) => s.id === 'sf')
    expect(at('end', 'ff')).toBeLessThan(at('end', 'a')) // the process ran early…
    expect(Date.parse(ff?.endTime ?? '')).toBeGreaterThanOrEqual(at('end', 'a') - 5) // …its end was held
    expect(at('end', 'sf')).toBeLessThan(at('start', 'b'))
    // b starts 0.4 s in (after gate); sf's own process ended at once, so only a held end gets this late.
    expect(Date.parse(sf?.endTime ?? '')).toBeGreaterThanOrEqual(at('start', 'b') - SHELL_START_MARGIN_MS)
    expect(result.status).toBe('completed')
  })
})

describe('conditions and skips on real processes', () => {
  it('seed forms and GitHub expressions decide, skips propagate with reasons', async () => {
    const { status, reason, result } = await runYaml(`
context: { environment: production }
steps:
  - { id: build, command: 'echo "version=1.2.3" >> "$TASK_OUTPUT"' }
  - { id: test, command: 'exit 1' }
  - { id: deploy, command: 'true', condition: "on_success(test) && context.environment == 'production'" }
  - { id: after_deploy, command: 'true' }
  - { id: notify, command: 'true', condition: on_failure(test) }
  - { id: tag, command: 'true', condition: "\${{ steps.build.outputs.version == '1.2.3' }}" }
  - { id: report, command: 'true', condition: always() }
  - { id: never_runs, command: 'true', condition: never }
dependencies:
  - { from: build, to: test }
  - { from: deploy, to: after_deploy }
  - { from: test, to: report }
`)
    expect(status('deploy')).toBe('skipped')
    expect(reason('deploy')).toMatch(/on_success\(test\)/)
    expect(status('after_deploy')).toBe('skipped')
    expect(reason('after_deploy')).toMatch(/deploy skipped/)
    expect(status('notify')).toBe('completed')
    expect(status('tag')).toBe('completed')
    expect(status('report')).toBe('completed')
    expect(status('never_runs')).toBe('skipped')
    expect(result.status).toBe('failed') // an on_failure handler does not make the failure go away
  })
})

describe('exclusivity and resources on real processes', () => {
  it('a parallel:false step runs alone', async () => {
    const { at } = await runYaml(`
steps:
  - { id: a, command: '${body('a', 0.3)}' }
  - { id: solo, command: '${body('solo', 0.3)}', parallel: false }
  - { id: b, command: '${body('b', 0.3)}' }
  - { id: c, command: '${body('c', 0.3)}' }
`)
    for (const other of ['a', 'b', 'c']) {
      const overlaps = at('start', other) < at('end', 'solo') && at('end', other) > at('start', 'solo')
      expect(overlaps).toBe(false)
    }
  })

  it('requests that do not fit the free capacity wait', async () => {
    const { at } = await runYaml(`
resources: { limits: { cpu: 2, memory: 1Gi } }
steps:
  - { id: big1, command: '${body('big1', 0.3)}', resources: { memory: 768Mi } }
  - { id: big2, command: '${body('big2', 0.3)}', resources: { memory: 768Mi } }
  - { id: small, command: '${body('small', 0)}', resources: { cpu: 500m, memory: 128Mi } }
`)
    const [first, second] = at('start', 'big1') < at('start', 'big2') ? ['big1', 'big2'] : ['big2', 'big1']
    expect(at('start', second as string)).toBeGreaterThanOrEqual(at('end', first as string) - 5)
    expect(at('start', 'small')).toBeLessThan(at('end', first as string))
  })
})
