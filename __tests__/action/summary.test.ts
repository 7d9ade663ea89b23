import { describe, expect, it } from '@jest/globals'
import { renderSummary, SUMMARY_MAX_BYTES, formatDuration } from '../../src/report/summary.js'
import { ganttChart } from '../../src/report/gantt.js'
import { step, workflowResult } from './support/results.js'

describe('job summary', () => {
  const result = workflowResult(
    [step('build', 'completed', 0, 2000), step('test', 'failed', 2000, 5000), step('deploy', 'skipped', null, null)],
    {},
    ['build', 'test'],
  )

  it('shows the status, which step failed and why, the critical path, a mermaid Gantt and the failed log tail', () => {
    const md = renderSummary({ result, failedLogTails: { test: ['running tests', 'AssertionError: expected 2'] } })
    expect(md).toMatch(/^## ❌ demo failed: Step test failed/)
    expect(md).toMatch(/<tr><td><code>test<\/code><\/td><td>❌ failed<\/td><td>3\.0 s<\/td><td>1<\/td><td>exit code 1<\/td><\/tr>/)
    expect(md).toMatch(/<td>⏭️ skipped<\/td><td><\/td><td><\/td><td>dependency build failed<\/td>/)
    expect(md).toContain('**Critical path** (5.0 s): `build` → `test`')
    expect(md).toMatch(/```mermaid\ngantt\n/)
    expect(md).toMatch(/<summary><code>test<\/code>: exit code 1<\/summary>[\s\S]*AssertionError: expected 2/)
  })

  it('escapes HTML in step names, errors and logs, so a step cannot inject markup', () => {
    const hostile = workflowResult([step('x', 'failed', 0, 10, { name: '<img src=x onerror=alert(1)>', error: '</td><script>' })])
    const md = renderSummary({ result: hostile, failedLogTails: { x: ['</pre><script>alert(1)</script>'] } })
    expect(md).not.toMatch(/<img|<script|<\/pre><script/)
    expect(md).toContain('&lt;script&gt;')
  })

  it('stays under the byte budget for 20,000 steps with huge errors, and says what it left out', () => {
    const many = Array.from({ length: 20_000 }, (_v, i) =>
      i % 7 === 0 ? step(`s${i}`, 'failed', i, i + 5, { error: 'E'.repeat(400) }) : step(`s${i}`, 'completed', i, i + 5),
    )
    const big = workflowResult(many)
    const tails = Object.fromEntries(many.filter((s) => s.status === 'failed').map((s) => [s.id, Array.from({ length: 50 }, () => 'x'.repeat(900))]))
    const md = renderSummary({ result: big, failedLogTails: tails })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(md).toMatch(/more steps not shown \(size limit\)/)
    expect(md).toMatch(/more failed steps not shown/)
    // Failed steps are kept in the table before completed ones.
    expect(md).toContain('<code>s19999</code>'.replace('19999', String(19999 - (19999 % 7))))
  })

  it('renders only the requested sections within a small budget (check-run summary)', () => {
    const md = renderSummary({ result, sections: ['status', 'table'], maxBytes: 65_535 })
    expect(md).not.toContain('mermaid')
    expect(md).toContain('<table>')
  })

  it('formats durations for people', () => {
    expect([850, 12_345, 125_000, 3_720_000].map(formatDuration)).toEqual(['850 ms', '12.3 s', '2 m 05 s', '1 h 02 m'])
  })
})

describe('gantt chart', () => {
  it('draws one bar per started step at its real times, marking failed and critical-path steps', () => {
    const chart = ganttChart(workflowResult([step('build', 'completed', 0, 2000), step('lint', 'completed', 0, 500), step('test', 'failed', 2000, 5000), step('deploy', 'skipped', null, null)], {}, ['build', 'test']))
    const t0 = Date.parse('2026-11-24T10:00:00.000Z')
    expect(chart.text.split('\n')).toEqual([
      'gantt',
      '  title demo',
      '  dateFormat x',
      '  axisFormat %H:%M:%S',
      '  section steps',
      `  build :active, ${t0}, ${t0 + 2000}`,
      `  lint :done, ${t0}, ${t0 + 500}`,
      `  test :crit, ${t0 + 2000}, ${t0 + 5000}`,
    ])
    expect(chart.omitted).toBe(0)
  })

  it('keeps failed steps first when there are more steps than bars, and counts the rest', () => {
    const steps = Array.from({ length: 300 }, (_v, i) => step(`s${i}`, i === 299 ? 'failed' : 'completed', i, i + 1))
    const chart = ganttChart(workflowResult(steps), { maxTasks: 100 })
    expect(chart.text).toContain('s299 :crit')
    expect(chart.omitted).toBe(200)
  })

  it('cannot be broken by a workflow name with Mermaid syntax in it', () => {
    const chart = ganttChart(workflowResult([step('a', 'completed', 0, 1)], { name: 'x: y; #z\nsection evil' }))
    expect(chart.text.split('\n')[1]).toBe('  title x  y   z section evil')
  })

  it('is empty when no step started', () => {
    expect(ganttChart(workflowResult([step('a', 'skipped', null, null)])).text).toBe('')
  })
})
