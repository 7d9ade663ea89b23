import { describe, expect, it } from '@jest/globals'
import { ReplyParser, encodeBase, encodeStart, errnoName } from '../../src/engine/process/spawner-protocol.js'
import type { ReplyHandler } from '../../src/engine/process/spawner-protocol.js'

/** Every call the parser makes, output pieces joined per stream so chunking does not show. */
function recorder(): { handler: ReplyHandler; calls: unknown[] } {
  const calls: unknown[] = []
  const handler: ReplyHandler = {
    ready: () => calls.push(['H']),
    started: (id, pid) => calls.push(['S', id, pid]),
    failed: (id, stage, errno) => calls.push(['F', id, stage, errno]),
    output: (id, stream, chunk) => {
      const last = calls[calls.length - 1] as [string, number, number, string] | undefined
      if (last?.[0] === 'O' && last[1] === id && last[2] === stream) last[3] += chunk.toString('latin1')
      else calls.push(['O', id, stream, chunk.toString('latin1')])
    },
    streamEnded: (id, stream) => calls.push(['C', id, stream]),
    exited: (id, code, signal, left) => calls.push(['X', id, code, signal, left]),
  }
  return { handler, calls }
}

const output = 'line one\nO 9 5\nnot a header\n\0binary\xff'
const stream = Buffer.concat([
  Buffer.from('H 0 1\n'),
  Buffer.from('S 1 4242\n'),
  Buffer.from(`O 1 ${Buffer.byteLength(output, 'latin1')}\n`),
  Buffer.from(output, 'latin1'),
  Buffer.from('E 1 3\nerr'),
  Buffer.from('C 1 1\nC 1 2\nX 1 3 0 0\n'),
  Buffer.from('F 2 cwd 2\n'),
  Buffer.from('S 3 77\nX 3 -1 15 1\n'),
])

describe('the spawner reply parser', () => {
  it('reads starts, output, stream ends, exits and failures', () => {
    const { handler, calls } = recorder()
    new ReplyParser(handler).push(stream)
    expect(calls).toEqual([
      ['H'],
      ['S', 1, 4242],
      ['O', 1, 1, output],
      ['O', 1, 2, 'err'],
      ['C', 1, 1],
      ['C', 1, 2],
      ['X', 1, 3, null, false],
      ['F', 2, 'cwd', 2],
      ['S', 3, 77],
      ['X', 3, null, 'SIGTERM', true],
    ])
  })

  it('gives the same calls however the stream is cut into chunks', () => {
    const whole = recorder()
    new ReplyParser(whole.handler).push(stream)
    for (const size of [1, 2, 3, 7, 64]) {
      const cut = recorder()
      const parser = new ReplyParser(cut.handler)
      for (let at = 0; at < stream.length; at += size) parser.push(stream.subarray(at, at + size))
      expect(cut.calls).toEqual(whole.calls)
    }
  })

  it('hands output on as it arrives, before its frame is complete', () => {
    const { handler, calls } = recorder()
    const parser = new ReplyParser(handler)
    parser.push(Buffer.from('O 5 1000000\nfirst bytes'))
    expect(calls).toEqual([['O', 5, 1, 'first bytes']])
  })

  it('rejects a reply it does not understand', () => {
    const { handler } = recorder()
    expect(() => new ReplyParser(handler).push(Buffer.from('Q 1 2\n'))).toThrow(/malformed/)
    expect(() => new ReplyParser(handler).push(Buffer.alloc(300, 65))).toThrow(/too long/)
  })
})

describe('the spawner requests', () => {
  it('end every field with a NUL and put argv[0] first', () => {
    expect(encodeStart({ id: 7, base: 1, cwd: '/w d', file: 'bash', args: ['-c', 'echo "a b"\nx'], env: [['K', 'v=1']] })).toBe(
      'R\u00007\u00001\u0000/w d\u0000bash\u00003\u0000bash\u0000-c\u0000echo "a b"\nx\u00001\u0000K=v=1\u0000',
    )
    expect(encodeBase(0, [['A', ''], ['B', 'x']])).toBe('B\u00000\u00002\u0000A=\u0000B=x\u0000')
  })

  it('names errno values as Node does', () => {
    expect(errnoName(2)).toBe('ENOENT')
    expect(errnoName(13)).toBe('EACCES')
  })
})
