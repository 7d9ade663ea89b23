import { describe, expect, it } from '@jest/globals'
import { MANY_STEPS, holdYoungGeneration, sizeYoungGenerationFor } from '../../src/engine/young-generation.js'

// The effect on memory is measured by `npm run bench` (10,000 steps); here, which flags are set when.
describe('the young generation', () => {
  it('is held at its starting size from the start', () => {
    const flags: string[] = []
    holdYoungGeneration((f) => flags.push(f))
    expect(flags).toEqual(['--semi-space-growth-factor=1'])
  })

  it('grows again (V8’s default) for a run of few steps, and stays held for a large one', () => {
    const small: string[] = []
    sizeYoungGenerationFor(MANY_STEPS - 1, (f) => small.push(f))
    expect(small).toEqual(['--semi-space-growth-factor=2'])
    const large: string[] = []
    sizeYoungGenerationFor(MANY_STEPS, (f) => large.push(f))
    expect(large).toEqual([])
  })
})
