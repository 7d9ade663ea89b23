/**
 * Whole-file replacement that a crash cannot tear: the data goes to a temporary file in the same folder,
 * is flushed to disk, and is renamed over the target (rename is atomic within one file system), so a
 * reader sees the old file or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Suffix of the temporary files; readers skip them and a later writer may remove stale ones. */
export const TEMP_SUFFIX = '.tmp'

/** Pieces are gathered into writes of about this many characters. */
const WRITE_CHUNK = 64 * 1024

/**
 * `data` may come in pieces (see json-pieces.ts): then no string, and no buffer, ever holds the whole
 * file — a 10,000-step run's record is 6 MB, written several times a minute.
 */
export async function writeFileAtomic(path: string, data: string | Iterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`)
  try {
    const handle = await open(temp, 'w', 0o644)
    try {
      if (typeof data === 'string') {
        await handle.writeFile(data, 'utf8')
      } else {
        let batch: string[] = []
        let length = 0
        for (const piece of data) {
          batch.push(piece)
          length += piece.length
          if (length < WRITE_CHUNK) continue
          await handle.write(batch.join(''), null, 'utf8')
          batch = []
          length = 0
        }
        if (batch.length > 0) await handle.write(batch.join(''), null, 'utf8')
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error: unknown) {
    await rm(temp, { force: true })
    throw error
  }
}
