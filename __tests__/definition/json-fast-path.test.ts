/**
 * The JSON fast path answers every location question exactly as the full event index does, and leaves
 * to the slow path the JSON that the YAML parser would reject or read differently.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseJsonFast } from '../../src/definition/json-fast-path.js'
import { DEFAULT_PARSE_LIMITS, parseDocument } from '../../src/definition/source-map.js'
import type { SourceIndex } from '../../src/definition/source-map.js'

function fast(text: string): SourceIndex {
  const parsed = parseJsonFast(text, 'f.json', DEFAULT_PARSE_LIMITS)
  if (!parsed) throw new Error('took the slow path')
  return parsed.map
}

function full(text: string): SourceIndex {
  const parsed = parseDocument(text, 'f.json', 'json')
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value.map
}

/** Every pointer of the document, containers and scalars, keys included. */
function pointers(value: unknown, pointer = ''): string[] {
  if (value === null || typeof value !== 'object') return [pointer]
  const children = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value)
  return [pointer, ...children.flatMap(([key, item]) => pointers(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`))]
}

function expectSameAnswers(text: string): void {
  const quick = fast(text)
  const slow = full(text)
  for (const pointer of [...pointers(JSON.parse(text)), '/missing', '/workflow/steps/99/id']) {
    expect([pointer, quick.entry(pointer)]).toEqual([pointer, slow.entry(pointer)])
    expect([pointer, quick.nearest(pointer)]).toEqual([pointer, slow.nearest(pointer)])
    expect([pointer, quick.scalarText(pointer)]).toEqual([pointer, slow.scalarText(pointer)])
    expect([pointer, quick.positionInString(pointer, 2)]).toEqual([pointer, slow.positionInString(pointer, 2)])
  }
  expect(quick.position(text.length - 1)).toEqual(slow.position(text.length - 1))
}

describe('JSON fast path', () => {
  it('locates steps, dependencies and keys as the event index does', () => {
    expectSameAnswers(
      [
        '{',
        '\t"workflow" : { "steps" : [ {"id":"a","command":"echo \\"}{[\\\\"}, {"id":"b","condition":"on_success(a)"} ],',
        '\r\n  "dependencies": [{"from": "a", "to": "b"}], "a/b~c": {"x": [1, 2, {"y": null}]} },',
        '  "context": {"k\\u0065y": "é😀", "n": -1.5e+3, "t": true, "empty": {}, "list": []}',
        '}',
      ].join('\n'),
    )
  })

  it('answers like the event index for every JSON fixture', () => {
    const dirs = [join('__tests__', 'fixtures', 'invalid'), join('examples', 'seed')]
    const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'expected.json').map((f) => join(dir, f)))
    let compared = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      if (parseJsonFast(text, file, DEFAULT_PARSE_LIMITS) === undefined || !parseDocument(text, file, 'json').ok) continue
      expectSameAnswers(text)
      compared++
    }
    expect(compared).toBeGreaterThan(0)
  })

  it('leaves duplicate keys, deep nesting, non-printable characters and non-JSON to the slow path', () => {
    expect(parseJsonFast('{"a": 1, "a": 2}', 'f.json', DEFAULT_PARSE_LIMITS)).toBeUndefined()
    expect(parseJsonFast(`${'['.repeat(70)}${']'.repeat(70)}`, 'f.json', DEFAULT_PARSE_LIMITS)).toBeUndefined()
    expect(parseJsonFast('{"a": "\u007f"}', 'f.json', DEFAULT_PARSE_LIMITS)).toBeUndefined()
    expect(parseJsonFast("{a: 'b'}", 'f.json', DEFAULT_PARSE_LIMITS)).toBeUndefined()
    expect(parseJsonFast('{"a": 1,}', 'f.json', DEFAULT_PARSE_LIMITS)).toBeUndefined()
  })
})
