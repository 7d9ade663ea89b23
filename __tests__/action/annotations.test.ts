import { describe, expect, it } from '@jest/globals'
import { diagnosticAnnotations, limitAnnotations, runAnnotations, StepAnnotationCollector, toCheckRunAnnotations } from '../../src/report/annotations.js'
import type { StepAnnotation } from '../../src/report/annotations.js'
import { step, workflowResult } from './support/results.js'

const file = '.github/task-orchestrator.yml'
const steps = [
  { id: 'build', location: { file, line: 4, column: 5 }, continueOnError: false },
  { id: 'lint', location: { file, line: 8, column: 5 }, continueOnError: true },
  { id: 'test', location: { file, line: 12, column: 5 }, continueOnError: false },
]

describe('run annotations', () => {
  it('annotates a failed step at its line in the definition file, and a continueOnError failure as a warning', () => {
    const result = workflowResult([step('build', 'completed', 0, 1), step('lint', 'failed', 0, 1), step('test', 'failed', 1, 2, { error: 'exit code 3' })])
    const all = runAnnotations({ result, steps, stepAnnotations: [], definitionFile: file })
    expect(all[0]).toEqual({ level: 'error', title: 'Step test failed', message: 'exit code 3', stepId: 'test', file, startLine: 12, endLine: 12, startColumn: 5 })
    expect(all[1]).toMatchObject({ level: 'warning', title: 'Step lint failed (continueOnError)', startLine: 8 })
  })

  it("keeps a step's own ::error file and line, and ranks a failed step's own lines above others'", () => {
    const result = workflowResult([step('build', 'completed', 0, 1), step('test', 'failed', 1, 2)])
    const own: StepAnnotation[] = [
      { stepId: 'build', level: 'error', message: 'from build', properties: {} },
      { stepId: 'test', level: 'error', message: 'expected 2', properties: { file: 'src/a.test.ts', line: '31', col: '7', title: 'AssertionError' } },
    ]
    const all = runAnnotations({ result, steps, stepAnnotations: own, definitionFile: file })
    expect(all.map((a) => a.message)).toEqual(['exit code 1', 'expected 2', 'from build'])
    expect(all[1]).toEqual({ level: 'error', message: 'expected 2', stepId: 'test', title: 'AssertionError', file: 'src/a.test.ts', startLine: 31, startColumn: 7 })
    expect(all[2]).toMatchObject({ title: 'Step build' })
  })

  it('annotates a workflow-level failure (timeout) when no step failed', () => {
    const result = workflowResult([step('build', 'cancelled', 0, 5)], { status: 'failed', success: false, error: 'Workflow timed out after 5 ms' })
    expect(runAnnotations({ result, steps, stepAnnotations: [], definitionFile: file })).toEqual([
      { level: 'error', title: 'Workflow demo failed', message: 'Workflow timed out after 5 ms', file },
    ])
  })
})

describe("GitHub's annotation limits", () => {
  it('keeps at most 10 per level, most important first, and spends the last slot on a count of the rest', () => {
    const ranked = [
      ...Array.from({ length: 15 }, (_v, i) => ({ level: 'error' as const, message: `e${i}` })),
      ...Array.from({ length: 3 }, (_v, i) => ({ level: 'warning' as const, message: `w${i}` })),
      ...Array.from({ length: 12 }, (_v, i) => ({ level: 'notice' as const, message: `n${i}` })),
    ]
    const kept = limitAnnotations(ranked)
    const errors = kept.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(10)
    expect(errors.slice(0, 9).map((a) => a.message)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'])
    expect(errors[9]?.message).toMatch(/^6 more error annotations are not shown/)
    expect(kept.filter((a) => a.level === 'warning')).toHaveLength(3)
    expect(kept.filter((a) => a.level === 'notice').at(-1)?.message).toMatch(/^3 more notice/)
  })

  it('respects the per-job total', () => {
    const ranked = Array.from({ length: 30 }, (_v, i) => ({ level: (['error', 'warning', 'notice'] as const)[i % 3] ?? 'error', message: String(i) }))
    expect(limitAnnotations(ranked, { perLevel: 10, total: 15 })).toHaveLength(15)
  })
})

describe('validation diagnostics and check-run annotations', () => {
  it('puts each diagnostic at its file, line and column, errors first', () => {
    const out = diagnosticAnnotations(
      [
        { severity: 'warning', message: 'w', location: { file: '/repo/wf.yml', line: 2, column: 1 } },
        { severity: 'error', message: 'cycle a -> b -> a', location: { file: '/repo/wf.yml', line: 9, column: 3 } },
      ],
      (f) => f.replace('/repo/', ''),
    )
    expect(out[0]).toEqual({ level: 'error', title: 'Invalid workflow definition', message: 'cycle a -> b -> a', file: 'wf.yml', startLine: 9, endLine: 9, startColumn: 3 })
  })

  it('converts to check-run annotations, placing file-less ones on the definition file', () => {
    const out = toCheckRunAnnotations([{ level: 'error', message: 'boom', file: 'a.yml', startLine: 3, startColumn: 2 }, { level: 'notice', message: 'n' }], 'wf.yml')
    expect(out).toEqual([
      { path: 'a.yml', start_line: 3, end_line: 3, start_column: 2, end_column: 2, annotation_level: 'failure', message: 'boom' },
      { path: 'wf.yml', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'n' },
    ])
  })
})

describe('collecting step annotations', () => {
  it('keeps one annotation for a line every attempt of a retried step prints', () => {
    const collector = new StepAnnotationCollector()
    const line = { type: 'step_annotation' as const, time: 0, stepId: 't', level: 'error' as const, message: 'boom', properties: { file: 'a.ts', line: '3' } }
    collector.onEvent(line)
    collector.onEvent({ ...line, time: 5 })
    collector.onEvent({ ...line, message: 'other' })
    expect(collector.annotations.map((a) => a.message)).toEqual(['boom', 'other'])
  })
})
