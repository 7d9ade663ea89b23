/**
 * The loader and validator on whatever text or structure a hostile (or careless) author can write: the
 * answer is a request or located diagnostics, never an exception, never a long stall, never a polluted
 * Object.prototype.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { dump } from 'js-yaml'
import { loadDefinitionText } from '../../src/definition/load.js'
import { expectCleanLoad, expectNoPollution } from './support/clean-load.js'

const capacity = { cpu: 4, memory: 8 * 2 ** 30, gpu: 0 }
const load = (text: string, file: string) => loadDefinitionText(text, file, { capacity, templatesDirs: [] })

afterEach(expectNoPollution)

/** Pieces of YAML and JSON syntax (and of the definition's vocabulary), so random sequences come close to documents. */
const YAML_FRAGMENTS = [
  'steps:', 'workflow:', 'template:', 'parameters:', 'context:', 'dependencies:', '- id: a', '- id: b', 'id:', 'command:', 'echo hi',
  'condition:', 'on_success(a)', '${{', '}}', 'from: a', 'to: b', '__proto__:', 'constructor:', 'prototype:', 'polluted: 1',
  '&a', '*a', '<<:', '!!js/function', '!!binary', '!!str', '!!map', '!!omap', '!!set', '? ', ': ', '- ', '[', ']', '{', '}', ',', '"', "'",
  '|', '>', '#', '%YAML 1.2', '---', '...', '\n', '\n  ', '\n    ', '\t', '\r\n', '\u0000', '\uFEFF', '\uD800', 'é', '0x1F', '1e999',
  '-.inf', 'null', '~', 'true', 'yes', 'matrix:', 'env:', 'timeout: -1', 'retries: 1e9', 'x-ext:',
]
const JSON_FRAGMENTS = [
  '{', '}', '[', ']', ':', ',', '"steps"', '"workflow"', '"id"', '"command"', '"a"', '"__proto__"', '"constructor"', '"prototype"',
  '"polluted"', '1', '-0', '1e309', 'true', 'null', '"\\u0000"', '"\\ud800"', '"${{ x }}"', ' ', '\n', '\uFEFF', '\\', '"',
]

const fragmentText = (fragments: readonly string[]) => fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join(''))

describe('random text', () => {
  it('YAML: a request or located errors', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fragmentText(YAML_FRAGMENTS)), (text) => void expectCleanLoad(() => load(text, 'fuzz.yml'), 'fuzz.yml')),
      { numRuns: 400 },
    )
  })

  it('JSON: a request or located errors', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fragmentText(JSON_FRAGMENTS)), (text) => void expectCleanLoad(() => load(text, 'fuzz.json'), 'fuzz.json')),
      { numRuns: 400 },
    )
  })
})

/** Keys a definition uses plus the ones an attacker tries. */
const KEYS = [
  'workflow', 'steps', 'template', 'parameters', 'context', 'dependencies', 'id', 'command', 'name', 'condition', 'timeout', 'retries',
  'environment', 'workingDirectory', 'resources', 'matrix', 'from', 'to', 'type', 'errorHandling', 'notifications', 'debug', 'rollback',
  '__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'hasOwnProperty', 'x-ext',
]
const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'echo ${{ parameters.x }}', '${{ __proto__.polluted }}', 'on_success(a)', 'a -> b', '', '__proto__', 'constructor'),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
)
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('tree')), { maxLength: 5 }).map((entries) => {
      // Own properties named __proto__, as JSON.parse would make them, not a prototype change.
      const object: Record<string, unknown> = {}
      for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true })
      return object
    }),
  ),
}))

/** A step list that is almost valid, so the fuzzing reaches the semantic checks and the expansion. */
const nearlyValid = fc
  .record({
    ids: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor', 'toString', 'x-1'), { minLength: 1, maxLength: 4 }),
    condition: fc.constantFrom(undefined, 'always', 'on_success(a)', 'steps.__proto__.status == "x"', '${{ (((( }}', 'toJSON(context)'),
    extra: fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 3 }),
    deps: fc.array(fc.record({ from: fc.constantFrom('a', 'b', '__proto__'), to: fc.constantFrom('a', 'b', 'constructor') }), { maxLength: 3 }),
  })
  .map(({ ids, condition, extra, deps }) => ({
    name: 'fuzz',
    steps: ids.map((id, i) => ({ id, command: `echo ${id}`, ...(i === 1 && condition ? { condition } : {}), ...(i === 0 ? extra : {}) })),
    dependencies: deps,
  }))

describe('random structured definitions', () => {
  it('as JSON and as YAML: a request or located errors', () => {
    fc.assert(
      fc.property(fc.oneof(tree, nearlyValid), (value) => {
        const json = JSON.stringify(value) ?? 'null'
        expectCleanLoad(() => load(json, 'tree.json'), 'tree.json')
        const yaml = dump(value, { noRefs: true, skipInvalid: true })
        expectCleanLoad(() => load(yaml, 'tree.yml'), 'tree.yml')
      }),
      { numRuns: 250 },
    )
  })

  it('prototype keys at every level load as plain data or errors, and never reach Object.prototype', () => {
    const texts = [
      '{"__proto__": {"polluted": 1}, "steps": [{"id": "a", "command": "true"}]}',
      '{"steps": [{"id": "a", "command": "true", "__proto__": {"polluted": 1}}]}',
      '{"steps": [{"id": "a", "command": "true", "environment": {"__proto__": {"polluted": "1"}}}]}',
      '{"steps": [{"id": "a", "command": "true"}], "context": {"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}}',
      'steps:\n  - id: a\n    command: "true"\ncontext:\n  constructor:\n    prototype:\n      polluted: 1\n',
      'steps:\n  - id: a\n    command: "true"\n__proto__:\n  polluted: 1\n',
      'base: &b\n  polluted: 1\nsteps:\n  - id: a\n    command: "true"\n    <<: *b\ncontext:\n  __proto__: *b\n',
      'template: ci-cd-pipeline\nparameters:\n  __proto__:\n    polluted: 1\n',
      'steps:\n  - id: a\n    command: "true"\nparameters:\n  constructor: { type: object, default: { prototype: { polluted: 1 } } }\n',
    ]
    for (const text of texts) {
      const file = text.startsWith('{') ? 'proto.json' : 'proto.yml'
      expectCleanLoad(() => load(text, file), file)
      expectNoPollution()
    }
  })
})

describe('values given from outside the file (--context, --param, the action inputs)', () => {
  const deep = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown
  const file = 'outside.yml'
  const text = 'parameters:\n  x: { type: array, default: [] }\nsteps:\n  - id: a\n    command: echo ${{ toJSON(parameters.x) }} ${{ toJSON(context.d) }}\n'

  it('a context or a parameter nested 5,000 deep is a located error, not a stack overflow', () => {
    expectCleanLoad(() => loadDefinitionText(text, file, { capacity, context: { d: deep(5000) } }), file)
    expectCleanLoad(() => loadDefinitionText(text, file, { capacity, parameters: { x: deep(5000) } }), file)
  })

  it('random JSON values as context and parameters: a request or located errors', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('d', 'x', '__proto__', 'constructor'), fc.jsonValue({ depthSize: 'medium' }), { maxKeys: 3 }), fc.jsonValue({ depthSize: 'medium' }), (context, x) => {
        expectCleanLoad(() => loadDefinitionText(text, file, { capacity, context, parameters: { x } }), file)
      }),
      { numRuns: 200 },
    )
  })
})
