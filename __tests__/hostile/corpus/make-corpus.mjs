// Writes the generated part of the hostile corpus (the hand-written files sit beside it).
// Run from this folder: `node make-corpus.mjs`. Every file here must load to located errors (or, for
// `valid-*`, to a request); __tests__/hostile/corpus.test.ts checks that.
import { writeFileSync } from 'node:fs'

const steps = 'steps:\n  - id: a\n    command: echo a\n'
const w = (name, data) => writeFileSync(new URL(name, import.meta.url), data)

// Deep nesting: far past the loader's depth limit, in each syntax.
w('deep-flow-arrays.json', '['.repeat(100_000) + ']'.repeat(100_000))
w('deep-flow-objects.json', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000))
w('deep-block-mappings.yml', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n')
w('deep-block-sequences.yml', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n') + ' 1\n')
w('deep-context.json', JSON.stringify({ steps: [{ id: 'a', command: 'true' }], context: JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200)) }))
// Expressions nested far deeper than any parser's recursion should go.
w('deep-expression-parens.yml', `${steps}  - id: b\n    command: echo b\n    condition: "${'('.repeat(20_000)}always()${')'.repeat(20_000)}"\n`)
w('deep-expression-not.yml', `${steps}  - id: b\n    command: echo b\n    condition: "${'!'.repeat(50_000)}success()"\n`)
w('deep-expression-index.yml', `${steps}  - id: b\n    command: echo \${{ context${'[0]'.repeat(20_000)} }}\n`)
w('long-expression-chain.yml', `${steps}  - id: b\n    command: echo b\n    condition: "${Array.from({ length: 20_000 }, () => 'success()').join(' && ')}"\n`)

