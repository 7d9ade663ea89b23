/** Issues planned annotations as workflow commands, through the toolkit (which escapes them). */
import * as core from '@actions/core'
import type { PlannedAnnotation } from '../report/annotations.js'
import { unreachable } from '../util/unreachable.js'

/** Issues each annotation with its level, title and place. */
export function issueAnnotations(annotations: readonly PlannedAnnotation[]): void {
  for (const a of annotations) {
    const properties: core.AnnotationProperties = {
      ...(a.title !== undefined ? { title: a.title } : {}),
      ...(a.file !== undefined ? { file: a.file } : {}),
      ...(a.startLine !== undefined ? { startLine: a.startLine } : {}),
      ...(a.endLine !== undefined ? { endLine: a.endLine } : {}),
      ...(a.startColumn !== undefined ? { startColumn: a.startColumn } : {}),
      ...(a.endColumn !== undefined ? { endColumn: a.endColumn } : {}),
    }
    switch (a.level) {
      case 'error':
        core.error(a.message, properties)
        break
      case 'warning':
        core.warning(a.message, properties)
        break
      case 'notice':
        core.notice(a.message, properties)
        break
      default:
        unreachable(a.level)
    }
  }
}
