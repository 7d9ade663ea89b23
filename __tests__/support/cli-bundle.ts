/**
 * The CLI as users run it: an ncc bundle of src/cli/index.ts. Built once per source tree (keyed by a hash
 * of src/) into the temp folder and shared by every test file, so tests never run a stale dist/.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname ?? process.cwd(), '..', '..')

function hashTree(dir: string, hash = createHash('sha256')): ReturnType<typeof createHash> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) hashTree(path, hash)
    else hash.update(path).update(readFileSync(path))
  }
  return hash
}

/** Path of an up-to-date CLI bundle (builds it the first time, ~15 s). */
export function cliBundle(): string {
  const key = hashTree(join(root, 'src')).digest('hex').slice(0, 16)
  const dir = join(tmpdir(), `task-orchestrator-cli-${key}`)
  const entry = join(dir, 'index.js')
  if (existsSync(entry)) return entry
  const building = `${dir}.build-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  execFileSync(join(root, 'node_modules', '.bin', 'ncc'), ['build', join(root, 'src', 'cli', 'index.ts'), '-o', building, '--quiet'], { cwd: root, stdio: 'pipe' })
  try {
    renameSync(building, dir)
  } catch {
    // Another test process finished the same build first: use theirs.
    rmSync(building, { recursive: true, force: true })
  }
  return entry
}

export const repoRoot = root
