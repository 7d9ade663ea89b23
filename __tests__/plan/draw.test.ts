import { describe, it, expect } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { toDot, toMermaid } from '../../src/plan/draw.js'
import { planWorkflow } from '../../src/plan/plan.js'
import { workflowOf } from './workflow-fixture.js'

const workflow = workflowOf(
  [
    { id: 'build-app', name: 'Build "app" #1 <fast> & `small`' },
    { id: 'test', name: 'Test\nall' },
    { id: 'end', name: 'notify | on failure' },
    { id: 'observe', name: 'C:\\logs' }
  ],
  [
    { from: 'build-app', to: 'test' },
    { from: 'test', to: 'end', condition: 'failure' },
    { from: 'build-app', to: 'observe', type: 'start_to_start', condition: 'always' },
    { from: 'test', to: 'observe', implicit: true }
  ],
  'Release "v2"'
)

const dotAvailable = spawnSync('sh', ['-c', 'command -v dot'], { encoding: 'utf8' }).status === 0

describe('toMermaid', () => {
  const text = toMermaid(workflow, planWorkflow(workflow))
  const lines = text.trimEnd().split('\n')

  it('draws a top-down flowchart with one escaped node per step', () => {
    expect(lines[0]).toBe('flowchart TD')
    expect(lines).toContain('  s0_build_app["Build #quot;app#quot; #35;1 #lt;fast#gt; #amp; #96;small#96;"]')
    expect(lines).toContain('  s1_test["Test all"]')
    expect(lines).toContain('  s2_end["notify #124; on failure"]')
  })

  it('uses node ids that are Mermaid-safe and never reserved words', () => {
    const nodeIds = lines.slice(1, 5).map((line) => line.trim().split('[')[0])
    for (const id of nodeIds) expect(id).toMatch(/^s\d+_[A-Za-z0-9_]+$/)
    expect(lines.some((line) => /(^|\s)end(\s|$)/.test(line))).toBe(false)
  })

  it('labels only non-default edges and dots implicit ones', () => {
    expect(lines).toContain('  s0_build_app --> s1_test')
    expect(lines).toContain('  s1_test -- failure --> s2_end')
    expect(lines).toContain('  s0_build_app -- start_to_start, always --> s3_observe')
    expect(lines).toContain('  s1_test -.-> s3_observe')
  })

  it('marks the critical path when given a plan', () => {
    expect(lines).toContain('  class s0_build_app,s1_test,s2_end critical')
    expect(toMermaid(workflow)).not.toContain('critical')
  })
})

describe('toDot', () => {
  const text = toDot(workflow, planWorkflow(workflow))

  it('writes a digraph with quoted, escaped names', () => {
    expect(text.startsWith('digraph "Release \\"v2\\"" {\n')).toBe(true)
    expect(text.trimEnd().endsWith('}')).toBe(true)
    expect(text).toContain('  "build-app" [label="Build \\"app\\" #1 <fast> & `small`", penwidth=3];')
    expect(text).toContain('  "test" [label="Test\\nall", penwidth=3];')
    expect(text).toContain('  "observe" [label="C:\\\\logs"];')
  })

  it('labels non-default edges and dashes implicit ones', () => {
    expect(text).toContain('  "build-app" -> "test";')
    expect(text).toContain('  "test" -> "end" [label="failure"];')
    expect(text).toContain('  "build-app" -> "observe" [label="start_to_start, always"];')
    expect(text).toContain('  "test" -> "observe" [style=dashed];')
  })

  const itWithDot = dotAvailable ? it : it.skip
  itWithDot('is accepted by Graphviz', () => {
    const parsed = spawnSync('dot', ['-Tcanon'], { input: text, encoding: 'utf8' })
    expect(parsed.stderr).toBe('')
    expect(parsed.status).toBe(0)
  })
})
