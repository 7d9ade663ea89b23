/**
 * Loading the definition the inputs name, and reporting it when it is invalid: every diagnostic as an
 * annotation at its file, line and column (within GitHub's limits), a job summary listing them all.
 */
import type { Diagnostic } from '../definition/diagnostics.js'
import { loadDefinitionFile, loadDefinitionText } from '../definition/load.js'
import type { LoadOptions } from '../definition/load.js'
import type { ExecutionRequest } from '../definition/model.js'
import { diagnosticAnnotations, limitAnnotations } from '../report/annotations.js'
import { escapeHtml } from '../report/summary.js'
import type { Result } from '../util/result.js'
import { issueAnnotations } from './annotate.js'
import type { ActionSettings } from './inputs.js'
import { repoPath } from './inputs.js'
import { writeJobSummary } from './job-summary.js'

/** A label for an inline definition in messages (it has no file). */
export const INLINE_LABEL = '<workflow input>'

/** The loader's options from the inputs: root, templates folder, parameters and context. */
export function loadOptions(settings: ActionSettings): LoadOptions {
  return {
    root: settings.workspace,
    ...(settings.templatesDir !== undefined ? { templatesDirs: [settings.templatesDir] } : {}),
    ...(settings.parameters !== undefined ? { parameters: settings.parameters } : {}),
    ...(settings.context !== undefined ? { context: settings.context } : {}),
  }
}

/** Loads the file or inline definition the inputs name. */
export async function loadDefinition(settings: ActionSettings): Promise<Result<ExecutionRequest, Diagnostic[]>> {
  const options = loadOptions(settings)
  return settings.definition.kind === 'file'
    ? loadDefinitionFile(settings.definition.path, options)
    : loadDefinitionText(settings.definition.text, INLINE_LABEL, options)
}

/** Annotates and summarizes an invalid definition. */
export async function reportInvalidDefinition(diagnostics: readonly Diagnostic[], settings: ActionSettings): Promise<void> {
  const inline = settings.definition.kind === 'inline'
  const annotations = diagnosticAnnotations(diagnostics, (file) => repoPath(file, settings.workspace)).map((a) =>
    // An inline definition has no file in the repository to point at.
    inline && a.file === INLINE_LABEL ? { ...a, file: undefined, message: `line ${a.startLine ?? 0}, column ${a.startColumn ?? 0}: ${a.message}` } : a,
  )
  issueAnnotations(limitAnnotations(annotations))
  if (!settings.summary) return
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const lines = diagnostics.map(
    (d) => `<li><code>${escapeHtml(repoPath(d.location.file, settings.workspace))}:${d.location.line}:${d.location.column}</code> ${d.severity}: ${escapeHtml(d.message)}</li>`,
  )
  const shown = lines.slice(0, 2000)
  const more = lines.length > shown.length ? `<li><em>${lines.length - shown.length} more</em></li>` : ''
  await writeJobSummary(`## ❌ Invalid workflow definition: ${errors} error${errors === 1 ? '' : 's'}\n\nNothing ran.\n\n<ul>\n${shown.join('\n')}\n${more}</ul>\n`)
}
