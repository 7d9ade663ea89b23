import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'

describe('the precompiled schema validators', () => {
  it('are what scripts/build-schema-validator.mjs makes from workflow.schema.json', () => {
    const check = spawnSync('node', ['scripts/build-schema-validator.mjs', '--check'], { encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })
})
