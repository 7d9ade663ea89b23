#!/usr/bin/env node
// The load suite (issue 7): our CLI beside `make -j` on the same DAGs, made by ../shared/bench/gen.mjs.
//   - 10,000 `true` steps, random DAG (fan-in 3), J=2
//   - 1 GB of step output: 4 steps × 250 MB of `seq` lines, J=4
//   - 200 concurrent sleep-bound steps: `sleep 1` × 200, J=200
// Reports wall time, peak RSS (VmHWM of the runner's own process, polled) and our parallelEfficiency
// (from --output result.json), with the date and the load average, as a Markdown table for RELIABILITY.md.
// Not part of npm test: run it on a quiet machine.
//   node bench/load.mjs [--runs 1] [--only steps10k,output1g,sleep200] [--shared ../shared/bench] [--cli FILE]
// Without --cli it bundles src/cli/index.ts with ncc into bench/work/ (keyed by a hash of src/).
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const RUNS = Number(flag('--runs', '1'))
const shared = resolve(root, flag('--shared', process.env.BENCH_SHARED ?? '../shared/bench'))
const only = (flag('--only', '') ?? '').split(',').filter(Boolean)
const work = join(root, 'bench', 'work')
mkdirSync(work, { recursive: true })
if (!existsSync(join(shared, 'gen.mjs'))) throw new Error(`peer benchmark not found at ${shared} (use --shared DIR)`)

/** The CLI under test: --cli, else an ncc bundle of the current sources (built once per source tree). */
function cliPath() {
  const given = flag('--cli', '')
  if (given) return resolve(given)
  const hash = createHash('sha256')
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else hash.update(path).update(readFileSync(path))
    }
  }
  walk(join(root, 'src'))
  const dir = join(work, `cli-${hash.digest('hex').slice(0, 12)}`)
  if (!existsSync(join(dir, 'index.js'))) {
    const building = `${dir}.build`
    rmSync(building, { recursive: true, force: true })
    process.stderr.write('bundling the CLI with ncc…\n')
    execFileSync(join(root, 'node_modules', '.bin', 'ncc'), ['build', join(root, 'src', 'cli', 'index.ts'), '-o', building, '--quiet'], { cwd: root, stdio: 'inherit' })
    renameSync(building, dir)
  }
  return join(dir, 'index.js')
}

/** Runs a command with its output discarded; wall ms, peak RSS MB of the process itself, exit code. */
function measure(cmd, argv, cwd) {
  return new Promise((done) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)))
    let peak = 0
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (m) peak = Math.max(peak, Number(m[1]) / 1024)
      } catch {}
    }, 10)
    child.on('close', (code) => {
      clearInterval(poll)
      done({ wall: Number(process.hrtime.bigint() - t0) / 1e6, rss: peak, code, stderr })
    })
  })
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

function gen(name, genArgs) {
  const dir = join(work, `load-${name}`)
  rmSync(dir, { recursive: true, force: true })
  execFileSync('node', [join(shared, 'gen.mjs'), dir, ...genArgs], { stdio: 'ignore' })
  return dir
}

const WORKLOADS = [
  { name: 'steps10k', label: '10,000 `true` steps, random DAG (fan-in 3)', J: 2, gen: ['--n', '10000', '--shape', 'random', '--fanin', '3', '--seed', '1', '--body', 'true'] },
  // 26 bytes a line: 9,615,385 lines ≈ 250 MB a step, 1 GB in all.
  { name: 'output1g', label: '1 GB of output: 4 × 250 MB of `seq`', J: 4, gen: ['--n', '4', '--shape', 'wide', '--body', 'lines', '--lines', '9615385'] },
  { name: 'sleep200', label: '200 × `sleep 1`, all at once', J: 200, gen: ['--n', '200', '--shape', 'wide', '--body', 'sleep', '--sleep', '1'] },
]

const cli = cliPath()
const rows = []
const load = loadavg().map((l) => l.toFixed(2)).join(', ')
for (const w of WORKLOADS.filter((w) => only.length === 0 || only.includes(w.name))) {
  const dir = gen(w.name, w.gen)
  const resultFile = join(dir, 'result.json')
  const ours = ['node', [cli, 'run', join(dir, 'workflow.json'), '--concurrency', String(w.J), '--state-dir', join(dir, 'state'), '--output', resultFile]]
  const make = ['make', ['-rR', '-s', `-j${w.J}`, '-f', join(dir, 'Makefile')]]
  const samples = { ours: [], make: [] }
  const efficiency = []
  for (let i = 0; i < RUNS; i++) {
    for (const [runner, [cmd, argv]] of [['ours', ours], ['make', make]]) {
      process.stderr.write(`${w.name}: ${runner} run ${i + 1}/${RUNS}… `)
      const m = await measure(cmd, argv, dir)
      process.stderr.write(`${(m.wall / 1000).toFixed(2)} s, ${m.rss.toFixed(0)} MB\n`)
      if (m.code !== 0) throw new Error(`${w.name}: ${runner} exited ${m.code}: ${m.stderr}`)
      samples[runner].push(m)
      if (runner === 'ours') efficiency.push(JSON.parse(readFileSync(resultFile, 'utf8')).metrics.parallelEfficiency)
    }
  }
  const stat = (list) => ({ wall: median(list.map((s) => s.wall)), rss: median(list.map((s) => s.rss)) })
  rows.push({ ...w, ours: stat(samples.ours), make: stat(samples.make), efficiency: median(efficiency) })
  rmSync(join(dir, 'state'), { recursive: true, force: true })
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
const lines = [
  `Load suite, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load} (before), ${RUNS} run(s) each, median:`,
  '',
  '| workload | J | ours: wall | ours: peak RSS | parallelEfficiency | make -j: wall | make: peak RSS | wall ratio |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.J} | ${seconds(r.ours.wall)} | ${r.ours.rss.toFixed(0)} MB | ${r.efficiency} | ${seconds(r.make.wall)} | ${r.make.rss.toFixed(0)} MB | ${(r.ours.wall / r.make.wall).toFixed(2)}× |`,
  ),
]
writeFileSync(join(work, 'load-results.json'), `${JSON.stringify({ time: new Date().toISOString(), loadAverage: load, runs: RUNS, rows }, null, 2)}\n`)
process.stdout.write(`${lines.join('\n')}\n`)
