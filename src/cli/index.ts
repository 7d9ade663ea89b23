#!/usr/bin/env node
/**
 * The CLI entry (bundled to dist/cli/index.js): wiring only. Each command lives in commands/.
 */
import { Command, CommanderError } from 'commander'
import { registerGraphCommand } from './commands/graph.js'
import { registerListCommand } from './commands/list.js'
import { registerMonitorCommand } from './commands/monitor.js'
import { registerPlanCommand } from './commands/plan.js'
import { registerRunCommand } from './commands/run.js'
import { registerValidateCommand } from './commands/validate.js'
import { UsageError } from './cli-options.js'
import { EXIT } from './exit-codes.js'
import { holdYoungGeneration } from '../engine/young-generation.js'

const VERSION = '1.0.0'

async function main(argv: readonly string[]): Promise<void> {
  holdYoungGeneration()
  const program = new Command()
    .name('task-orchestrator')
    .description('Run a DAG of shell steps in parallel, with dependencies, conditions, timeouts, retries and rollback.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError()
  registerRunCommand(program)
  registerValidateCommand(program)
  registerPlanCommand(program)
  registerGraphCommand(program)
  registerMonitorCommand(program)
  registerListCommand(program)
  program.commands.forEach((c) => c.exitOverride())
  try {
    await program.parseAsync(argv as string[])
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; a usage mistake with exit 2 (SPEC §11).
      process.exitCode = error.exitCode === 0 ? EXIT.success : EXIT.invalid
      return
    }
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`)
      process.exitCode = EXIT.invalid
      return
    }
    throw error
  }
}

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`task-orchestrator: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
