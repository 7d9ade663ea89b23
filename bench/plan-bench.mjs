#!/usr/bin/env node
// plan-bench.mjs - how long validation and planning take on a large random DAG (target: validate + plan
// under 1 s of processing for 10,000 steps / 30,000 edges).
//
// usage: node bench/plan-bench.mjs [--steps 10000] [--fanin 3] [--seed 1] [--runs 15]
//          [--bundle FILE.js]   import planWorkflow / findCycles / loadDefinitionFile from this ESM bundle
//                               instead of building bench/work/*-bundle with ncc from src/
//          [--cli FILE.js]      the CLI to spawn (default dist/cli/index.js; skipped when missing)
//          [--no-cli]           skip the CLI rows
//
// The definition has the shape of /work/shared/bench/gen.mjs --shape random: step i depends on
// min(fanin, i) distinct earlier steps (finish_to_start), drawn with the same mulberry32 generator.
// In-process rows time the bundled functions: the first call ("cold": what a one-shot CLI pays, JIT warm-up
// included), then the median and best of --runs more ("warm": what a long-lived process pays).
// CLI rows are wall time of a whole `node` process; `--help` gives the start-up cost to subtract. When the
// CLI prints its own timing on stderr (a line with "time", "took", "elapsed" or "processing" and "N ms"),
// that figure is shown too.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const workDir = join(root, 'bench', 'work')

const options = parseArguments(process.argv.slice(2))
const rows = []
const row = (measurement, ms, notes = '') => rows.push({ measurement, ms, notes })

mkdirSync(workDir, { recursive: true })
const started = performance.now()
const definition = generateDefinition(options.steps, options.fanin, options.seed)
const file = join(workDir, `plan-bench-${options.steps}.json`)
writeFileSync(file, JSON.stringify(definition))
const edgeCount = definition.workflow.dependencies.length
row('generate definition', performance.now() - started, `${options.steps} steps, ${edgeCount} edges -> ${relative(file)}`)

const modules = await loadModules()
const model = modelOf(definition.workflow, file)

let planWarm
if (modules.findCycles) {
  const stepIds = model.steps.map((step) => step.id)
  const timing = timeCalls(() => modules.findCycles(stepIds, model.dependencies), options.runs)
  if (timing.result.length !== 0) throw new Error('findCycles reported a cycle in a DAG')
  row('findCycles (in-process), cold', timing.cold, 'the validator\'s cycle check')
  row('findCycles (in-process), warm median', timing.warm, `${options.runs} runs, best ${timing.best.toFixed(1)} ms`)
}
if (modules.planWorkflow) {
  const timing = timeCalls(() => modules.planWorkflow(model), options.runs)
  const plan = timing.result
  if (plan.steps.length !== options.steps) throw new Error(`plan has ${plan.steps.length} steps`)
  row('planWorkflow (in-process), cold', timing.cold, `${plan.levels.length} levels, critical path ${plan.criticalPath.steps.length} steps`)
  row('planWorkflow (in-process), warm median', timing.warm, `${options.runs} runs, best ${timing.best.toFixed(1)} ms`)
  planWarm = timing
}
if (modules.loadDefinitionFile) {
  const timing = await timeAsyncCalls(() => modules.loadDefinitionFile(file, {}), options.runs)
  if (!timing.result.ok) throw new Error(`the definition did not validate: ${JSON.stringify(timing.result.error).slice(0, 500)}`)
  row('loadDefinitionFile = validate (in-process), cold', timing.cold, 'read, parse, schema, checks, cycles')
  row('loadDefinitionFile = validate (in-process), warm median', timing.warm, `${options.runs} runs, best ${timing.best.toFixed(1)} ms`)
  if (planWarm) {
    const total = timing.cold + planWarm.cold
    row('validate + plan (in-process), cold', total, total < 1000 ? 'within the 1 s target' : 'OVER the 1 s target')
  }
} else {
  row('loadDefinitionFile = validate (in-process)', undefined, modules.loaderNote ?? 'not available')
}

