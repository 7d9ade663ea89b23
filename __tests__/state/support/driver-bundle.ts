/**
 * Builds support/driver.ts with ncc once per source tree (keyed by a hash of src/ and the driver) into
 * the temp folder, like support/cli-bundle.ts does for the CLI.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const here = import.meta.dirname ?? process.cwd()
const root = resolve(here, '..', '..', '..')

function hashTree(path: string, hash: ReturnType<typeof createHash>): void {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) hashTree(join(path, name), hash)
  } else {
    hash.update(path).update(readFileSync(path))
  }
}

/** Path of an up-to-date driver bundle (the first build takes a while). */
export function driverBundle(): string {
  const hash = createHash('sha256')
  hashTree(join(root, 'src'), hash)
  hashTree(join(here, 'driver.ts'), hash)
  const dir = join(tmpdir(), `task-orchestrator-state-driver-${hash.digest('hex').slice(0, 16)}`)
  const entry = join(dir, 'index.js')
  if (existsSync(entry)) return entry
  // Test files run in parallel: one builds, the others wait for its result instead of building too.
  const lock = `${dir}.lock`
  try {
    mkdirSync(lock)
  } catch {
    const deadline = Date.now() + 240_000
    while (!existsSync(entry) && Date.now() < deadline && existsSync(lock)) sleep(200)
    if (existsSync(entry)) return entry
  }
  try {
    return build(dir, entry)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function build(dir: string, entry: string): string {
  const building = `${dir}.build-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  execFileSync(join(root, 'node_modules', '.bin', 'ncc'), ['build', join(here, 'driver.ts'), '-o', building, '--quiet'], { cwd: root, stdio: 'pipe' })
  try {
    renameSync(building, dir)
  } catch {
    rmSync(building, { recursive: true, force: true })
  }
  return entry
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
