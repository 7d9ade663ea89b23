/**
 * Alerts (SPEC §9) in the action: each fired alert is logged at once and becomes an annotation of its
 * severity at the alert's place in the definition file, ranked with the run's other annotations.
 */
import * as core from '@actions/core'
import type { FiredAlert } from '../notify/fired-alert.js'
import type { PlannedAnnotation } from '../report/annotations.js'

/** More could never be shown (10 per level); the log has every one. */
const KEPT = 100

/** Logs fired alerts and keeps them as annotations. */
export class AlertAnnotations {
  readonly #definitionLabel: string | undefined
  readonly #kept: PlannedAnnotation[] = []

  constructor(definitionLabel: string | undefined) {
    this.#definitionLabel = definitionLabel
  }

  add(alert: FiredAlert): void {
    core.info(`alert (${alert.severity})${alert.stepId !== undefined ? ` [${alert.stepId}]` : ''}: ${alert.message}`)
    if (this.#kept.length >= KEPT) return
    const where =
      this.#definitionLabel !== undefined
        ? { file: this.#definitionLabel, startLine: alert.location.line, endLine: alert.location.line, startColumn: alert.location.column }
        : {}
    this.#kept.push({
      level: alert.severity === 'info' ? 'notice' : alert.severity,
      title: alert.stepId !== undefined ? `Alert: step ${alert.stepId}` : 'Alert',
      message: alert.message,
      ...(alert.stepId !== undefined ? { stepId: alert.stepId } : {}),
      ...where,
    })
  }

  get annotations(): readonly PlannedAnnotation[] {
    return this.#kept
  }
}
