import { PERL_PROGRAM, perlSpawner } from '../../src/engine/process/perl-spawner.js'
import { helperSpawnerCases } from './helper-spawner-cases.js'

helperSpawnerCases({ spawner: perlSpawner, program: PERL_PROGRAM, comm: 'perl', startedByNext: (ppid) => ppid === process.pid })
