/** `task-orchestrator graph <file> [--format mermaid|dot]`: the DAG as a diagram. */
import type { Command } from 'commander'
import { Option } from 'commander'
import { toDot, toMermaid } from '../../plan/draw.js'
import { planWorkflow } from '../../plan/plan.js'
import { EXIT } from '../exit-codes.js'
import { isRequest, loadOrReport } from '../load-definition.js'
import { collectParam } from '../cli-options.js'

export function registerGraphCommand(program: Command): void {
  program
    .command('graph')
    .description('draw the dependency graph as Mermaid (GitHub renders it) or Graphviz dot')
    .argument('<file>', 'workflow definition')
    .addOption(new Option('--format <format>', 'diagram language').choices(['mermaid', 'dot']).default('mermaid'))
    .option('--param <key=value>', 'template parameter (repeatable)', collectParam, {})
    .option('--templates <dir>', 'folder of workflow templates')
    .action(async (file: string, opts: { format: 'mermaid' | 'dot'; param: Record<string, unknown>; templates?: string }) => {
      const loaded = await loadOrReport(file, { parameters: opts.param, ...(opts.templates ? { templatesDirs: [opts.templates] } : {}) }, process.stderr)
      if (!isRequest(loaded)) {
        process.exitCode = EXIT.invalid
        return
      }
      const text = opts.format === 'dot' ? toDot(loaded.workflow) : toMermaid(loaded.workflow, planWorkflow(loaded.workflow))
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
    })
}
