#!/usr/bin/env node
// npm run bench: our CLI beside `make -j` and the lean Node baseline on the peer benchmark's workloads
// (../shared/bench/gen.mjs makes the same DAG in every runner's format), in ONE interleaved run, and the
// ratios the issues set as targets. Runs dist/cli/index.js, so `npm run bundle` first.
//   node bench/run.mjs [--runs 5] [--only random2000,layered96,...] [--shared ../shared/bench]
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const RUNS = Number(flag('--runs', '5'))
const shared = resolve(root, flag('--shared', process.env.BENCH_SHARED ?? '../shared/bench'))
const only = flag('--only', '')?.split(',').filter(Boolean)
const work = join(root, 'bench', 'work')
const cli = join(root, 'dist', 'cli', 'index.js')
if (!existsSync(join(shared, 'gen.mjs'))) throw new Error(`peer benchmark not found at ${shared} (use --shared DIR)`)
if (!existsSync(cli)) throw new Error('dist/cli/index.js missing: run npm run bundle first')
mkdirSync(work, { recursive: true })

/** Runs a command, returns {wall ms, peak RSS MB (largest single process: VmHWM polled), code}. */
function measure(cmd, argv, { cwd = root, env = process.env } = {}) {
  return new Promise((done) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)))
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
  const dir = join(work, name)
  rmSync(dir, { recursive: true, force: true })
  execFileSync('node', [join(shared, 'gen.mjs'), dir, ...genArgs], { stdio: 'ignore' })
  return dir
}

const runners = (dir, J, resultFile) => ({
  ours: ['node', [cli, 'run', join(dir, 'workflow.json'), '--concurrency', String(J), '--state-dir', join(dir, 'state'), ...(resultFile ? ['--output', resultFile] : [])]],
  make: ['make', ['-rR', '-s', `-j${J}`, '-f', join(dir, 'Makefile')]],
  node: ['node', [join(shared, 'baseline.mjs'), join(dir, 'workflow.json'), '-j', String(J)]],
})

/** One interleaved comparison: each round runs every runner once, so drift hits all alike. */
async function compare(name, genArgs, J, wanted = ['ours', 'make', 'node']) {
  const dir = gen(name, genArgs)
  const resultFile = join(dir, 'result.json')
  const table = runners(dir, J, resultFile)
  const samples = Object.fromEntries(wanted.map((r) => [r, []]))
  const efficiency = []
  for (const r of wanted) await measure(...table[r]) // warm-up
  for (let i = 0; i < RUNS; i++) {
    for (const r of wanted) {
      const m = await measure(...table[r])
      if (m.code !== 0) throw new Error(`${name}: ${r} exited ${m.code}: ${m.stderr}`)
      samples[r].push(m)
      if (r === 'ours') efficiency.push(JSON.parse(readFileSync(resultFile, 'utf8')).metrics.parallelEfficiency)
    }
  }
  const stat = Object.fromEntries(wanted.map((r) => [r, { wall: median(samples[r].map((s) => s.wall)), rss: median(samples[r].map((s) => s.rss)) }]))
  return { name, J, stat, efficiency: median(efficiency) }
}

const rows = []
const checks = []
const check = (what, value, target, pass) => checks.push({ what, value, target, pass })
const want = (name) => !only?.length || only.includes(name)

