/**
 * What one attempt of a step runs with: the command with every `${{ }}` turned into an environment
 * reference (so no value is ever parsed as shell syntax), the environment with its `${{ }}` values
 * filled, the working directory, and the TASK_* variables of SPEC §3.
 */
import type { ConditionContext } from '../definition/conditions.js'
import { conditionRootValues } from '../definition/conditions.js'
import type { ExecutionRequest, Step } from '../definition/model.js'
import { createTemplateEvaluator, substituteCommand, substituteText } from '../definition/substitution.js'
import type { TemplateEvaluator } from '../definition/substitution.js'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'

export interface StepInvocation {
  readonly command: string
  readonly env: Readonly<Record<string, string>>
  readonly workingDirectory?: string
}

export interface InvocationInputs {
  readonly request: ExecutionRequest
  readonly workflowId: string
  readonly attempt: number
  readonly outputFile: string
  /** The run's environment, snapshotted once (plain strings; reading process.env per key is slow). */
  readonly baseEnv: Readonly<Record<string, string>>
  readonly conditionContext: ConditionContext
}

const hasTemplate = (text: string | undefined): boolean => text !== undefined && text.includes('${{')

/** Fails (with a one-line reason) only when an expression cannot be evaluated, e.g. fromJSON of bad JSON. */
export function prepareStepInvocation(step: Step, inputs: InvocationInputs): Result<StepInvocation, string> {
  // The roots are built only for steps that use `${{ }}`: most steps don't, and a 10,000-step run
  // should not pay for a copy of every step's facts per start.
  let evaluator: TemplateEvaluator | null = null
  const evaluate: TemplateEvaluator = (span) => {
    evaluator ??= createTemplateEvaluator(conditionRootValues(inputs.conditionContext))
    return evaluator(span)
  }
  // Layered over the run's base environment rather than copied: spawn reads inherited keys too.
  const env = Object.create(inputs.baseEnv) as Record<string, string>
  for (const [key, value] of Object.entries(step.environment)) {
    if (!hasTemplate(value)) {
      env[key] = value
      continue
    }
    const filled = substituteText(value, evaluate)
    if (!filled.ok) return err(`environment ${key}: ${filled.error.message}`)
    env[key] = filled.value
  }
  let command = step.command
  if (hasTemplate(command)) {
    const substituted = substituteCommand(command, evaluate, step.shell)
    if (!substituted.ok) return err(`command: ${substituted.error.message}`)
    command = substituted.value.command
    Object.assign(env, substituted.value.env)
  }
  let workingDirectory = step.workingDirectory
  if (hasTemplate(workingDirectory)) {
    const filled = substituteText(workingDirectory as string, evaluate)
    if (!filled.ok) return err(`workingDirectory: ${filled.error.message}`)
    workingDirectory = filled.value
  }
  env['TASK_OUTPUT'] = inputs.outputFile
  env['TASK_STEP_ID'] = step.id
  env['TASK_WORKFLOW_ID'] = inputs.workflowId
  env['TASK_ATTEMPT'] = String(inputs.attempt)
  env['TASK_CONTEXT'] = JSON.stringify(inputs.request.context)
  return ok({ command, env, ...(workingDirectory !== undefined ? { workingDirectory } : {}) })
}
