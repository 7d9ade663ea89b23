/**
 * Untrusted values on their way through a real CLI run: parameters, context, step outputs and step log
 * lines. Shell syntax in them never runs, workflow commands in them never reach the runner, and masked
 * values never reach the result, the stored state or a webhook.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliBundle } from '../support/cli-bundle.js'
import { runCli } from './support/run-cli.js'

let cli: string
let dir: string
beforeAll(() => {
  cli = cliBundle()
  dir = mkdtempSync(join(tmpdir(), 'hostile-injection-'))
}, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** Every line as the Actions runner reads it: it splits on `\r` as well as on `\n`, and trims leading blanks. */
function runnerLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.trimStart())
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('shell syntax in untrusted values never runs', () => {
  const marker = (n: number) => join(dir, `pwned-${n}`)
  const hostile = (n: number) => [`$(touch ${marker(n)})`, `\`touch ${marker(n)}\``, `; touch ${marker(n)}`, `' ; touch ${marker(n)} ; '`, `" ; touch ${marker(n)} ; "`].join(' ')

  it('through parameters, context and step outputs, in every quoting context', async () => {
    const file = write(
      'inject.yml',
      [
        'name: inject',
        'parameters:',
        '  title: { type: string, default: "x" }',
        'steps:',
        '  - id: produce',
        '    command: |',
        '      echo unquoted ${{ parameters.title }}',
        '      echo "double ${{ parameters.title }}"',
        "      echo 'single ${{ parameters.title }}'",
        '      echo "context ${{ context.pr_title }}"',
        '      echo "env $FROM_PARAM"',
        '      echo "out=${{ context.pr_title }}" >> "$TASK_OUTPUT"',
        '      { echo "multi<<EOF"; echo "${{ parameters.title }}"; echo "EOF"; } >> "$TASK_OUTPUT"',
        '    environment:',
        '      FROM_PARAM: "${{ parameters.title }}"',
        '  - id: consume',
        '    command: |',
        '      echo consumed ${{ steps.produce.outputs.out }}',
        '      echo "consumed ${{ steps.produce.outputs.multi }}"',
        '      cat <<END',
        '      heredoc ${{ steps.produce.outputs.out }}',
        '      END',
        "    condition: on_success(produce) && steps.produce.outputs.out != ''",
      ].join('\n') + '\n',
    )
    const r = await runCli(cli, ['run', file, '--param', `title=${hostile(1)}`, '--context', JSON.stringify({ pr_title: hostile(2) }), '--state-dir', join(dir, 'state')], { cwd: dir })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    for (const n of [1, 2]) expect(existsSync(marker(n))).toBe(false)
    // The values arrive as text, exactly as given.
    expect(r.stdout).toContain(`[produce] unquoted ${hostile(1)}`)
    expect(r.stdout).toContain(`[produce] single ${hostile(1)}`)
    expect(r.stdout).toContain(`[produce] context ${hostile(2)}`)
    expect(r.stdout).toContain(`[consume] consumed ${hostile(2)}`)
    expect(r.stdout).toContain(`[consume] consumed ${hostile(1)}`)
    expect(r.stdout).toContain(`[consume] heredoc ${hostile(2)}`)
  })

  it('inside bash arithmetic a `${{ }}` is refused before anything runs', async () => {
    const file = write('arith.yml', `name: arith\nsteps:\n  - id: count\n    command: echo $(( \${{ context.n }} + 1 ))\n`)
    const r = await runCli(cli, ['run', file, '--context', JSON.stringify({ n: `a[$(touch ${marker(3)})]` })], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/arith\.yml:4:\d+: error: .*\$\(\( \)\)/)
    expect(existsSync(marker(3))).toBe(false)
  })

  it('a working directory named by an untrusted value is a path, not a command', async () => {
    const file = write('wd.yml', `name: wd\nsteps:\n  - id: here\n    command: pwd\n    workingDirectory: "\${{ context.dir }}"\n`)
    const r = await runCli(cli, ['run', file, '--context', JSON.stringify({ dir: `$(touch ${marker(4)})` }), '--state-dir', join(dir, 'state')], { cwd: dir })
    expect(r.code).toBe(1)
    expect(existsSync(marker(4))).toBe(false)
  })
})

