/**
 * The commands' one way to load a definition: diagnostics go to stderr as `file:line:col: error: msg`
 * and the caller exits 2; nothing runs.
 */
import type { ExecutionRequest } from '../definition/model.js'
import { formatDiagnostic } from '../definition/diagnostics.js'
import type { Diagnostic } from '../definition/diagnostics.js'
import { loadDefinitionFile } from '../definition/load.js'
import type { LoadOptions } from '../definition/load.js'
import type { Command } from 'commander'
import { collectParam } from './cli-options.js'

export async function loadOrReport(file: string, options: LoadOptions, stderr: NodeJS.WritableStream): Promise<ExecutionRequest | readonly Diagnostic[]> {
  const loaded = await loadDefinitionFile(file, options)
  if (loaded.ok) return loaded.value
  for (const d of loaded.error) stderr.write(`${formatDiagnostic(d)}\n`)
  return loaded.error
}

export function isRequest(value: ExecutionRequest | readonly Diagnostic[]): value is ExecutionRequest {
  return !Array.isArray(value)
}

/** The options every command that reads a definition takes (`--param`, `--templates`). */
export interface DefinitionFlags {
  readonly param: Record<string, unknown>
  readonly templates?: string
}

/** Adds `--param` and `--templates` to a command. */
export function withDefinitionFlags(command: Command): Command {
  return command
    .option('--param <key=value>', 'template parameter (repeatable; JSON values accepted)', collectParam, {})
    .option('--templates <dir>', 'folder of workflow templates')
}

/** The loader options those flags mean. */
export function loadOptionsOf(flags: DefinitionFlags): LoadOptions {
  return { parameters: flags.param, ...(flags.templates ? { templatesDirs: [flags.templates] } : {}) }
}
