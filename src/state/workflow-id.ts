/**
 * A workflowId names a folder locally and a git ref on GitHub, so it is held to what both accept.
 */
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'

const WORKFLOW_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/

export function checkWorkflowId(id: string): Result<string, string> {
  if (!WORKFLOW_ID.test(id) || id.includes('..') || id.endsWith('.lock') || id.endsWith('.')) {
    return err(`invalid workflow id '${id}': use letters, digits, '.', '_' and '-' (at most 128, starting with a letter or digit)`)
  }
  return ok(id)
}
