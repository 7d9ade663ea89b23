/** `task-orchestrator plan <file> [--json]`: levels, dependencies, critical path, estimated duration. */
import type { Command } from 'commander'
import { planWorkflow } from '../../plan/plan.js'
import { EXIT } from '../exit-codes.js'
import { isRequest, loadOptionsOf, loadOrReport, withDefinitionFlags } from '../load-definition.js'
import type { DefinitionFlags } from '../load-definition.js'

export function registerPlanCommand(program: Command): void {
  const command = program
    .command('plan')
    .description('show the execution plan: topological levels, dependencies and the critical path')
    .argument('<file>', 'workflow definition')
    .option('--json', 'print {steps:[{id,level,dependsOn}], levels, criticalPath, estimatedDuration}')
  withDefinitionFlags(command).action(async (file: string, opts: DefinitionFlags & { json?: boolean }) => {
    const loaded = await loadOrReport(file, loadOptionsOf(opts), process.stderr)
    if (!isRequest(loaded)) {
      process.exitCode = EXIT.invalid
      return
    }
    const plan = planWorkflow(loaded.workflow)
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`)
      return
    }
    const out: string[] = [`${loaded.workflow.name}: ${plan.steps.length} steps in ${plan.levels.length} levels`]
    plan.levels.forEach((ids, level) => out.push(`  level ${level}: ${ids.join(', ')}`))
    out.push(`  critical path: ${plan.criticalPath.steps.join(' -> ')} (${plan.criticalPath.duration})`)
    out.push(`  estimated duration: ${plan.estimatedDuration}`)
    process.stdout.write(`${out.join('\n')}\n`)
  })
}
