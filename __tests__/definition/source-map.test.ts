/**
 * The location index: every key and value of a YAML or JSON file by JSON pointer, with columns inside
 * strings mapped to the file where the text allows it.
 */
import { describe, expect, it } from '@jest/globals'
import { parseDocument } from '../../src/definition/source-map.js'
import type { ParsedDocument } from '../../src/definition/source-map.js'
import { Locator } from '../../src/definition/locator.js'

function parsed(text: string, syntax: 'yaml' | 'json' = 'yaml'): ParsedDocument {
  const result = parseDocument(text, 'f', syntax)
  if (!result.ok) throw new Error(`${result.error.position.line}:${result.error.position.column} ${result.error.message}`)
  return result.value
}

function failure(text: string, syntax: 'yaml' | 'json' = 'yaml'): string {
  const result = parseDocument(text, 'f', syntax)
  if (result.ok) throw new Error('parsed')
  return `${result.error.position.line}:${result.error.position.column} ${result.error.message}`
}

const at = (doc: ParsedDocument, pointer: string, part: 'key' | 'value' = 'value'): string => {
  const location = new Locator([{ prefix: '', map: doc.map, target: '' }]).locate(pointer, part)
  return `${location.line}:${location.column}`
}

const inString = (doc: ParsedDocument, pointer: string, text: string, column: number): string => {
  const location = new Locator([{ prefix: '', map: doc.map, target: '' }]).locateInString(pointer, text, column)
  return `${location.line}:${location.column}`
}

describe('YAML locations', () => {
  const doc = parsed(['name: demo', 'steps:', '  - id: a', '    command: echo a', '  - id: "b"', "    condition: 'on_success(a)'", ''].join('\n'))

  it('indexes keys and values by pointer, quoted values at their opening quote', () => {
    expect(at(doc, '/steps/1/id', 'key')).toBe('5:5')
    expect(at(doc, '/steps/1/id')).toBe('5:9')
    expect(at(doc, '/steps/0')).toBe('3:5')
    expect(at(doc, '/name')).toBe('1:7')
  })

  it('locates a missing node at its nearest ancestor', () => {
    expect(at(doc, '/steps/0/timeout')).toBe('3:5')
    expect(at(doc, '/nothing/here')).toBe('1:1')
  })

  it('maps a column inside a plain or quoted one-line string to the file', () => {
    expect(inString(doc, '/steps/0/command', 'echo a', 6)).toBe('4:19')
    expect(inString(doc, '/steps/1/condition', 'on_success(a)', 12)).toBe('6:28')
  })

  it('falls back to the value start when the text was changed after parsing', () => {
    expect(inString(doc, '/steps/0/command', 'echo b --changed', 6)).toBe('4:14')
  })

  it('accounts for escapes in double-quoted strings', () => {
    const escaped = parsed('c: "a\\"b\\u0041 x"\n')
    // Decoded `a"bA x`: column 6 (`x`) is after a 2-character and a 6-character escape.
    expect(inString(escaped, '/c', 'a"bA x', 6)).toBe('1:16')
  })

  it('maps lines and columns of a literal block scalar', () => {
    const block = parsed(['steps:', '  - command: |', '      echo one', '      echo ${{ two', ''].join('\n'))
    expect(inString(block, '/steps/0/command', 'echo one\necho ${{ two\n', 15)).toBe('4:12')
  })
})

describe('JSON locations', () => {
  const doc = parsed('{\n  "workflow": {\n    "steps": [ { "id": "a", "command": "echo \\"hi\\" x" } ]\n  }\n}\n', 'json')

  it('indexes JSON like YAML', () => {
    expect(at(doc, '/workflow/steps/0/command', 'key')).toBe('3:29')
    expect(at(doc, '/workflow/steps/0/command')).toBe('3:40')
    expect(inString(doc, '/workflow/steps/0/command', 'echo "hi" x', 11)).toBe('3:53')
  })

  it('reports JSON syntax errors at their place', () => {
    expect(failure('{\n  "a": 1\n  "b": 2\n}', 'json')).toMatch(/^3:\d+ missed comma/)
  })

  it('refuses YAML-only syntax in a .json file', () => {
    expect(failure('{"a": yes}', 'json')).toBe("1:7 JSON syntax error: unexpected 'yes': strings must be double-quoted")
    expect(failure('a: 1\n', 'json')).toBe('1:1 JSON syntax error: YAML block syntax is not JSON')
    expect(failure('{"a": 1,}', 'json')).toMatch(/JSON syntax error/)
  })
})

describe('limits and safety', () => {
  it('stops an alias bomb before it expands, at the alias that crosses the limit', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 6; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`)
    expect(failure(levels.join('\n'))).toMatch(/^4:\d+ aliases expand to more than 10000 nodes/)
  })

  it('refuses nesting deeper than the limit', () => {
    expect(failure(`a: ${'['.repeat(80)}${']'.repeat(80)}`)).toContain('maxDepth')
  })

  it('accepts a few aliases', () => {
    expect(parsed('base: &env {A: "1"}\nsteps: [{id: a, command: x, environment: *env}]\n').value).toEqual({
      base: { A: '1' },
      steps: [{ id: 'a', command: 'x', environment: { A: '1' } }],
    })
  })

  it('keeps __proto__ and constructor keys as plain data, polluting nothing', () => {
    const doc = parsed('__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\nsteps: []\n')
    const value = doc.value as Record<string, unknown>
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'steps'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
  })

  it('refuses a second document, tags it does not know and an empty file', () => {
    expect(failure('a: 1\n---\nb: 2\n')).toBe('3:1 a definition file holds one YAML document; found a second one')
    expect(failure('a: !!js/function x\n')).toMatch(/^1:4 unknown scalar tag/)
    expect(failure('')).toBe('1:1 the file is empty')
  })
})
