/** Appends Markdown to the job summary; a runner without GITHUB_STEP_SUMMARY (or a write error) only warns. */
import * as core from '@actions/core'

/** Appends `markdown` (already escaped and within the size limit) to this step's summary. */
export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary')
    return
  }
  try {
    // The Markdown is escaped where it is built (report/summary.ts): the builder does not escape.
    await core.summary.addRaw(markdown, true).write()
  } catch (error: unknown) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    core.summary.emptyBuffer()
  }
}