describe('names an attacker would pick for prototype tricks', () => {
  it('step ids named after Object.prototype members run, and their outputs reach their dependents', async () => {
    const file = write(
      'proto-ids.yml',
      [
        'name: proto-ids',
        'steps:',
        '  - id: __proto__',
        '    command: echo "v=from-proto" >> "$TASK_OUTPUT"',
        '  - id: constructor',
        '    command: echo "got ${{ steps.__proto__.outputs.v }}"',
        '    condition: on_success(__proto__) && steps.__proto__.status == \'completed\'',
        '  - id: toString',
        '    command: echo "status ${{ steps.constructor.status }}"',
        'dependencies:',
        '  - { from: constructor, to: toString }',
      ].join('\n') + '\n',
    )
    const r = await runCli(cli, ['run', file, '--json', '--state-dir', join(dir, 'state')], { cwd: dir })
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout) as { steps: { id: string; status: string; output: string | null }[] }
    expect(result.steps.map((s) => [s.id, s.status, s.output])).toEqual([
      ['__proto__', 'completed', null],
      ['constructor', 'completed', 'got from-proto'],
      ['toString', 'completed', 'status completed'],
    ])
  })
})

describe('step outputs built to crash the orchestrator', () => {
  it('a value nested 20,000 deep read through fromJSON fails the reading step; the run ends with its result', async () => {
    const file = write(
      'deep-output.yml',
      [
        'name: deep-output',
        'steps:',
        '  - id: produce',
        '    command: |',
        `      printf 'x=%s%s\\n' "$(printf '[%.0s' $(seq 1 20000))" "$(printf ']%.0s' $(seq 1 20000))" >> "$TASK_OUTPUT"`,
        '  - id: read',
        '    command: echo "${{ toJSON(fromJSON(steps.produce.outputs.x)) }}"',
        '  - id: judge',
        "    command: echo judged",
        "    condition: toJSON(fromJSON(steps.produce.outputs.x)) != ''",
        '  - id: independent',
        '    command: echo still here',
        'dependencies:',
        '  - { from: produce, to: read }',
        '  - { from: produce, to: judge }',
      ].join('\n') + '\n',
    )
    const r = await runCli(cli, ['run', file, '--json', '--state-dir', join(dir, 'state')], { cwd: dir })
    expect(r.stderr).not.toMatch(/RangeError|internal error/)
    expect(r.code).toBe(1)
    const result = JSON.parse(r.stdout) as { steps: { id: string; status: string; error: string | null }[] }
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ['produce', 'completed'],
      ['read', 'failed'],
      ['judge', 'skipped'],
      ['independent', 'completed'],
    ])
    expect(result.steps[1]?.error).toMatch(/nests deeper than 64/)
  })
})

describe('workflow commands in step output never reach the runner', () => {
  const printer = [
    "echo '::stop-commands::pwned'",
    "echo '::pwned::'",
    "echo '::set-output name=a::b'",
    "echo '::set-env name=NODE_OPTIONS::--require=/tmp/evil.js'",
    "echo '::add-path::/tmp/evil'",
    "echo '::save-state name=x::y'",
    "echo '::add-matcher::/tmp/matcher.json'",
    "echo '::group::fake group'",
    "echo '::debug::fake'",
    "echo '   ::set-output name=indented::b'",
    "echo 'text ##[set-output name=legacy;]b'",
    "echo '##[add-path]/tmp/evil'",
    "printf 'looks harmless\\r::set-output name=cr::b\\n'",
    "printf 'also harmless\\r   ::stop-commands::cr-token\\n'",
    "echo '::set-output name=err::b' >&2",
    "printf 'err harmless\\r::add-path::/tmp/evil\\n' >&2",
  ].join('\n      ')

  it.each([[['--json']], [[]]])('with %j: no line of stdout or stderr is a command, and no legacy `##[` survives', async (extra) => {
    const file = write('commands.yml', `name: commands\nsteps:\n  - id: noisy\n    command: |\n      ${printer}\n`)
    const r = await runCli(cli, ['run', file, ...extra, '--state-dir', join(dir, 'state')], { cwd: dir })
    expect(r.code).toBe(0)
    for (const stream of [r.stdout, r.stderr]) {
      expect(runnerLines(stream).filter((line) => line.startsWith('::'))).toEqual([])
      expect(stream).not.toContain('##[')
    }
    // The text is still there for a human to read.
    expect(r.stdout + r.stderr).toContain('stop-commands::pwned')
  })
})

