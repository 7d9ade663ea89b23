import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { ok } from '../../src/util/result.js'
import {
  checkTemplateText,
  createTemplateEvaluator,
  findTemplateExpressions,
  substituteCommand,
  substituteText,
  templateValueToString,
} from '../../src/definition/substitution.js'
import type { TemplateEvaluator } from '../../src/definition/substitution.js'

let scratch = ''
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'expr-subst-'))
})
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true })
})

/** Values an attacker would put in a PR title or branch name. */
const hostileValues = (dir: string): string[] => [
  `$(touch ${dir}/pwned-1)`,
  `\`touch ${dir}/pwned-2\``,
  `"; touch ${dir}/pwned-3; echo "`,
  `'; touch ${dir}/pwned-4; echo '`,
  `a\nb\ntouch ${dir}/pwned-5`,
  `x'"$(touch ${dir}/pwned-6)"'y`,
  '$HOME ${IFS} $0 $1 $@',
  '* ?',
  'back\\slash \\',
  '  padded  ',
  '-n',
  'EOF',
  'ünïcödé ✓',
  '',
]

const valuesEvaluator = (context: Record<string, unknown>): TemplateEvaluator => createTemplateEvaluator({ context })

/** Substitutes and runs the command the way the engine does, with the TASK_EXPR_n variables in its environment. */
function runInBash(command: string, context: Record<string, unknown>): { stdout: string; status: number | null; command: string } {
  const substituted = substituteCommand(command, valuesEvaluator(context))
  if (!substituted.ok) throw new Error(`substitution failed: ${substituted.error.message} at ${substituted.error.column}`)
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', substituted.value.command], {
    env: { PATH: process.env.PATH, ...substituted.value.env },
    encoding: 'utf8',
  })
  return { stdout: result.stdout, status: result.status, command: substituted.value.command }
}

const nothingRan = (): void => expect(readdirSync(scratch)).toEqual([])

describe('findTemplateExpressions', () => {
  it('finds each span with its offsets', () => {
    const text = 'a ${{ env.X }} b ${{steps.s.outputs.y}}'
    const spans = findTemplateExpressions(text)
    expect(spans).toEqual({
      ok: true,
      value: [
        { start: 2, end: 14, expression: ' env.X ', expressionStart: 5 },
        { start: 17, end: 39, expression: 'steps.s.outputs.y', expressionStart: 20 },
      ],
    })
  })

  it('finds no span in plain text', () => {
    expect(findTemplateExpressions('echo ${HOME} $((1+2)) }}')).toEqual({ ok: true, value: [] })
  })

  it("looks for the closing '}}' outside string literals", () => {
    const spans = findTemplateExpressions("x ${{ format('{0}}}', 'it''s }}') }} y")
    expect(spans.ok && spans.value.map((span) => span.expression)).toEqual([" format('{0}}}', 'it''s }}') "])
  })

  it('falls back to the first }} when a string is unterminated, so the parser can locate the error', () => {
    const spans = findTemplateExpressions("${{ 'oops }} rest")
    expect(spans.ok && spans.value[0]?.expression).toBe(" 'oops ")
  })

  it('reports an unterminated ${{ at its column', () => {
    expect(findTemplateExpressions('ok ${{ a }} then ${{ b')).toEqual({ ok: false, error: { message: "'${{' is not closed by '}}'", column: 18 } })
  })
})

describe('substituteText', () => {
  const evaluate = createTemplateEvaluator({ context: { name: 'prod', n: 3, flag: false, list: [1, 'a'], obj: { k: null } }, env: {} })

  it('replaces spans by their values as text', () => {
    expect(substituteText('deploy-${{ context.name }}-${{ context.n }}', evaluate)).toEqual({ ok: true, value: 'deploy-prod-3' })
    expect(substituteText('${{ context.flag }}|${{ context.missing }}|${{ context.list }}|${{ context.obj }}', evaluate)).toEqual({
      ok: true,
      value: 'false||[1,"a"]|{"k":null}',
    })
    expect(substituteText('no templates', evaluate)).toEqual({ ok: true, value: 'no templates' })
  })

  it('reports errors at their column in the whole text', () => {
    expect(substituteText('dir/${{ nope.x }}', evaluate)).toMatchObject({ ok: false, error: { column: 9, message: expect.stringContaining("unknown name 'nope'") } })
    expect(substituteText("a ${{ fromJSON('{') }}", evaluate)).toMatchObject({ ok: false, error: { column: 7 } })
    expect(substituteText('${{ context.n ==  }}', evaluate)).toMatchObject({ ok: false, error: { column: 19 } })
  })

  it('converts values the way the spec says', () => {
    expect(templateValueToString(null)).toBe('')
    expect(templateValueToString(undefined)).toBe('')
    expect(templateValueToString(0.1 + 0.2)).toBe('0.3')
    expect(templateValueToString({ a: [1, { b: true }] })).toBe('{"a":[1,{"b":true}]}')
  })
})