if (options.cli) timeCli(options.cli, file)

printTable()

// ---------------------------------------------------------------------------------------------------

function parseArguments(argv) {
  const parsed = { steps: 10000, fanin: 3, seed: 1, runs: 15, bundle: undefined, cli: join(root, 'dist', 'cli', 'index.js') }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) usage(`${flag} needs a value`)
      return next
    }
    if (flag === '--steps') parsed.steps = Number(value())
    else if (flag === '--fanin') parsed.fanin = Number(value())
    else if (flag === '--seed') parsed.seed = Number(value())
    else if (flag === '--runs') parsed.runs = Number(value())
    else if (flag === '--bundle') parsed.bundle = resolve(value())
    else if (flag === '--cli') parsed.cli = resolve(value())
    else if (flag === '--no-cli') parsed.cli = undefined
    else usage(`unknown argument ${flag}`)
  }
  if (!(parsed.steps > 0) || !(parsed.fanin >= 0) || !(parsed.runs > 0)) usage('--steps and --runs must be positive')
  return parsed
}

function usage(message) {
  console.error(`plan-bench: ${message}\nusage: node bench/plan-bench.mjs [--steps N] [--fanin K] [--seed S] [--runs R] [--bundle FILE.js] [--cli FILE.js | --no-cli]`)
  process.exit(2)
}

