/** `task-orchestrator graph <file> [--format mermaid|dot]`: the DAG as a diagram. */
import type { Command } from 'commander'
import { Option } from 'commander'
import { toDot, toMermaid } from '../../plan/draw.js'
import { planWorkflow } from '../../plan/plan.js'
import { EXIT } from '../exit-codes.js'
import { isRequest, loadOptionsOf, loadOrReport, withDefinitionFlags } from '../load-definition.js'
import type { DefinitionFlags } from '../load-definition.js'

export function registerGraphCommand(program: Command): void {
  const command = program
    .command('graph')
    .description('draw the dependency graph as Mermaid (GitHub renders it) or Graphviz dot')
    .argument('<file>', 'workflow definition')
    .addOption(new Option('--format <format>', 'diagram language').choices(['mermaid', 'dot']).default('mermaid'))
  withDefinitionFlags(command).action(async (file: string, opts: DefinitionFlags & { format: 'mermaid' | 'dot' }) => {
    const loaded = await loadOrReport(file, loadOptionsOf(opts), process.stderr)
    if (!isRequest(loaded)) {
      process.exitCode = EXIT.invalid
      return
    }
    const text = opts.format === 'dot' ? toDot(loaded.workflow) : toMermaid(loaded.workflow, planWorkflow(loaded.workflow))
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  })
}
