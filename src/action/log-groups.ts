/**
 * After the run, each step's whole log in its own collapsible `::group::`, replayed from the spool.
 * The lines are printed as the step wrote them, between `::stop-commands::<token>` and `::<token>::`
 * with a fresh random token, so no line can issue a workflow command (or close the group early).
 */
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import type { StepResult } from '../report/result.js'
import type { StepLogSpool } from '../report/step-logs.js'
import { formatDuration, statusEmoji } from '../report/summary.js'

/** Prints one group per step that printed anything, in definition order. */
export async function printStepLogGroups(steps: readonly StepResult[], spool: StepLogSpool, write: (line: string) => void = (l) => core.info(l)): Promise<void> {
  for (const step of steps) {
    if (spool.lineCount(step.id) === 0) continue
    const took = step.duration === null ? '' : `, ${formatDuration(step.duration)}`
    // The title goes through the toolkit, which escapes it.
    const count = spool.lineCount(step.id)
    core.startGroup(`${statusEmoji(step.status)} ${step.id} (${step.status}${took}, ${count} line${count === 1 ? '' : 's'})`)
    const token = randomBytes(16).toString('hex')
    write(`::stop-commands::${token}`)
    await spool.replay(step.id, (line) => {
      for (const piece of line.split('\r')) write(piece)
    })
    write(`::${token}::`)
    core.endGroup()
  }
}
