import { describe, expect, it } from '@jest/globals'
import { SecretMasker } from '../../src/engine/secret-masker.js'

describe('masking secrets', () => {
  it('replaces every occurrence of every secret', () => {
    const masker = new SecretMasker()
    masker.add('hunter2')
    masker.add('tok-123')
    expect(masker.mask('pw=hunter2 token=tok-123 again hunter2')).toBe('pw=*** token=*** again ***')
  })

  it('leaves text alone when nothing is registered', () => {
    expect(new SecretMasker().mask('nothing secret')).toBe('nothing secret')
  })

  it('hides a secret that contains another one whole (longest first)', () => {
    const masker = new SecretMasker()
    masker.add('abc')
    masker.add('abcdef')
    expect(masker.mask('x abcdef y abc')).toBe('x *** y ***')
  })

  it('masks each line of a multi-line secret', () => {
    const masker = new SecretMasker()
    masker.add('-----BEGIN KEY-----\r\nMIIBOgIBAAJBAKj\n-----END KEY-----\n')
    expect(masker.mask('MIIBOgIBAAJBAKj')).toBe('***')
    expect(masker.mask('  -----END KEY-----')).toBe('  ***')
  })

  it('masks the JSON and URL encodings of a secret', () => {
    const masker = new SecretMasker()
    masker.add('p"a ss/')
    expect(masker.mask(JSON.stringify({ password: 'p"a ss/' }))).toBe('{"password":"***"}')
    expect(masker.mask(`https://h/?p=${encodeURIComponent('p"a ss/')}`)).toBe('https://h/?p=***')
  })

  it('treats regular-expression characters literally', () => {
    const masker = new SecretMasker()
    masker.add('a.b*c')
    expect(masker.mask('a.b*c axbbbc')).toBe('*** axbbbc')
  })

  it('ignores empty and single-character values', () => {
    const masker = new SecretMasker()
    masker.add('')
    masker.add('x')
    masker.add('y\nlong-enough')
    expect(masker.mask('x y long-enough')).toBe('x y ***')
  })

  it('masks every string of plain data and returns a copy', () => {
    const masker = new SecretMasker()
    masker.add('s3cret')
    const when = new Date(0)
    const result = { id: 'a', outputs: { token: 'is s3cret' }, lines: ['s3cret', 3, null, true], when, __nested: { deep: [{ x: 's3cret' }] } }
    const masked = masker.maskDeep(result)
    expect(masked).toEqual({ id: 'a', outputs: { token: 'is ***' }, lines: ['***', 3, null, true], when, __nested: { deep: [{ x: '***' }] } })
    expect(result.outputs.token).toBe('is s3cret')
    expect(masked.outputs).not.toBe(result.outputs)
    expect(masker.maskDeep('s3cret!')).toBe('***!')
  })

  it('keeps a __proto__ key an ordinary key', () => {
    const masker = new SecretMasker()
    masker.add('s3cret')
    const parsed = JSON.parse('{"__proto__": {"polluted": "s3cret"}}') as Record<string, unknown>
    const masked = masker.maskDeep(parsed)
    expect(Object.hasOwn(masked, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(JSON.stringify(masked)).toBe('{"__proto__":{"polluted":"***"}}')
  })
})

describe('safeCut: where a line cut into pieces may be split', () => {
  it('moves a cut that would split a secret to the secret’s start, and leaves other cuts alone', () => {
    const masker = new SecretMasker()
    masker.add('hunter22')
    const text = 'aaaa hunter22 bbbb'
    expect(masker.longest).toBe(8)
    expect(masker.safeCut(text, 8)).toBe(5) // inside the secret
    expect(masker.safeCut(text, 5)).toBe(5) // at its start
    expect(masker.safeCut(text, 13)).toBe(13) // just past it
    expect(new SecretMasker().safeCut(text, 8)).toBe(8)
  })
})
