/**
 * A test-only entry bundled with ncc, so the state tests drive real processes with the real code:
 * - `cli <args…>`: the CLI's run, monitor and list commands (as src/cli/index.ts wires them);
 * - `github-run <file>`: a run whose state lives on GitHub (the local API server), as the action runs it;
 * - `github-monitor`: the action's `mode: monitor`, reading its inputs from INPUT_* variables.
 */
import { Command, CommanderError } from 'commander'
import { getInputs } from '../../../src/action/inputs.js'
import { runMonitor } from '../../../src/action/monitor-mode.js'
import { registerListCommand } from '../../../src/cli/commands/list.js'
import { registerMonitorCommand } from '../../../src/cli/commands/monitor.js'
import { registerRunCommand } from '../../../src/cli/commands/run.js'
import { UsageError } from '../../../src/cli/cli-options.js'
import { loadDefinitionFile } from '../../../src/definition/load.js'
import { startWorkflow } from '../../../src/engine/run-workflow.js'
import { actionStateStore } from '../../../src/state/action-state.js'
import { prepareStateForRun } from '../../../src/state/prepare-run.js'

const timings = { pollInterval: 300, saveInterval: 200, heartbeatInterval: 1000 }

async function cli(args: readonly string[]): Promise<void> {
  const program = new Command().name('task-orchestrator').exitOverride()
  registerRunCommand(program)
  registerMonitorCommand(program)
  registerListCommand(program)
  program.commands.forEach((c) => c.exitOverride())
  try {
    await program.parseAsync(['node', 'driver', ...args])
  } catch (error: unknown) {
    if (error instanceof CommanderError || error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`)
      process.exitCode = 2
      return
    }
    throw error
  }
}

async function githubRun(file: string): Promise<void> {
  const workflowId = process.env['WORKFLOW_ID'] ?? 'wf-github'
  const loaded = await loadDefinitionFile(file)
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error))
  const store = actionStateStore({ state: 'github', token: process.env['INPUT_TOKEN'] ?? '', workspace: process.cwd() }, process.env, timings)
  if (!store.ok) throw new Error(store.error)
  const state = await prepareStateForRun(store.value, loaded.value, { workflowId })
  if (!state.ok) throw new Error(state.error)
  const run = startWorkflow(loaded.value, { workflowId, listeners: state.value.listeners, history: state.value.history })
  state.value.attach(run)
  const result = await run.done
  await state.value.close()
  process.stdout.write(`${result.status}\n`)
}

async function githubMonitor(): Promise<void> {
  const settings = getInputs()
  if (!settings.ok) throw new Error(settings.error)
  await runMonitor(settings.value, { acknowledgeTimeout: Number(process.env['ACK_TIMEOUT'] ?? 15000), checkEvery: 200, timings })
}

const [mode, ...rest] = process.argv.slice(2)
const work = mode === 'cli' ? cli(rest) : mode === 'github-run' ? githubRun(rest[0] ?? '') : mode === 'github-monitor' ? githubMonitor() : Promise.reject(new Error(`unknown mode ${mode ?? ''}`))
work.catch((error: unknown) => {
  process.stderr.write(`driver: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 3
})
