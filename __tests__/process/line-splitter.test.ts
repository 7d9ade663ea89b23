import { describe, expect, it } from '@jest/globals'
import { LineSplitter } from '../../src/engine/process/line-splitter.js'

function split(chunks: readonly (Buffer | string)[], max?: number): string[] {
  const lines: string[] = []
  const splitter = new LineSplitter((line) => lines.push(line), max)
  for (const chunk of chunks) splitter.push(chunk)
  splitter.end()
  return lines
}

describe('splitting a byte stream into lines', () => {
  it('joins a line split across chunks and splits several lines in one chunk', () => {
    expect(split(['ab', 'c\nde', 'f\ng\n'])).toEqual(['abc', 'def', 'g'])
  })

  it('removes \\r of \\r\\n even when \\r and \\n arrive in different chunks', () => {
    expect(split(['one\r', '\ntwo\r\n'])).toEqual(['one', 'two'])
  })

  it('keeps empty lines and delivers a last line without newline at the end', () => {
    expect(split(['\n\nlast'])).toEqual(['', '', 'last'])
    expect(split(['x\n'])).toEqual(['x'])
  })

  it('decodes a UTF-8 character split across chunks', () => {
    const bytes = Buffer.from('€ and 😀\n')
    const chunks = Array.from(bytes, (byte) => Buffer.from([byte]))
    expect(split(chunks)).toEqual(['€ and 😀'])
  })

  it('cuts an overlong line into pieces, never inside a surrogate pair', () => {
    const lines = split(['abcdefgh', 'ij\n'], 4)
    expect(lines).toEqual(['abcd', 'efgh', 'ij'])
    const emoji = split(['a😀b\n'], 2)
    expect(emoji).toEqual(['a', '😀', 'b'])
  })

  it('bounds a line that never ends while it waits', () => {
    const lines: string[] = []
    const splitter = new LineSplitter((line) => lines.push(line), 10)
    for (let i = 0; i < 100; i++) splitter.push('xxxxx')
    expect(lines.length).toBeGreaterThanOrEqual(49)
    expect(lines.every((l) => l.length <= 10)).toBe(true)
    splitter.end()
    expect(lines.join('')).toHaveLength(500)
  })

  it('ignores chunks after end', () => {
    const lines: string[] = []
    const splitter = new LineSplitter((line) => lines.push(line))
    splitter.end()
    splitter.push('late\n')
    expect(lines).toEqual([])
  })
})
