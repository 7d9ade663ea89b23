/**
 * What a step writes to `$TASK_OUTPUT`: GitHub's `$GITHUB_OUTPUT` syntax, read the way the runner reads
 * it (SPEC §2 "outputs", §3 Progress).
 */
import { open } from 'node:fs/promises'
import { err, ok } from '../util/result.js'
import type { Result } from '../util/result.js'

/** More than this in one attempt's output file is refused rather than read into memory. */
export const MAX_OUTPUT_FILE_BYTES = 1024 * 1024

/**
 * Parses `name=value` lines and heredocs (`name<<DELIM`, the value's lines, `DELIM`), as the runner
 * does: blank lines are skipped, whichever of `=` and `<<` comes first decides the form, a later line
 * for the same name wins, a heredoc value keeps its inner newlines (without the last one).
 */
export function parseStepOutputFile(text: string): Result<Record<string, string>, string> {
  const outputs = new Map<string, string>()
  const lines = text.split('\n')
  // A file ending in a newline has no real line after it.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    const line = withoutCarriageReturn(lines[i] as string)
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.slice(0, equals)
      if (name === '') return err(`line ${i + 1}: an output needs a name before '='`)
      outputs.set(name, line.slice(equals + 1))
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc)
      const delimiter = line.slice(heredoc + 2)
      if (name === '' || delimiter === '') return err(`line ${i + 1}: '${line}' needs a name before '<<' and a delimiter after it`)
      const valueLines: string[] = []
      let end = i + 1
      while (end < lines.length && withoutCarriageReturn(lines[end] as string) !== delimiter) {
        valueLines.push(withoutCarriageReturn(lines[end] as string))
        end++
      }
      if (end >= lines.length) return err(`line ${i + 1}: the value of '${name}' is never closed by a '${delimiter}' line`)
      outputs.set(name, valueLines.join('\n'))
      i = end
    } else {
      return err(`line ${i + 1}: '${line}' is neither 'name=value' nor 'name<<DELIMITER'`)
    }
  }
  // fromEntries makes `__proto__` an ordinary own key instead of a prototype change.
  return ok(Object.fromEntries(outputs))
}

export interface StepProgress {
  /** 0..100 */
  readonly percentage?: number
  readonly task?: string
}

/** A step's self-reported progress: the `progress` (0..100, `%` allowed, clamped) and `task` outputs. */
export function progressFromOutputs(outputs: Readonly<Record<string, string>>): StepProgress {
  const rawProgress = Object.hasOwn(outputs, 'progress') ? outputs['progress'] : undefined
  const rawTask = Object.hasOwn(outputs, 'task') ? outputs['task'] : undefined
  const text = rawProgress?.trim().replace(/%$/, '')
  const number = text === undefined || text === '' ? NaN : Number(text)
  const task = rawTask?.trim()
  return {
    ...(Number.isFinite(number) ? { percentage: Math.min(100, Math.max(0, number)) } : {}),
    ...(task ? { task } : {}),
  }
}

/**
 * Reads and parses an attempt's output file. A missing file means no outputs; a file over
 * `maxBytes` is an error (never read whole). Invalid UTF-8 is replaced, not refused.
 */
export async function readStepOutputFile(path: string, maxBytes: number = MAX_OUTPUT_FILE_BYTES): Promise<Result<Record<string, string>, string>> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({})
    return err(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) return err(`$TASK_OUTPUT is larger than ${maxBytes} bytes`)
    const content = await handle.readFile()
    // A step still writing may have grown it since the check.
    if (content.length > maxBytes) return err(`$TASK_OUTPUT is larger than ${maxBytes} bytes`)
    return parseStepOutputFile(content.toString('utf8'))
  } catch (error: unknown) {
    return err(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    await handle.close()
  }
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}
