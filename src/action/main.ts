/**
 * The action's main step, wiring only: read the settings, dispatch on `mode`, and turn any unexpected
 * error into a failed step with its message.
 */
import * as core from '@actions/core'
import { unreachable } from '../util/unreachable.js'
import { runExecute } from './execute-mode.js'
import { getInputs } from './inputs.js'
import { runMonitor } from './monitor-mode.js'
import { runValidate } from './validate-mode.js'

/** Runs the main step: settings, then the mode's work; any unexpected error fails the step with its message. */
export async function run(): Promise<void> {
  try {
    const settings = getInputs()
    if (!settings.ok) {
      core.setFailed(settings.error)
      return
    }
    switch (settings.value.mode) {
      case 'execute':
        await runExecute(settings.value)
        return
      case 'validate':
        await runValidate(settings.value)
        return
      case 'monitor':
        await runMonitor(settings.value)
        return
      default:
        unreachable(settings.value.mode)
    }
  } catch (error: unknown) {
    if (error instanceof Error && error.stack) core.debug(error.stack)
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
