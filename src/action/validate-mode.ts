/**
 * `mode: validate`: check the definition without running anything — annotations and a failed step for
 * an invalid one; for a valid one, a summary of its plan (steps, critical path) and `status: valid`.
 */
import * as core from '@actions/core'
import { criticalPath } from '../plan/critical-path.js'
import { escapeHtml } from '../report/summary.js'
import { loadDefinition, reportInvalidDefinition } from './definition.js'
import type { ActionSettings } from './inputs.js'
import { writeJobSummary } from './job-summary.js'

/** Loads and validates the definition; reports it either way and fails the step when it is invalid. */
export async function runValidate(settings: ActionSettings): Promise<void> {
  core.setOutput('workflow-id', settings.workflowId)
  const loaded = await loadDefinition(settings)
  if (!loaded.ok) {
    core.setOutput('status', 'invalid')
    core.setOutput('success', 'false')
    await reportInvalidDefinition(loaded.error, settings)
    core.setFailed(`Invalid workflow definition: ${loaded.error.filter((d) => d.severity === 'error').length} error(s)`)
    return
  }
  const workflow = loaded.value.workflow
  const path = criticalPath(workflow)
  core.setOutput('status', 'valid')
  core.setOutput('success', 'true')
  core.info(`✅ ${workflow.name} is valid: ${workflow.steps.length} steps, ${workflow.dependencies.length} dependencies`)
  if (!settings.summary) return
  await writeJobSummary(
    [
      `## ✅ ${escapeHtml(workflow.name)} is valid`,
      '',
      `${workflow.steps.length} steps, ${workflow.dependencies.length} dependencies.`,
      '',
      path.steps.length > 0 ? `**Critical path**: ${path.steps.slice(0, 100).map((s) => `\`${escapeHtml(s)}\``).join(' → ')}` : '',
      '',
    ].join('\n'),
  )
}
