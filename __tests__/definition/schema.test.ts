/**
 * The shipped JSON Schema (src/schema/workflow.schema.json) works for editors on files as written:
 * its root picks the shape (execution request, template request, bare workflow) and accepts every
 * example and built-in template, and rejects what the loader rejects for schema reasons.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { load } from 'js-yaml'
import { workflowSchema } from '../../src/definition/schema-check.js'
import { BUILTIN_TEMPLATES } from '../../src/templates/builtin/index.js'

const shipped: unknown = JSON.parse(readFileSync(join('src', 'schema', 'workflow.schema.json'), 'utf8'))

function editorValidator() {
  // Editors know nothing of our errorMessage annotation; strict mode off, as they would be.
  const ajv = new Ajv({ allErrors: true, strict: false })
  return ajv.compile(shipped as object)
}

function definitionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'workflows' || name === 'scripts' ? [] : definitionFiles(path)
    return /\.(ya?ml|json)$/.test(name) ? [path] : []
  })
}

describe('workflow.schema.json', () => {
  it('is the schema the loader checks against', () => {
    expect(workflowSchema).toEqual(shipped)
  })

  it('is a draft-07 schema', () => {
    expect((shipped as { $schema: string }).$schema).toBe('http://json-schema.org/draft-07/schema#')
  })

  const validate = editorValidator()

  it.each(definitionFiles('examples'))('accepts %s as written', (file) => {
    const document = load(readFileSync(file, 'utf8'))
    const valid = validate(document)
    expect(valid ? [] : validate.errors).toEqual([])
  })

  it.each(Object.entries(BUILTIN_TEMPLATES))('accepts the built-in template %s as written', (_name, text) => {
    const valid = validate(load(text))
    expect(valid ? [] : validate.errors).toEqual([])
  })

  it.each([
    ['an unknown step key', { steps: [{ id: 'a', command: 'x', comand: 'y' }] }],
    ['a missing command', { workflow: { steps: [{ id: 'a' }] } }],
    ['a bad id', { steps: [{ id: '1a', command: 'x' }] }],
    ['an unknown request key', { workflow: { steps: [{ id: 'a', command: 'x' }] }, retry: 1 }],
    ['a template name with a slash', { template: 'a/b' }],
    ['a bad memory unit', { steps: [{ id: 'a', command: 'x', resources: { memory: '4GB' } }] }],
    ['a bad dependency type', { steps: [{ id: 'a', command: 'x' }], dependencies: [{ from: 'a', to: 'a', type: 'after' }] }],
  ])('rejects %s', (_what, document) => {
    expect(validate(document)).toBe(false)
  })
})