describe('substituteCommand', () => {
  const evaluate = valuesEvaluator({ a: 'A', b: 'B' })

  it('numbers the variables and quotes the references for where they stand', () => {
    const result = substituteCommand(`echo \${{ context.a }} "x \${{ context.b }}y" 'q \${{ context.a }} r' $'t \${{ context.b }}'`, evaluate)
    expect(result).toEqual({
      ok: true,
      value: {
        command: `echo "$TASK_EXPR_1" "x \${TASK_EXPR_2}y" 'q '"$TASK_EXPR_3"' r' $'t '"$TASK_EXPR_4"$''`,
        env: { TASK_EXPR_1: 'A', TASK_EXPR_2: 'B', TASK_EXPR_3: 'A', TASK_EXPR_4: 'B' },
      },
    })
  })

  it('leaves a command without templates alone', () => {
    expect(substituteCommand('echo "$HOME" \'${x}\'', evaluate)).toEqual({ ok: true, value: { command: 'echo "$HOME" \'${x}\'', env: {} } })
  })

  it('refuses a ${{ right after a backslash', () => {
    expect(substituteCommand('echo \\${{ context.a }}', evaluate)).toMatchObject({ ok: false, error: { column: 7 } })
  })

  it('refuses pwsh and python commands, pointing to environment instead', () => {
    expect(substituteCommand('Write-Host ${{ context.a }}', evaluate, 'pwsh')).toMatchObject({ ok: false, error: { column: 12, message: expect.stringContaining("'environment'") } })
    expect(substituteCommand('print("${{ context.a }}")', evaluate, 'python')).toMatchObject({ ok: false })
    expect(substituteCommand('print("plain")', evaluate, 'python')).toEqual({ ok: true, value: { command: 'print("plain")', env: {} } })
  })

  it('reports expression errors at their column in the command', () => {
    expect(substituteCommand('echo ${{ context.a && }}', evaluate)).toMatchObject({ ok: false, error: { column: 23 } })
  })

  it('refuses a value with a NUL character', () => {
    expect(substituteCommand('echo ${{ context.z }}', () => ok('a\0b'))).toMatchObject({ ok: false, error: { column: 6 } })
  })
})