/** gen.mjs --shape random: ids s00001.., each step depends on min(fanin, i) distinct earlier ones. */
function generateDefinition(stepCount, fanin, seedValue) {
  let seed = seedValue >>> 0 || 1
  const rand = () => {
    seed = (seed + 0x6d2b79f5) >>> 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const ids = Array.from({ length: stepCount }, (_, i) => 's' + String(i + 1).padStart(Math.max(4, String(stepCount).length), '0'))
  const dependencies = []
  for (let i = 0; i < stepCount; i++) {
    const predecessors = new Set()
    while (predecessors.size < Math.min(fanin, i)) predecessors.add(Math.floor(rand() * i))
    for (const p of [...predecessors].sort((a, b) => a - b)) dependencies.push({ from: ids[p], to: ids[i] })
  }
  return { workflow: { name: `random-n${stepCount}`, steps: ids.map((id) => ({ id, command: 'true' })), dependencies } }
}

/** The validated model the loader would produce for the generated definition (what planWorkflow takes). */
function modelOf(workflow, file) {
  const location = { file, line: 1, column: 1 }
  return {
    name: workflow.name,
    sequential: false,
    steps: workflow.steps.map((step, index) => ({
      id: step.id,
      name: step.id,
      command: step.command,
      shell: 'bash',
      retries: 0,
      retryDelay: 1000,
      environment: {},
      continueOnError: false,
      exclusive: false,
      resources: { cpu: 0, memory: 0, gpu: 0 },
      killGracePeriod: 5000,
      index,
      location
    })),
    dependencies: workflow.dependencies.map((d) => ({ from: d.from, to: d.to, type: 'finish_to_start', condition: 'success', implicit: false, location }))
  }
}

/** The functions to time: from --bundle, else from ncc bundles of src/ built now into bench/work/. */
async function loadModules() {
  if (options.bundle) {
    const bundle = await import(pathToFileURL(options.bundle).href)
    return { planWorkflow: bundle.planWorkflow, findCycles: bundle.findCycles, loadDefinitionFile: bundle.loadDefinitionFile, loaderNote: `${relative(options.bundle)} exports no loadDefinitionFile` }
  }
  const planBundle = buildBundle('src/plan/plan.ts', 'plan-bundle')
  const cyclesBundle = buildBundle('src/plan/cycles.ts', 'cycles-bundle')
  const loaderSource = 'src/definition/load.ts'
  let loadDefinitionFile
  let loaderNote
  if (!existsSync(join(root, loaderSource))) loaderNote = `${loaderSource} does not exist yet`
  else {
    try {
      loadDefinitionFile = (await import(pathToFileURL(buildBundle(loaderSource, 'load-bundle')).href)).loadDefinitionFile
    } catch (error) {
      loaderNote = `could not bundle ${loaderSource}: ${String(error.message ?? error).split('\n')[0]}`
    }
  }
  return {
    planWorkflow: (await import(pathToFileURL(planBundle).href)).planWorkflow,
    findCycles: (await import(pathToFileURL(cyclesBundle).href)).findCycles,
    loadDefinitionFile,
    loaderNote
  }
}

/** `ncc build` in transpile-only mode: others' work in progress elsewhere in src/ must not stop the bench. */
function buildBundle(entry, name) {
  const outDir = join(workDir, name)
  const built = spawnSync('npx', ['ncc', 'build', entry, '-o', outDir, '--transpile-only', '--quiet'], { cwd: root, encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`ncc build ${entry} failed:\n${built.stderr}`)
  return join(outDir, 'index.js')
}

function timeCalls(call, runs) {
  let start = performance.now()
  let result = call()
  const cold = performance.now() - start
  const times = []
  for (let i = 0; i < runs; i++) {
    start = performance.now()
    result = call()
    times.push(performance.now() - start)
  }
  return { cold, warm: median(times), best: Math.min(...times), result }
}

async function timeAsyncCalls(call, runs) {
  let start = performance.now()
  let result = await call()
  const cold = performance.now() - start
  const times = []
  for (let i = 0; i < runs; i++) {
    start = performance.now()
    result = await call()
    times.push(performance.now() - start)
  }
  return { cold, warm: median(times), best: Math.min(...times), result }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function timeCli(cli, definitionFile) {
  if (!existsSync(cli)) {
    row('CLI', undefined, `${relative(cli)} not built: run \`npm run bundle\` (the lead's) or pass --cli`)
    return
  }
  const runCli = (args, label, check) => {
    const start = performance.now()
    const child = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    const wall = performance.now() - start
    const notes = [`exit ${child.status}`]
    const printed = printedTiming(child.stderr)
    if (printed !== undefined) notes.push(`CLI says ${printed} ms`)
    const problem = check?.(child)
    if (problem) notes.push(problem)
    row(label, wall, notes.join('; '))
    return wall
  }
  const startup = runCli(['--help'], 'CLI `--help` (start-up baseline), wall')
  const validate = runCli(['validate', definitionFile], 'CLI `validate`, wall', (child) => (child.status === 0 ? '' : `stderr: ${child.stderr.slice(0, 200)}`))
  const plan = runCli(['plan', definitionFile, '--json'], 'CLI `plan --json`, wall', (child) => {
    if (child.status !== 0) return `stderr: ${child.stderr.slice(0, 200)}`
    try {
      const parsed = JSON.parse(child.stdout)
      return parsed.steps?.length === options.steps ? '' : `plan lists ${parsed.steps?.length} steps`
    } catch {
      return 'stdout is not JSON'
    }
  })
  row('CLI validate + plan minus 2 × start-up', validate + plan - 2 * startup, 'an estimate of processing time')
}

function printedTiming(stderr) {
  for (const line of (stderr ?? '').split('\n')) {
    if (!/time|took|elapsed|processing/i.test(line)) continue
    const match = /(\d+(?:\.\d+)?)\s?ms\b/.exec(line)
    if (match) return Number(match[1])
  }
  return undefined
}

function relative(path) {
  return path.startsWith(root + '/') ? path.slice(root.length + 1) : path
}

function printTable() {
  console.log(`\n### plan-bench: ${options.steps} steps, ${edgeCount} edges (node ${process.version}, ${new Date().toISOString()})\n`)
  console.log('| measurement | ms | notes |')
  console.log('|---|---:|---|')
  for (const { measurement, ms, notes } of rows) {
    console.log(`| ${measurement} | ${ms === undefined ? 'n/a' : ms.toFixed(1)} | ${notes.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`)
  }
}
