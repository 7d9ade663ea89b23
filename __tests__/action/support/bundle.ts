/**
 * The action bundled the way it ships (ncc, ESM), built once per change of the sources into a temp
 * folder keyed by their hash and shared by every test file and run: dist/ belongs to the lead's build.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = process.cwd()

function sourceHash(): string {
  const hash = createHash('sha256')
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else {
        hash.update(path)
        hash.update(readFileSync(path))
      }
    }
  }
  walk(join(ROOT, 'src'))
  hash.update(readFileSync(join(ROOT, 'package-lock.json')))
  return hash.digest('hex').slice(0, 16)
}

/** The path of the bundled `index.js`, building it if this version of src/ was never built. */
export function actionBundle(): string {
  const dir = join(tmpdir(), `task-orchestrator-action-bundle-${sourceHash()}`)
  const entry = join(dir, 'index.js')
  if (existsSync(entry)) return entry
  const building = `${dir}.building-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  execFileSync(join(ROOT, 'node_modules', '.bin', 'ncc'), ['build', 'src/action/index.ts', '-o', building, '--quiet'], { cwd: ROOT, stdio: 'pipe' })
  try {
    // Another test process may have finished the same build first; either copy is the same.
    renameSync(building, dir)
  } catch {
    rmSync(building, { recursive: true, force: true })
  }
  return entry
}
