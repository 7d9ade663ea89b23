/**
 * Which annotations a run produces and which of them fit GitHub's limits (10 errors, 10 warnings and
 * 10 notices per job step, 50 per job): a failed step or an invalid definition is annotated at its line
 * in the definition file, a step's own `::error file=…,line=…::` keeps its own place, and when there are
 * more than fit, the most important are kept and the last slot says how many were left out.
 */
import type { Diagnostic, SourceLocation } from '../definition/diagnostics.js'
import type { EngineEvent, EngineListener } from '../engine/events.js'
import type { WorkflowResult } from './result.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface PlannedAnnotation {
  readonly level: AnnotationLevel
  readonly message: string
  readonly title?: string
  readonly file?: string
  readonly startLine?: number
  readonly endLine?: number
  readonly startColumn?: number
  readonly endColumn?: number
  /** The step it is about, if any. */
  readonly stepId?: string
}

/** A `::error/::warning/::notice` line a step printed, as the engine reported it. */
export interface StepAnnotation {
  readonly stepId: string
  readonly level: AnnotationLevel
  readonly message: string
  readonly properties: Readonly<Record<string, string>>
}

/** What annotating needs to know of each step of the definition. */
export interface AnnotatedStep {
  readonly id: string
  readonly location: SourceLocation
  readonly continueOnError: boolean
}

export interface AnnotationLimits {
  readonly perLevel: number
  readonly total: number
}

/** GitHub's limits for one job step (toolkit docs/problem-matchers.md). */
export const GITHUB_ANNOTATION_LIMITS: AnnotationLimits = { perLevel: 10, total: 50 }

/** Keeps at most this many of a step's own annotations per level: more could never be shown. */
const KEPT_PER_LEVEL = 200

/** Collects the annotations steps print, bounded in memory. */
export class StepAnnotationCollector implements EngineListener {
  readonly #kept: StepAnnotation[] = []
  readonly #seen = new Set<string>()
  readonly #counts: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 }

