import { PYTHON_PROGRAM, pythonSpawner } from '../../src/engine/process/python-spawner.js'
import { commandOf, helperSpawnerCases } from './helper-spawner-cases.js'

helperSpawnerCases({ spawner: pythonSpawner, program: PYTHON_PROGRAM, comm: 'python3', startedByNext: (ppid) => commandOf(ppid) === 'perl' })
