import { describe, expect, it } from '@jest/globals'
import { spawnerFor } from '../../src/engine/process/default-spawner.js'

describe('the default spawner', () => {
  it('is the Python helper on Linux, the Perl one on macOS, Node on Windows', () => {
    expect(spawnerFor(undefined, 'linux').name).toBe('python')
    expect(spawnerFor(undefined, 'freebsd').name).toBe('python')
    expect(spawnerFor(undefined, 'darwin').name).toBe('perl')
    expect(spawnerFor(undefined, 'win32').name).toBe('node')
  })

  it('is the one TASK_ORCHESTRATOR_SPAWNER names, and the platform default for a name it does not know', () => {
    expect(spawnerFor('node', 'linux').name).toBe('node')
    expect(spawnerFor('perl', 'linux').name).toBe('perl')
    expect(spawnerFor('python', 'darwin').name).toBe('python')
    expect(spawnerFor('ruby', 'linux').name).toBe('python')
  })
})
