/**
 * The action bundled the way it ships (ncc, ESM). `dist/index.js` itself when it is newer than every
 * source file (CI bundles before it tests); otherwise a bundle built once per change of the sources into
 * a temp folder keyed by their hash and shared by every test file and run (dist/ is the release build's
 * to write, not the tests').
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = process.cwd()

function sourceFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else files.push(path)
    }
  }
  walk(join(ROOT, 'src'))
  return files
}

/** dist/index.js when it was built after the last change to src/ and the lockfile. */
function freshDist(files: readonly string[]): string | undefined {
  const entry = join(ROOT, 'dist', 'index.js')
  if (!existsSync(entry) || !existsSync(join(ROOT, 'dist', 'package.json'))) return undefined
  const built = statSync(entry).mtimeMs
  const newest = Math.max(...[...files, join(ROOT, 'package-lock.json')].map((f) => statSync(f).mtimeMs))
  return built > newest ? entry : undefined
}

function sourceHash(files: readonly string[]): string {
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(file)
    hash.update(readFileSync(file))
  }
  hash.update(readFileSync(join(ROOT, 'package-lock.json')))
  return hash.digest('hex').slice(0, 16)
}

/** The path of the bundled `index.js`: a fresh dist/, else a build of this version of src/. */
export function actionBundle(): string {
  const files = sourceFiles()
  const dist = freshDist(files)
  if (dist) return dist
  const dir = join(tmpdir(), `task-orchestrator-action-bundle-${sourceHash(files)}`)
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
