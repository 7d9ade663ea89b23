/** Resource quantities in Kubernetes spelling become cores, bytes and GPU counts (SPEC §6). */
import { describe, expect, it } from '@jest/globals'
import { formatMemory, parseCpu, parseGpu, parseMemory } from '../../src/definition/units.js'

describe('cpu', () => {
  it.each([
    [2, 2],
    ['2', 2],
    ['0.5', 0.5],
    ['500m', 0.5],
    ['1500m', 1.5],
    [' 3 ', 3],
  ])('reads %p as %p cores', (input, cores) => {
    expect(parseCpu(input)).toEqual({ ok: true, value: cores })
  })

  it.each(['2 cores', '500mi', '-1', 'm', '', true])('refuses %p', (input) => {
    expect(parseCpu(input).ok).toBe(false)
  })
})

describe('memory', () => {
  it.each([
    ['4Gi', 4 * 2 ** 30],
    ['512Mi', 512 * 2 ** 20],
    ['1G', 1e9],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['100k', 100_000],
    [1048576, 1048576],
    ['1024', 1024],
  ])('reads %p as %p bytes', (input, bytes) => {
    expect(parseMemory(input)).toEqual({ ok: true, value: bytes })
  })

  it.each(['4GB', '4 Gi', 'lots', '-5Mi', null])('refuses %p', (input) => {
    const parsed = parseMemory(input)
    expect(parsed.ok).toBe(false)
  })

  it('names the field in the message', () => {
    const parsed = parseMemory('10 GB', 'storage')
    expect(parsed.ok ? '' : parsed.error).toContain('storage')
  })

  it('prints sizes in binary units', () => {
    expect(formatMemory(16 * 2 ** 30)).toBe('16Gi')
    expect(formatMemory(1536 * 2 ** 20)).toBe('1.5Gi')
    expect(formatMemory(100)).toBe('100')
  })
})

describe('gpu', () => {
  it('reads true as one GPU, false as none, and counts as given', () => {
    expect(parseGpu(true)).toEqual({ ok: true, value: 1 })
    expect(parseGpu(false)).toEqual({ ok: true, value: 0 })
    expect(parseGpu(2)).toEqual({ ok: true, value: 2 })
  })

  it.each([1.5, -1, '1'])('refuses %p', (input) => {
    expect(parseGpu(input).ok).toBe(false)
  })
})