  onEvent(event: EngineEvent): void {
    if (event.type !== 'step_annotation') return
    // Each attempt of a retried step prints the same lines again: one annotation is enough.
    const key = JSON.stringify([event.stepId, event.level, event.message, event.properties])
    if (this.#seen.has(key) || this.#counts[event.level] >= KEPT_PER_LEVEL) return
    this.#seen.add(key)
    this.#counts[event.level] += 1
    this.#kept.push({ stepId: event.stepId, level: event.level, message: event.message, properties: event.properties })
  }

  get annotations(): readonly StepAnnotation[] {
    return this.#kept
  }
}

export interface RunAnnotationInput {
  readonly result: WorkflowResult
  readonly steps: readonly AnnotatedStep[]
  readonly stepAnnotations: readonly StepAnnotation[]
  /** The definition file as annotations name it (relative to the repository root); absent for inline definitions. */
  readonly definitionFile?: string
}

/** Every annotation of a finished run, most important first. */
export function runAnnotations(input: RunAnnotationInput): PlannedAnnotation[] {
  const { result, definitionFile } = input
  const byId = new Map(input.steps.map((s) => [s.id, s]))
  const at = (stepId: string): Partial<PlannedAnnotation> => {
    const location = byId.get(stepId)?.location
    if (!location || definitionFile === undefined) return {}
    return { file: definitionFile, startLine: location.line, endLine: location.line, startColumn: location.column }
  }
  const failedHard: PlannedAnnotation[] = []
  const failedSoft: PlannedAnnotation[] = []
  const rollbacks: PlannedAnnotation[] = []
  for (const step of result.steps) {
    if (step.status === 'failed') {
      const soft = byId.get(step.id)?.continueOnError === true
      const annotation: PlannedAnnotation = {
        level: soft ? 'warning' : 'error',
        title: soft ? `Step ${step.id} failed (continueOnError)` : `Step ${step.id} failed`,
        message: step.error ?? 'failed',
        stepId: step.id,
        ...at(step.id),
      }
      ;(soft ? failedSoft : failedHard).push(annotation)
    }
    if (step.rollback?.status === 'failed') {
      rollbacks.push({ level: 'warning', title: `Rollback of ${step.id} failed`, message: step.rollback.error ?? 'rollback failed', stepId: step.id, ...at(step.id) })
    }
  }
  const workflowError: PlannedAnnotation[] =
    failedHard.length === 0 && result.status === 'failed' && result.error
      ? [{ level: 'error', title: `Workflow ${result.name} failed`, message: result.error, ...(definitionFile !== undefined ? { file: definitionFile } : {}) }]
      : []
  // A step's own lines rank above those of steps that did not fail: they most likely say why.
  const failedIds = new Set(result.steps.filter((s) => s.status === 'failed').map((s) => s.id))
  const own = [...input.stepAnnotations].sort((a, b) => Number(failedIds.has(b.stepId)) - Number(failedIds.has(a.stepId))).map(fromStepAnnotation)
  const level = (l: AnnotationLevel): PlannedAnnotation[] => own.filter((a) => a.level === l)
  return [...failedHard, ...workflowError, ...level('error'), ...failedSoft, ...rollbacks, ...level('warning'), ...level('notice')]
}

function fromStepAnnotation(annotation: StepAnnotation): PlannedAnnotation {
  const p = annotation.properties
  const number = (key: string): number | undefined => {
    const value = p[key]
    if (value === undefined) return undefined
    const n = Number.parseInt(value, 10)
    return Number.isFinite(n) && n > 0 ? n : undefined
  }
  const fields: Record<string, string | number | undefined> = {
    title: p['title'] ?? `Step ${annotation.stepId}`,
    file: p['file'],
    startLine: number('line'),
    endLine: number('endLine'),
    startColumn: number('col'),
    endColumn: number('endColumn'),
  }
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  return { level: annotation.level, message: annotation.message, stepId: annotation.stepId, ...defined }
}

/** Validation diagnostics as annotations at their place in the file; errors first. */
export function diagnosticAnnotations(diagnostics: readonly Diagnostic[], toRepoPath: (file: string) => string = (f) => f): PlannedAnnotation[] {
  const sorted = [...diagnostics].sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'))
  return sorted.map((d) => ({
    level: d.severity,
    title: 'Invalid workflow definition',
    message: d.message,
    file: toRepoPath(d.location.file),
    startLine: d.location.line,
    endLine: d.location.line,
    startColumn: d.location.column,
  }))
}

/**
 * The annotations that fit, in the given (importance) order. When a level overflows, its last slot is
 * spent on a note saying how many were left out, so a reader knows to look at the summary.
 */
export function limitAnnotations(ranked: readonly PlannedAnnotation[], limits: AnnotationLimits = GITHUB_ANNOTATION_LIMITS): PlannedAnnotation[] {
  const kept: PlannedAnnotation[] = []
  const levels: readonly AnnotationLevel[] = ['error', 'warning', 'notice']
  for (const level of levels) {
    const all = ranked.filter((a) => a.level === level)
    const room = Math.min(limits.perLevel, limits.total - kept.length)
    if (room <= 0) continue
    if (all.length <= room) {
      kept.push(...all)
      continue
    }
    const shown = all.slice(0, room - 1)
    const left = all.length - shown.length
    kept.push(...shown, { level, title: `${left} more ${level}s`, message: `${left} more ${level} annotations are not shown (GitHub shows ${limits.perLevel} per step); see the job summary and the log.` })
  }
  return kept
}

export interface CheckRunAnnotation {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
}

/**
 * Check-run annotations need a file and a line: one without them is placed at the definition file's
 * first line, or dropped without a definition file.
 */
export function toCheckRunAnnotations(annotations: readonly PlannedAnnotation[], definitionFile?: string): CheckRunAnnotation[] {
  const out: CheckRunAnnotation[] = []
  for (const a of annotations) {
    const path = a.file ?? definitionFile
    if (path === undefined) continue
    const start = a.file !== undefined ? (a.startLine ?? 1) : 1
    const end = Math.max(start, a.endLine ?? start)
    const columns = start === end && a.startColumn !== undefined ? { start_column: a.startColumn, end_column: Math.max(a.startColumn, a.endColumn ?? a.startColumn) } : {}
    out.push({
      path,
      start_line: start,
      end_line: end,
      ...columns,
      annotation_level: a.level === 'error' ? 'failure' : a.level,
      message: a.message.slice(0, 64 * 1024),
      ...(a.title !== undefined ? { title: a.title.slice(0, 255) } : {}),
    })
  }
  return out
}
