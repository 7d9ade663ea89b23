/**
 * A record written in pieces is the same text JSON.stringify gives, whatever the value holds.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { jsonPieces } from '../../src/state/json-pieces.js'

const joined = (value: unknown): string => [...jsonPieces(value)].join('')

describe('jsonPieces', () => {
  it('concatenates to JSON.stringify for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(joined(value)).toBe(JSON.stringify(value))))
  })

  it('splits long arrays element by element, leaving out what JSON.stringify leaves out', () => {
    const steps = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, skip: undefined, at: new Date(0), f: () => i }))
    const record = { version: 1, steps, result: { steps: [...steps, undefined] }, gone: undefined, empty: {} }
    expect(joined(record)).toBe(JSON.stringify(record))
    expect(Math.max(...[...jsonPieces(record)].map((piece) => piece.length))).toBeLessThan(100)
  })
})
