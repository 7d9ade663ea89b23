/** `task-orchestrator plan <file> [--json]`: levels, dependencies, critical path, estimated duration. */
import type { Command } from 'commander'
import { planWorkflow } from '../../plan/plan.js'
import { EXIT } from '../exit-codes.js'
import { isRequest, loadOrReport } from '../load-definition.js'
import { collectParam } from '../cli-options.js'

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('show the execution plan: topological levels, dependencies and the critical path')
    .argument('<file>', 'workflow definition')
    .option('--json', 'print {steps:[{id,level,dependsOn}], levels, criticalPath, estimatedDuration}')
    .option('--param <key=value>', 'template parameter (repeatable)', collectParam, {})
    .option('--templates <dir>', 'folder of workflow templates')
    .action(async (file: string, opts: { json?: boolean; param: Record<string, unknown>; templates?: string }) => {
      const loaded = await loadOrReport(file, { parameters: opts.param, ...(opts.templates ? { templatesDirs: [opts.templates] } : {}) }, process.stderr)
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
