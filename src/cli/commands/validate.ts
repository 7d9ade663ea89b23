/** `task-orchestrator validate <file> [--json]`: every problem at once, located; exit 2 when any. */
import type { Command } from 'commander'
import { EXIT } from '../exit-codes.js'
import { isRequest, loadOrReport } from '../load-definition.js'
import { collectParam } from '../cli-options.js'

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a workflow definition without running it; problems are printed as file:line:col: error: message')
    .argument('<file>', 'workflow definition (.yml, .yaml or .json)')
    .option('--json', 'print {valid, errors:[{file,line,column,message}]} on stdout')
    .option('--param <key=value>', 'template parameter (repeatable; JSON values accepted)', collectParam, {})
    .option('--templates <dir>', 'folder of workflow templates')
    .action(async (file: string, opts: { json?: boolean; param: Record<string, unknown>; templates?: string }) => {
      const stderr = opts.json ? { write: () => true } : process.stderr
      const loaded = await loadOrReport(
        file,
        { parameters: opts.param, ...(opts.templates ? { templatesDirs: [opts.templates] } : {}) },
        stderr as NodeJS.WritableStream,
      )
      const valid = isRequest(loaded)
      if (opts.json) {
        const errors = valid ? [] : loaded.map((d) => ({ ...d.location, severity: d.severity, message: d.message }))
        process.stdout.write(`${JSON.stringify({ valid, errors }, null, 2)}\n`)
      } else if (valid) {
        process.stdout.write(`${file}: valid (${loaded.workflow.steps.length} steps, ${loaded.workflow.dependencies.length} dependencies)\n`)
      }
      process.exitCode = valid ? EXIT.success : EXIT.invalid
    })
}
