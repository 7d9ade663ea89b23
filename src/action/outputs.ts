/**
 * The action's outputs (SPEC §12): `result`, `status`, `success`, `workflow-id`, `failed-steps`,
 * `duration`, and `<step-id>-<output-name>` for every output a step wrote to $TASK_OUTPUT.
 */
import * as core from '@actions/core'
import type { WorkflowResult } from '../report/result.js'

export type OutputSetter = (name: string, value: string) => void

/** Sets every output of a finished run. */
export function setRunOutputs(result: WorkflowResult, setOutput: OutputSetter = (n, v) => core.setOutput(n, v)): void {
  setOutput('result', JSON.stringify(result))
  setOutput('status', result.status)
  setOutput('success', String(result.success))
  setOutput('workflow-id', result.workflowId)
  setOutput('failed-steps', JSON.stringify(result.steps.filter((s) => s.status === 'failed').map((s) => s.id)))
  setOutput('duration', String(result.metrics.totalDuration))
  for (const step of result.steps) {
    for (const [name, value] of Object.entries(step.outputs)) setOutput(`${step.id}-${name}`, value)
  }
}