describe('hostile values reach bash verbatim and never run', () => {
  const contexts: readonly [string, string, (value: string) => string][] = [
    ['unquoted', "printf '%s' ${{ context.v }}", (v) => v],
    ['double quotes', `printf '%s' "<\${{ context.v }}>"`, (v) => `<${v}>`],
    ['double quotes, followed by a name character', `printf '%s' "\${{ context.v }}_tail"`, (v) => `${v}_tail`],
    ['single quotes', "printf '%s' '<${{ context.v }}>'", (v) => `<${v}>`],
    ['ANSI-C quotes', "printf '%s' $'<\\t${{ context.v }}>'", (v) => `<\t${v}>`],
    ['command substitution in double quotes', `printf '%s' "$(printf '%s' \${{ context.v }})"`, (v) => v.replace(/\n+$/, '')],
    ['backticks', "x=`printf '%s' ${{ context.v }}`; printf '%s' \"$x\"", (v) => v.replace(/\n+$/, '')],
    ['unquoted heredoc', 'cat <<EOF\n[${{ context.v }}]\nEOF', (v) => `[${v}]\n`],
    ['indented heredoc', 'cat <<-END\n\t[${{ context.v }}]\n\tEND', (v) => `[${v}]\n`],
    ['a comment', "printf '%s' ok # ${{ context.v }}", () => 'ok'],
    ['a variable default', "printf '%s' \"${UNSET_VAR:-${{ context.v }}}\"", (v) => v],
  ]

  for (const [where, command, expected] of contexts) {
    it(`in ${where}`, () => {
      for (const value of hostileValues(scratch)) {
        const result = runInBash(command, { v: value })
        expect({ value, stdout: result.stdout, status: result.status }).toEqual({ value, stdout: expected(value), status: 0 })
      }
      nothingRan()
    })
  }

  it('in a quoted heredoc, where the value goes in as text', () => {
    for (const value of hostileValues(scratch).filter((v) => !v.split('\n').includes('EOF'))) {
      expect(runInBash("cat <<'EOF'\n[${{ context.v }}]\nEOF", { v: value }).stdout).toBe(`[${value}]\n`)
    }
    nothingRan()
  })

  it('in a quoted heredoc, refuses a value that would end the heredoc', () => {
    const evaluate = valuesEvaluator({ v: `x\nEOF\ntouch ${scratch}/pwned` })
    expect(substituteCommand("cat <<'EOF'\n${{ context.v }}\nEOF", evaluate)).toMatchObject({ ok: false, error: { column: 13 } })
  })

  it('with several expressions in one command', () => {
    const values = hostileValues(scratch)
    const context = Object.fromEntries(values.map((value, i) => [`v${i}`, value]))
    const command = values.map((_, i) => `printf '%s\\0' \${{ context.v${i} }}`).join('; ')
    expect(runInBash(command, context).stdout.split('\0').slice(0, -1)).toEqual(values)
    nothingRan()
  })

  it('for any string (property)', () => {
    const command = `printf '%s\\0' \${{ context.v }} "\${{ context.v }}" '\${{ context.v }}' $'\${{ context.v }}'`
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }).filter((v) => !v.includes('\0')), (value) => {
        const result = runInBash(command, { v: value })
        expect(result.stdout.split('\0').slice(0, -1)).toEqual([value, value, value, value])
      }),
      { numRuns: 60 },
    )
    nothingRan()
    expect(existsSync(join(scratch, 'pwned-1'))).toBe(false)
  })
})

describe('checkTemplateText', () => {
  it('reports every span that does not parse, at its column in the text', () => {
    expect(checkTemplateText('ok ${{ env.A }} bad ${{ nope }} worse ${{ env.A == }}')).toEqual([
      { message: expect.stringContaining("unknown name 'nope'"), column: 25 },
      { message: expect.stringContaining('an operand is missing'), column: 52 },
    ])
    expect(checkTemplateText('${{ steps.a.outputs.x }} ${{ matrix.os }} ${{ parameters.p }}')).toEqual([])
    expect(checkTemplateText('x ${{ env.A')).toEqual([{ message: "'${{' is not closed by '}}'", column: 3 }])
  })

  it('refuses status functions inside templates', () => {
    expect(checkTemplateText('${{ success() }}')).toMatchObject([{ column: 5 }])
  })
})

describe('arithmetic, where bash evaluates values as expressions', () => {
  const evaluate = valuesEvaluator({ n: 'a[$(touch /nonexistent/pwned)]' })

  it('refuses ${{ }} inside $(( )) and (( )), quoted or not', () => {
    for (const command of ['echo $(( ${{ context.n }} + 1 ))', 'echo "$(( "${{ context.n }}" + 1 ))"', '(( ${{ context.n }} > 2 )) && echo big', 'echo $(( $(echo ${{ context.n }}) ))']) {
      expect(substituteCommand(command, evaluate)).toMatchObject({ ok: false, error: { message: expect.stringContaining('$(( ))') } })
    }
  })

  it('still allows subshells and command substitution', () => {
    expect(substituteCommand('( echo ${{ context.n }} ) && echo $(echo ${{ context.n }})', evaluate)).toMatchObject({
      ok: true,
      value: { command: '( echo "$TASK_EXPR_1" ) && echo $(echo "$TASK_EXPR_2")' },
    })
  })

  it('does not take a shift inside arithmetic for a heredoc', () => {
    const result = runInBash("echo $(( 1 << 2 ))\nprintf '%s' ${{ context.v }}", { v: 'after' })
    expect(result.stdout).toBe('4\nafter')
  })
})
