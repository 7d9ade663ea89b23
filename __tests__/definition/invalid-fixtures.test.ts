/**
 * Every kind of mistake in a definition is reported with the line and column where it stands, and
 * nothing is returned to run. Each fixture under __tests__/fixtures/invalid/ declares its expected
 * `line:col` and a fragment of the message in expected.json.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDefinitionFile } from '../../src/definition/load.js'
import type { Diagnostic } from '../../src/definition/diagnostics.js'

const FIXTURES = join('__tests__', 'fixtures', 'invalid')
const CAPACITY = { cpu: 4, memory: 8 * 2 ** 30, gpu: 0 }

interface Expectation {
  readonly line: number
  readonly column: number
  readonly message: string
}

const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expectation>

async function diagnosticsOf(file: string): Promise<Diagnostic[]> {
  const loaded = await loadDefinitionFile(file, { capacity: CAPACITY, root: '/nonexistent-root' })
  if (loaded.ok) throw new Error(`${file} loaded without errors`)
  return loaded.error
}

describe('invalid definition fixtures', () => {
  it('has an expectation for every fixture file and a file for every expectation', () => {
    const files = readdirSync(FIXTURES).filter((f) => f !== 'expected.json').sort()
    expect(files).toEqual(Object.keys(expected).sort())
    expect(files.length).toBeGreaterThanOrEqual(30)
  })

  it.each(Object.entries(expected))('%s is rejected at its line and column', async (name, expectation) => {
    const file = join(FIXTURES, name)
    const diagnostics = await diagnosticsOf(file)
    const matching = diagnostics.filter((d) => d.message.includes(expectation.message))
    expect(matching.map((d) => `${d.location.line}:${d.location.column}`)).toContain(`${expectation.line}:${expectation.column}`)
    for (const d of diagnostics) {
      expect(d.severity).toBe('error')
      expect(d.location.file).toBe(file)
    }
  })
})

describe('files that cannot be definitions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'h2-invalid-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a file over 10 MiB at 1:1 without parsing it', async () => {
    const file = join(dir, 'huge.yml')
    const line = `# ${'x'.repeat(1022)}\n`
    writeFileSync(file, `steps:\n  - id: a\n    command: echo\n${line.repeat(10 * 1024 + 1)}`)
    const [first] = await diagnosticsOf(file)
    expect(first?.message).toContain('10 MiB')
    expect(first?.location).toEqual({ file, line: 1, column: 1 })
  })

  it('refuses bytes that are not UTF-8 at 1:1', async () => {
    const file = join(dir, 'latin1.yml')
    writeFileSync(file, Buffer.concat([Buffer.from('steps:\n  - id: caf'), Buffer.from([0xe9]), Buffer.from('\n    command: echo\n')]))
    const [first] = await diagnosticsOf(file)
    expect(first?.message).toContain('not valid UTF-8')
    expect(first?.location).toEqual({ file, line: 1, column: 1 })
  })

  it('reports a missing file as a diagnostic, not an exception', async () => {
    const file = join(dir, 'missing.yml')
    const [first] = await diagnosticsOf(file)
    expect(first?.message).toContain('no such file')
  })

  it('reports several unrelated problems of one file in one pass, in file order', async () => {
    const diagnostics = await diagnosticsOf(join(FIXTURES, 'unknown-key.yml'))
    expect(diagnostics.map((d) => d.location.line)).toEqual([3, 4])
    const file = join(dir, 'many.yml')
    writeFileSync(
      file,
      [
        'steps:',
        '  - id: a',
        '    command: echo a',
        '    timeout: -1',
        '  - id: a',
        '    command: echo again',
        '  - id: c',
        '    command: echo c',
        '    condition: on_success(zz)',
        'dependencies:',
        '  - { from: c, to: nowhere }',
        '',
      ].join('\n')
    )
    const all = await diagnosticsOf(file)
    expect(all.map((d) => `${d.location.line}:${d.location.column}`)).toEqual(['4:14', '5:9', '9:27', '11:20'])
  })
})
