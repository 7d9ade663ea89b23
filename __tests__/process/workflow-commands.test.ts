import { describe, expect, it } from '@jest/globals'
import {
  classifyStepLine,
  escapeData,
  escapeProperty,
  neutralizeWorkflowCommands,
  parseWorkflowCommand,
} from '../../src/engine/workflow-commands.js'

describe('parsing a workflow command', () => {
  it('reads name, properties and message', () => {
    expect(parseWorkflowCommand('::error file=src/a.ts,line=3,col=7::Type mismatch')).toEqual({
      command: 'error',
      properties: { file: 'src/a.ts', line: '3', col: '7' },
      message: 'Type mismatch',
    })
  })

  it('allows leading whitespace and a message containing ::', () => {
    expect(parseWorkflowCommand('   ::notice::a::b')).toEqual({ command: 'notice', properties: {}, message: 'a::b' })
  })

  it('reverses the toolkit escaping, in one pass', () => {
    const parsed = parseWorkflowCommand('::warning title=a%3Ab%2Cc%25::100%25 done%0Anext line%0D %250A')
    expect(parsed?.properties).toEqual({ title: 'a:b,c%' })
    expect(parsed?.message).toBe('100% done\nnext line\r %0A')
  })

  it('round-trips what escapeData and escapeProperty produce', () => {
    const message = 'multi\nline 50% : , \r end'
    const title = 'a:b,c%d\ne'
    const parsed = parseWorkflowCommand(`::error title=${escapeProperty(title)}::${escapeData(message)}`)
    expect(parsed).toEqual({ command: 'error', properties: { title }, message })
  })

  it('spells annotation keys as the toolkit does and drops properties without name or value', () => {
    expect(parseWorkflowCommand('::error FILE=x,EndLine=4,novalue=,=nokey,title=t::m')?.properties).toEqual({ file: 'x', endLine: '4', title: 't' })
  })

  it('is null for lines that are not commands', () => {
    expect(parseWorkflowCommand('plain text')).toBeNull()
    expect(parseWorkflowCommand('text ::error::not at start')).toBeNull()
    expect(parseWorkflowCommand('::no closing separator')).toBeNull()
    expect(parseWorkflowCommand(':::: empty name')).toBeNull()
  })
})

describe('classifying a line of step output', () => {
  it('honours error, warning and notice as annotations', () => {
    expect(classifyStepLine('::error file=a.ts,line=2::boom')).toEqual({ kind: 'annotation', level: 'error', message: 'boom', properties: { file: 'a.ts', line: '2' } })
    expect(classifyStepLine('::warning::careful')).toMatchObject({ kind: 'annotation', level: 'warning', message: 'careful' })
    expect(classifyStepLine('::notice title=T::fyi')).toMatchObject({ kind: 'annotation', level: 'notice', properties: { title: 'T' } })
  })

  it('honours add-mask, unescaping the value', () => {
    expect(classifyStepLine('::add-mask::s3cr%25t')).toEqual({ kind: 'mask', value: 's3cr%t' })
    expect(classifyStepLine('::add-mask::   ')).toEqual({ kind: 'blocked', command: 'add-mask' })
  })

  it.each([
    ['::stop-commands::pause-token', 'stop-commands'],
    ['::pause-token::', 'pause-token'],
    ['::set-output name=x::1', 'set-output'],
    ['::set-env name=PATH::/evil', 'set-env'],
    ['::add-path::/evil', 'add-path'],
    ['::save-state name=s::v', 'save-state'],
    ['::group::title', 'group'],
    ['::endgroup::', 'endgroup'],
    ['::debug::x', 'debug'],
    ['::echo::on', 'echo'],
    ['::add-matcher::m.json', 'add-matcher'],
    ['prefix ##[set-output name=x;]1', 'set-output'],
    ['##[error]legacy form', 'error'],
  ])('blocks %s', (line, command) => {
    expect(classifyStepLine(line)).toEqual({ kind: 'blocked', command })
  })

  it('treats ordinary text as text', () => {
    for (const line of ['hello', 'std::vector<int> v', 'a ## [x]', 'time 12:30::00 later', '']) {
      expect(classifyStepLine(line)).toEqual({ kind: 'text' })
    }
  })
})

describe('neutralizing step text for the runner', () => {
  it('leaves ordinary text alone', () => {
    expect(neutralizeWorkflowCommands('nothing to see: here')).toBe('nothing to see: here')
  })

  it('breaks a leading :: and every ##[ with an invisible character', () => {
    const v2 = neutralizeWorkflowCommands('  ::set-output name=x::1')
    expect(v2.replace('\u200b', '')).toBe('  ::set-output name=x::1')
    expect(parseWorkflowCommand(v2)).toBeNull()
    const v1 = neutralizeWorkflowCommands('a ##[set-env name=X;]1 and ##[add-path]/p')
    expect(v1).not.toContain('##[')
    expect(v1.replaceAll('\u200b', '')).toBe('a ##[set-env name=X;]1 and ##[add-path]/p')
    expect(classifyStepLine(v1)).toEqual({ kind: 'text' })
  })
})