// Alias bombs: the billion laughs, and the same through merge keys.
const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`)
w('alias-bomb.yml', `${laughs.join('\n')}\n${steps}`)
const merges = ['m0: &m0 {k0: 1, k1: 1, k2: 1, k3: 1, k4: 1, k5: 1, k6: 1, k7: 1}']
for (let i = 1; i < 12; i++) merges.push(`m${i}: &m${i}\n${Array.from({ length: 8 }, (_, j) => `  x${j}:\n    <<: *m${i - 1}`).join('\n')}`)
w('alias-bomb-merge-keys.yml', `${merges.join('\n')}\n${steps}`)
w('alias-self-reference.yml', `steps: &s\n  - id: a\n    command: echo a\n    nested: *s\n`)

// Huge scalars just under and over the 10 MiB limit are made in memory by the test (not committed).
w('long-line.yml', `${steps}  - id: b\n    command: echo ${'x'.repeat(200_000)}\n  - id: ${'c'.repeat(100_000)}\n    command: "true"\n`)
w('many-steps-bad-deps.json', JSON.stringify({ steps: Array.from({ length: 3000 }, (_, i) => ({ id: `s${i}`, command: 'true' })), dependencies: Array.from({ length: 3000 }, (_, i) => ({ from: `s${i}`, to: `s${(i + 1) % 3000}` })) }))

// Wrong encodings.
const text = `name: café\n${steps}`
w('utf16le-bom.yml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
const be = Buffer.from(text, 'utf16le')
for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]]
w('utf16be-bom.json', Buffer.concat([Buffer.from([0xfe, 0xff]), be]))
w('utf16le-no-bom.json', Buffer.from(JSON.stringify({ steps: [{ id: 'a', command: 'true' }] }), 'utf16le'))
w('latin1.yml', Buffer.from(text, 'latin1'))
w('utf32le-bom.yml', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([...text].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))]))
w('nul-bytes.yml', `${steps}\u0000\u0000  - id: b\n    command: echo b\n`)
w('nul-in-key.json', '{"steps":[{"id":"a","command":"true","\u0000":1}]}')
w('overlong-utf8.yml', Buffer.concat([Buffer.from('name: '), Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), Buffer.from(`\n${steps}`)]))
w('lone-surrogate-escape.json', '{"name":"\\ud800","steps":[{"id":"a","command":"echo \\udfff"}],"context":{"\\ud800":1}}')
w('bom-only.yml', '\ufeff')
w('empty.yml', '')
w('whitespace-only.json', ' \n\t\n')

// Prototype pollution keys.
w('proto-top.json', '{"__proto__":{"polluted":"yes"},"steps":[{"id":"a","command":"true"}]}')
w('proto-in-step.json', '{"steps":[{"id":"a","command":"true","__proto__":{"polluted":"yes"}}]}')
w('proto-in-context.json', '{"steps":[{"id":"a","command":"true"}],"context":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}')
w('proto-in-environment.yml', `${steps}    environment:\n      __proto__: { polluted: "yes" }\n      constructor: x\n`)
w('proto-constructor-prototype.yml', `constructor:\n  prototype:\n    polluted: "yes"\n${steps}`)
w('proto-merge-key.yml', `base: &base\n  polluted: "yes"\n__proto__:\n  <<: *base\n${steps}`)
w('proto-step-id.yml', `steps:\n  - id: __proto__\n    command: "true"\n  - id: constructor\n    command: "true"\n    condition: on_success(__proto__)\ndependencies:\n  - { from: __proto__, to: constructor }\n`)
w('proto-template-params.yml', 'template: ci-cd-pipeline\nparameters:\n  __proto__: { polluted: "yes" }\n  constructor: { prototype: { polluted: "yes" } }\n')

// Duplicate keys, tabs, line endings.
w('duplicate-keys.yml', `steps:\n  - id: a\n    command: echo a\n    command: echo b\n`)
w('duplicate-keys.json', '{"steps":[{"id":"a","command":"true"}],"steps":[]}')
w('duplicate-top-keys.yml', `name: a\nname: b\n${steps}`)
w('tabs-indentation.yml', 'steps:\n\t- id: a\n\t  command: echo a\n')
w('tabs-in-values.yml', `steps:\n  - id: a\n    command:\techo a\n  - id:\tb\n    command: "true"\n`)
w('crlf-duplicate-id.yml', 'name: crlf\r\nsteps:\r\n  - id: a\r\n    command: echo a\r\n  - id: a\r\n    command: echo b\r\n')
w('cr-only.yml', 'name: cr\rsteps:\r  - id: a\r    command: echo a\r  - id: a\r    command: echo b\r')
w('valid-crlf.yml', 'name: crlf ok\r\nsteps:\r\n  - id: a\r\n    command: echo a\r\n  - id: b\r\n    command: echo b\r\n    condition: on_success(a)\r\n')
w('valid-bom-utf8.yml', `\ufeffname: bom ok\n${steps}`)

// Syntax damage.
w('unterminated-string.json', '{"steps":[{"id":"a","command":"true}]}')
w('trailing-comma.json', '{"steps":[{"id":"a","command":"true"},]}')
w('comments.json', '{"steps":[{"id":"a","command":"true"}] // done\n}')
w('single-quotes.json', "{'steps':[{'id':'a','command':'true'}]}")
w('yaml-in-json.json', steps)
w('numbers-out-of-range.yml', `steps:\n  - id: a\n    command: echo a\n    timeout: 1e999\n    retries: 99999999999999999999999\n    retryDelay: -.inf\n    killGracePeriod: .nan\n`)
w('unknown-tags.yml', `steps:\n  - id: a\n    command: !!js/function "function () { return 1 }"\n  - id: b\n    command: !<tag:yaml.org,2002:python/object/apply:os.system> ["touch /tmp/pwned"]\n`)
w('binary-tag.yml', `steps:\n  - id: a\n    command: !!binary aGVsbG8=\n`)
w('two-documents.yml', `${steps}---\n${steps}`)
w('scalar-document.yml', 'just a string\n')
w('sequence-document.json', '[1,2,3]')
w('cycle-and-self.yml', `${steps}  - id: b\n    command: echo b\ndependencies:\n  - { from: a, to: b }\n  - { from: b, to: a }\n  - { from: a, to: a }\n`)
w('bad-expressions.yml', `${steps}  - id: b\n    command: echo \${{ context.x ]] }} \${{ }} \${{ 'unterminated }}\n    condition: "success() &&"\n    environment:\n      X: \${{ fromJSON( }}\n`)
w('expression-in-arithmetic.yml', `${steps}  - id: b\n    command: echo $(( \${{ context.n }} + 1 ))\n`)