describe('masked values never leave the step', () => {
  const secret = 'S3cr3t-Value-4f9a'
  let server: Server
  let url: string
  const bodies: string[] = []
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = ''
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      request.on('end', () => {
        bodies.push(`${JSON.stringify(request.headers)}\n${body}`)
        response.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('from the log, the result, the state files and the webhook payloads', async () => {
    const stateDir = join(dir, 'mask-state')
    const resultFile = join(dir, 'mask-result.json')
    const events = ['start', 'completion', 'failure', 'step_start', 'step_completion', 'step_failure']
    const file = write(
      'mask.yml',
      [
        'name: mask',
        'debug: { enabled: true, captureOutputs: true }',
        'notifications:',
        '  webhooks:',
        `    - { url: "${url}", events: [${events.join(', ')}] }`,
        `    - url: "${url}"`,
        `      events: [${events.join(', ')}]`,
        '      payload: { text: "{workflow.name} {step.id} {step.status} {step.error}", raw: "{step.output}" }',
        'steps:',
        '  - id: learn',
        '    command: |',
        '      echo "::add-mask::$SECRET_FROM_ENV"',
        '      echo "printed $SECRET_FROM_ENV"',
        '      echo "$SECRET_FROM_ENV on stderr" >&2',
        '      echo "token=$SECRET_FROM_ENV" >> "$TASK_OUTPUT"',
        '      echo "task=working on $SECRET_FROM_ENV" >> "$TASK_OUTPUT"',
        '      echo "::warning title=$SECRET_FROM_ENV::annotated $SECRET_FROM_ENV"',
        '      echo "last line $SECRET_FROM_ENV"',
        '  - id: use',
        '    command: |',
        '      echo "got ${{ steps.learn.outputs.token }}"',
        '      echo "output=${{ steps.learn.outputs.token }}" >> "$TASK_OUTPUT"',
        '      echo "failing with ${{ steps.learn.outputs.token }}" >&2',
        '      exit 3',
        '    rollback: echo "rolling back $SECRET_FROM_ENV"',
        '  - id: after',
        '    command: echo "cleanup sees $SECRET_FROM_ENV"',
        '    condition: always()',
        'dependencies:',
        '  - { from: learn, to: use }',
        '  - { from: use, to: after }',
      ].join('\n') + '\n',
    )
    const r = await runCli(cli, ['run', file, '--output', resultFile, '--state-dir', stateDir, '--workflow-id', 'wf-mask'], {
      cwd: dir,
      env: { SECRET_FROM_ENV: secret },
    })
    expect(r.code).toBe(1)
    const result = readFileSync(resultFile, 'utf8')
    // The run did see and use the value: masked, not missing.
    expect(result).toContain('***')
    expect(r.stdout).toContain('[learn] printed ***')
    const stateFiles = filesUnder(stateDir)
    expect(stateFiles.some((f) => f.endsWith('events.jsonl'))).toBe(true)
    const places: [string, string][] = [
      ['stdout', r.stdout],
      ['stderr', r.stderr],
      ['result', result],
      ...stateFiles.map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
      ...bodies.map((b, i): [string, string] => [`webhook body ${i}`, b]),
    ]
    expect(bodies.length).toBeGreaterThanOrEqual(10)
    expect(places.filter(([, text]) => text.includes(secret)).map(([where]) => where)).toEqual([])
  })

  // Was a bug: a line longer than 64 KiB is cut into pieces before masking, so a secret straddling a cut
  // was printed in two unmasked halves. The engine now holds back a piece's possible secret prefix.
  it('a secret straddling the 64 KiB line cut is not printed in halves', async () => {
    const file = write('straddle.yml', `name: straddle\nsteps:\n  - id: long\n    command: |\n      echo "::add-mask::$SECRET_FROM_ENV"\n      printf '%65530s%s tail\\n' "" "$SECRET_FROM_ENV"\n`)
    const r = await runCli(cli, ['run', file, '--state-dir', join(dir, 'state')], { cwd: dir, env: { SECRET_FROM_ENV: secret } })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('tail')
    expect(r.stdout).not.toContain(secret.slice(0, 6))
    expect(r.stdout).not.toContain(secret.slice(-6))
  })
})
