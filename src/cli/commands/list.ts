/**
 * `task-orchestrator list`: the runs in the state folder, newest first, with their status (a run whose
 * process died reads `interrupted`) and progress.
 */
import type { Command } from 'commander'
import { LocalStateStore, resolveStateDir } from '../../state/local-store.js'
import { isTerminal } from '../../state/run-record.js'
import type { RunState } from '../../state/run-record.js'
import type { StoredRun } from '../../state/store.js'
import { EXIT } from '../exit-codes.js'

export interface ListCommandOptions {
  readonly stateDir?: string
  readonly json?: boolean
}

export interface RunListing {
  readonly workflowId: string
  readonly name: string
  readonly status: RunState
  readonly progress: { readonly completed: number; readonly total: number }
  readonly attempt: number
  readonly startTime: string
  readonly endTime: string | null
}

export function registerListCommand(program: Command): void {
  program
    .command('list')
    .description('list the runs in the state folder, newest first')
    .option('--state-dir <dir>', 'state folder (default: $TASK_ORCHESTRATOR_STATE_DIR or .task-orchestrator)')
    .option('--json', 'print the list as JSON on stdout')
    .action(async (opts: ListCommandOptions) => {
      process.exitCode = await listCommand(opts)
    })
}

export async function listCommand(opts: ListCommandOptions): Promise<number> {
  const runs = (await new LocalStateStore(resolveStateDir(opts.stateDir)).listRuns()).map(listing)
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`)
    return EXIT.success
  }
  if (runs.length === 0) {
    process.stdout.write('no runs\n')
    return EXIT.success
  }
  const rows = [['WORKFLOW ID', 'NAME', 'STATUS', 'STEPS', 'STARTED'], ...runs.map((r) => [r.workflowId, r.name, r.status, `${r.progress.completed}/${r.progress.total}`, r.startTime])]
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? []
  process.stdout.write(rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n')
  return EXIT.success
}

function listing({ record, alive }: StoredRun): RunListing {
  return {
    workflowId: record.workflowId,
    name: record.name,
    status: !isTerminal(record.status) && alive === false ? 'interrupted' : record.status,
    progress: { completed: record.steps.filter((s) => s.status !== 'pending' && s.status !== 'running').length, total: record.steps.length },
    attempt: record.attempt,
    startTime: record.startTime,
    endTime: record.endTime,
  }
}