if (want('random2000')) {
  const r = await compare('random2000', ['--n', '2000', '--shape', 'random', '--fanin', '3', '--seed', '1', '--body', 'true'], 2)
  rows.push(r)
  check('2,000 `true`, random DAG, -j2: ours / make', (r.stat.ours.wall / r.stat.make.wall).toFixed(2) + '×', '≤ 2.0×', r.stat.ours.wall <= 2 * r.stat.make.wall)
  check('2,000 `true`, random DAG, -j2: ours / lean Node', (r.stat.ours.wall / r.stat.node.wall).toFixed(2) + '×', '< 1.0×', r.stat.ours.wall < r.stat.node.wall)
}
if (want('layered96')) {
  const r = await compare('layered96', ['--n', '96', '--shape', 'layered', '--width', '8', '--body', 'sleep', '--sleep', '0.1'], 8)
  rows.push(r)
  check('96 × sleep 0.1, layers of 8, -j8: parallelEfficiency', String(r.efficiency), '≥ 0.90', r.efficiency >= 0.9)
  check('96 × sleep 0.1, layers of 8, -j8: ours / make', (r.stat.ours.wall / r.stat.make.wall).toFixed(2) + '×', '≤ 1.25×', r.stat.ours.wall <= 1.25 * r.stat.make.wall)
}
if (want('uneven')) {
  const r = await compare('uneven30', ['--n', '30', '--shape', 'uneven', '--chain', '10', '--body', 'sleep', '--sleep', '0.3'], 2, ['ours', 'make'])
  rows.push(r)
  const gain = 1 - r.stat.ours.wall / r.stat.make.wall
  check('20 independent + 10-chain last, sleep 0.3, -j2: sooner than make', `${(gain * 100).toFixed(0)}%`, '≥ 15%', gain >= 0.15)
}
if (want('wide10000')) {
  const r = await compare('wide10000', ['--n', '10000', '--shape', 'wide', '--body', 'true'], 2)
  rows.push(r)
  check('10,000 independent `true`, -j2: peak RSS', `${r.stat.ours.rss.toFixed(0)} MB`, '< 120 MB', r.stat.ours.rss < 120)
}
if (want('one')) {
  const r = await compare('one', ['--n', '1', '--shape', 'wide', '--body', 'true'], 2)
  rows.push(r)
  check('1-step workflow: whole CLI run', `${r.stat.ours.wall.toFixed(0)} ms`, '< 250 ms', r.stat.ours.wall < 250)
}
if (want('output300')) {
  // A step printing 300 MB: the CLI's peak RSS beside a 1-step run that prints nothing.
  const dir = join(work, 'output300')
  mkdirSync(dir, { recursive: true })
  const quiet = join(dir, 'quiet.json')
  const loud = join(dir, 'loud.json')
  writeFileSync(quiet, JSON.stringify({ workflow: { name: 'quiet', steps: [{ id: 'q', command: 'true' }] } }))
  // 300 MB = 11,538,462 lines of 26 bytes
  writeFileSync(loud, JSON.stringify({ workflow: { name: 'loud', steps: [{ id: 'loud', command: 'seq -f "log line %016g" 11538462' }] } }))
  const base = [], big = []
  for (let i = 0; i < Math.max(2, Math.min(RUNS, 3)); i++) {
    base.push((await measure('node', [cli, 'run', quiet, '--state-dir', join(dir, 'state')])).rss)
    big.push((await measure('node', [cli, 'run', loud, '--state-dir', join(dir, 'state')])).rss)
  }
  const delta = median(big) - median(base)
  rows.push({ name: 'output300', J: 1, stat: { ours: { wall: NaN, rss: median(big) } }, efficiency: NaN })
  check('a step printing 300 MB: CLI peak RSS increase', `${delta.toFixed(0)} MB`, '< 50 MB', delta < 50)
}

console.log('| workload | J | runner | wall s (median) | peak RSS MB |')
console.log('|---|---|---|---|---|')
for (const r of rows) for (const [runner, s] of Object.entries(r.stat)) console.log(`| ${r.name} | ${r.J} | ${runner} | ${Number.isNaN(s.wall) ? '–' : (s.wall / 1000).toFixed(3)} | ${s.rss.toFixed(0)} |`)
console.log('\n| target | measured | goal | ok |')
console.log('|---|---|---|---|')
for (const c of checks) console.log(`| ${c.what} | ${c.value} | ${c.target} | ${c.pass ? 'yes' : 'NO'} |`)
if (existsSync(join(root, 'bench', 'plan-bench.mjs')) && want('plan')) {
  console.log('\nvalidate + plan, 10,000 steps / 30,000 edges:')
  execFileSync('node', [join(root, 'bench', 'plan-bench.mjs')], { stdio: 'inherit' })
}
