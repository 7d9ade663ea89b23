import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseStepOutputFile, progressFromOutputs, readStepOutputFile } from '../../src/engine/step-output-file.js'
import { run } from './process-helpers.js'

describe('parsing $TASK_OUTPUT', () => {
  it('reads name=value lines, keeping = in values and skipping blank lines', () => {
    expect(parseStepOutputFile('a=1\n\nurl=https://x?y=z\nempty=\n')).toEqual({ ok: true, value: { a: '1', url: 'https://x?y=z', empty: '' } })
  })

  it('reads heredoc values with their inner newlines, and \\r\\n files', () => {
    const text = 'notes<<EOF\r\nline one\r\n\r\nline three\r\nEOF\r\nafter=yes\r\n'
    expect(parseStepOutputFile(text)).toEqual({ ok: true, value: { notes: 'line one\n\nline three', after: 'yes' } })
  })

  it('accepts a heredoc whose delimiter is the last line without newline, and an empty heredoc', () => {
    expect(parseStepOutputFile('a<<END\nvalue\nEND')).toEqual({ ok: true, value: { a: 'value' } })
    expect(parseStepOutputFile('a<<END\nEND\n')).toEqual({ ok: true, value: { a: '' } })
  })

  it('decides the form by whichever of = and << comes first', () => {
    expect(parseStepOutputFile('a=b<<c\n')).toEqual({ ok: true, value: { a: 'b<<c' } })
    expect(parseStepOutputFile('x<<D=1\nv\nD=1\n')).toEqual({ ok: true, value: { x: 'v' } })
  })

  it('lets a later line win, and treats __proto__ as an ordinary name', () => {
    const parsed = parseStepOutputFile('a=1\na=2\n__proto__=p\n')
    expect(parsed.ok && parsed.value['a']).toBe('2')
    expect(parsed.ok && Object.getPrototypeOf(parsed.value)).toBe(Object.prototype)
    expect(parsed.ok && Object.hasOwn(parsed.value, '__proto__')).toBe(true)
  })

  it('rejects an unterminated heredoc, a missing name and a line of neither form', () => {
    const unterminated = parseStepOutputFile('ok=1\nnotes<<EOF\nno end\n')
    expect(unterminated.ok).toBe(false)
    expect(!unterminated.ok && unterminated.error).toContain("never closed by a 'EOF' line")
    expect(parseStepOutputFile('=value\n').ok).toBe(false)
    expect(parseStepOutputFile('<<EOF\nx\nEOF\n').ok).toBe(false)
    expect(parseStepOutputFile('name<<\n').ok).toBe(false)
    expect(parseStepOutputFile('just words\n').ok).toBe(false)
  })
})

describe('progress from outputs', () => {
  it('reads percentage and task', () => {
    expect(progressFromOutputs({ progress: '75', task: 'Processing batch 3 of 4' })).toEqual({ percentage: 75, task: 'Processing batch 3 of 4' })
    expect(progressFromOutputs({ progress: ' 42.5% ' })).toEqual({ percentage: 42.5 })
  })

  it('clamps to 0..100 and ignores what is not a number', () => {
    expect(progressFromOutputs({ progress: '150' })).toEqual({ percentage: 100 })
    expect(progressFromOutputs({ progress: '-3' })).toEqual({ percentage: 0 })
    expect(progressFromOutputs({ progress: 'lots', task: '  ' })).toEqual({})
    expect(progressFromOutputs({})).toEqual({})
  })
})

describe('reading the file a step wrote', () => {
  const dir = mkdtempSync(join(tmpdir(), 'step-output-test-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads what a real step wrote, heredoc included', async () => {
    const file = join(dir, 'real.out')
    const exit = await run('echo "version=1.2.3" >> "$TASK_OUTPUT"; { echo "log<<EOF"; echo "a"; echo "b"; echo "EOF"; } >> "$TASK_OUTPUT"', {
      env: { ...process.env, TASK_OUTPUT: file } as Record<string, string>,
    }).exit
    expect(exit.exitCode).toBe(0)
    expect(await readStepOutputFile(file)).toEqual({ ok: true, value: { version: '1.2.3', log: 'a\nb' } })
  })

  it('means no outputs when the file does not exist', async () => {
    expect(await readStepOutputFile(join(dir, 'missing.out'))).toEqual({ ok: true, value: {} })
  })

  it('refuses a file over the limit without reading it', async () => {
    const file = join(dir, 'big.out')
    writeFileSync(file, `big=${'x'.repeat(2000)}\n`)
    const read = await readStepOutputFile(file, 1000)
    expect(read.ok).toBe(false)
    expect(!read.ok && read.error).toContain('larger than 1000 bytes')
  })
})
