/** `task-orchestrator validate <file> [--json]`: every problem at once, located; exit 2 when any. */
import type { Command } from 'commander'
import { EXIT } from '../exit-codes.js'
import { isRequest, loadOptionsOf, loadOrReport, withDefinitionFlags } from '../load-definition.js'
import type { DefinitionFlags } from '../load-definition.js'

export function registerValidateCommand(program: Command): void {
  const command = program
    .command('validate')
    .description('check a workflow definition without running it; problems are printed as file:line:col: error: message')
    .argument('<file>', 'workflow definition (.yml, .yaml or .json)')
    .option('--json', 'print {valid, errors:[{file,line,column,message}]} on stdout')
  withDefinitionFlags(command).action(async (file: string, opts: DefinitionFlags & { json?: boolean }) => {
    const stderr = opts.json ? { write: () => true } : process.stderr
    const loaded = await loadOrReport(file, loadOptionsOf(opts), stderr as NodeJS.WritableStream)
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
