import { describe, it, expect } from '@jest/globals'
import type { DependencyType } from '../../src/definition/model.js'
import { findCycles } from '../../src/plan/cycles.js'

type Edge = { from: string; to: string; type: DependencyType }
const edge = (from: string, to: string, type: DependencyType = 'finish_to_start'): Edge => ({ from, to, type })

describe('findCycles', () => {
  it('finds nothing in a diamond', () => {
    const deps = [edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')]
    expect(findCycles(['a', 'b', 'c', 'd'], deps)).toEqual([])
  })

  it('finds a finish_to_start loop', () => {
    expect(findCycles(['a', 'b'], [edge('a', 'b'), edge('b', 'a')])).toEqual([['a', 'b', 'a']])
  })

  it('finds a start_to_start loop', () => {
    const deps = [edge('a', 'b', 'start_to_start'), edge('b', 'a', 'start_to_start')]
    expect(findCycles(['a', 'b'], deps)).toEqual([['a', 'b', 'a']])
  })

  it('finds a finish_to_finish loop, which deadlocks though neither start waits', () => {
    const deps = [edge('a', 'b', 'finish_to_finish'), edge('b', 'a', 'finish_to_finish')]
    expect(findCycles(['a', 'b'], deps)).toEqual([['a', 'b', 'a']])
  })

  it('finds start_to_finish a->b with finish_to_start b->a: S(a) -> F(b) -> S(a)', () => {
    const deps = [edge('a', 'b', 'start_to_finish'), edge('b', 'a')]
    expect(findCycles(['a', 'b'], deps)).toEqual([['a', 'b', 'a']])
  })

  it('accepts start_to_finish a->b with start_to_finish b->a: S(a) -> F(b), S(b) -> F(a) close no loop', () => {
    const deps = [edge('a', 'b', 'start_to_finish'), edge('b', 'a', 'start_to_finish')]
    expect(findCycles(['a', 'b'], deps)).toEqual([])
  })

  it('accepts finish_to_finish a->b with start_to_start b->a: F(a) -> F(b) and S(b) -> S(a) close no loop', () => {
    const deps = [edge('a', 'b', 'finish_to_finish'), edge('b', 'a', 'start_to_start')]
    expect(findCycles(['a', 'b'], deps)).toEqual([])
  })

  it('accepts finish_to_finish b->a with start_to_start a->b: F(b) -> F(a) and S(a) -> S(b) close no loop', () => {
    const deps = [edge('b', 'a', 'finish_to_finish'), edge('a', 'b', 'start_to_start')]
    expect(findCycles(['a', 'b'], deps)).toEqual([])
  })

  it('finds start_to_start a->b with finish_to_start b->a: S(a) -> S(b) -> F(b) -> S(a)', () => {
    const deps = [edge('a', 'b', 'start_to_start'), edge('b', 'a')]
    expect(findCycles(['a', 'b'], deps)).toEqual([['a', 'b', 'a']])
  })

  it('names a three-step cycle starting from the earliest step', () => {
    const deps = [edge('x', 'c'), edge('c', 'b'), edge('b', 'a'), edge('a', 'c')]
    expect(findCycles(['x', 'a', 'b', 'c'], deps)).toEqual([['a', 'c', 'b', 'a']])
  })

  it('reports one cycle per separate component, in definition order', () => {
    const deps = [edge('c', 'd'), edge('d', 'c'), edge('a', 'b'), edge('b', 'a')]
    expect(findCycles(['a', 'b', 'c', 'd'], deps)).toEqual([
      ['a', 'b', 'a'],
      ['c', 'd', 'c']
    ])
  })

  it('ignores dependencies on unknown steps and self-dependencies', () => {
    const deps = [edge('a', 'ghost'), edge('ghost', 'a'), edge('a', 'a')]
    expect(findCycles(['a'], deps)).toEqual([])
  })

  it('handles a 10,000-step chain closed into a loop without overflowing the stack', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `s${i}`)
    const deps = ids.map((id, i) => edge(id, ids[(i + 1) % ids.length] as string))
    const cycles = findCycles(ids, deps)
    expect(cycles).toHaveLength(1)
    expect(cycles[0]).toHaveLength(10_001)
    expect(cycles[0]?.[0]).toBe('s0')
    expect(cycles[0]?.[10_000]).toBe('s0')
  })
})
