/**
 * A definition file's bytes → text, refusing what cannot be a definition before any parsing: files over
 * 10 MiB and bytes that are not UTF-8.
 */
import { readFileSync, statSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'

export const MAX_DEFINITION_BYTES = 10 * 1024 * 1024

const tooLarge = (size: number): string => `the file is ${size} bytes; definitions are limited to ${MAX_DEFINITION_BYTES} bytes (10 MiB)`

/** UTF-8 bytes → text, with a leading byte-order mark dropped. */
export function decodeDefinition(bytes: Uint8Array): Result<string, string> {
  if (bytes.byteLength > MAX_DEFINITION_BYTES) return err(tooLarge(bytes.byteLength))
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return err('the file is not valid UTF-8 text')
  }
}

function readError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory, not a file'
  if (code === 'EACCES') return 'permission denied'
  return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`
}

/** Reads a definition, checking its size before reading it whole. */
export async function readDefinitionFile(file: string): Promise<Result<string, string>> {
  try {
    const info = await stat(file)
    if (info.isDirectory()) return err('is a directory, not a file')
    if (info.size > MAX_DEFINITION_BYTES) return err(tooLarge(info.size))
    return decodeDefinition(await readFile(file))
  } catch (error: unknown) {
    return err(readError(error))
  }
}

/** readDefinitionFile for the synchronous loader (template files). */
export function readDefinitionFileSync(file: string): Result<string, string> {
  try {
    const info = statSync(file)
    if (info.isDirectory()) return err('is a directory, not a file')
    if (info.size > MAX_DEFINITION_BYTES) return err(tooLarge(info.size))
    return decodeDefinition(readFileSync(file))
  } catch (error: unknown) {
    return err(readError(error))
  }
}
