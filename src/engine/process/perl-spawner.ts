/** The Perl helper (perl-spawner-script.ts): where Python cannot spawn; Node takes over where it fails. */
import { HelperSpawner } from './helper-spawner.js'
import { nodeSpawner } from './node-spawner.js'
import { PERL_SPAWNER_SCRIPT } from './perl-spawner-script.js'

export const PERL_PROGRAM = { name: 'perl', label: 'Perl', command: 'perl', args: ['-e', PERL_SPAWNER_SCRIPT] } as const

/** One per orchestrator process: every step shares the helper. */
export const perlSpawner = new HelperSpawner(PERL_PROGRAM, nodeSpawner)
