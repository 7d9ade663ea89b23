/**
 * Webhook endpoints that never answer (one accepts the request and holds it, one accepts the connection
 * and never reads): the steps run at their own pace, and the CLI exits a few seconds after the last step
 * at most, however many deliveries are still hanging.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { createServer as createTcpServer } from 'node:net'
import type { AddressInfo, Server as TcpServer, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliBundle } from '../support/cli-bundle.js'
import { runCli } from '../hostile/support/run-cli.js'

let cli: string
let dir: string
let holding: Server
let silent: TcpServer
const sockets: Socket[] = []
let held = 0
beforeAll(async () => {
  cli = cliBundle()
  dir = mkdtempSync(join(tmpdir(), 'faults-webhook-'))
  holding = createServer(() => {
    held += 1
    // Never answers.
  })
  silent = createTcpServer((socket) => {
    socket.pause()
    sockets.push(socket)
  })
  await new Promise<void>((resolve) => holding.listen(0, '127.0.0.1', resolve))
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
}, 180_000)
afterAll(async () => {
  holding.closeAllConnections()
  sockets.forEach((socket) => socket.destroy())
  await new Promise((resolve) => holding.close(resolve))
  await new Promise((resolve) => silent.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

function workflow(name: string, webhooks: string): string {
  const file = join(dir, `${name}.yml`)
  const ids = ['one', 'two', 'three', 'four']
  writeFileSync(
    file,
    [
      `name: ${name}`,
      webhooks,
      'steps:',
      ...ids.flatMap((id) => [`  - id: ${id}`, '    command: sleep 0.3']),
      'dependencies:',
      ...ids.slice(1).map((id, i) => `  - { from: ${ids[i]}, to: ${id} }`),
    ].join('\n') + '\n',
  )
  return file
}

interface Timed {
  readonly elapsed: number
  readonly totalDuration: number
}

async function timedRun(file: string): Promise<Timed> {
  const r = await runCli(cli, ['run', file, '--json', '--state-dir', join(dir, 'state')], { cwd: dir, timeoutMs: 120_000 })
  expect(r.code).toBe(0)
  const result = JSON.parse(r.stdout) as { metrics: { totalDuration: number } }
  return { elapsed: r.elapsedMs, totalDuration: result.metrics.totalDuration }
}

describe('webhook endpoints that hang', () => {
  it('do not hold the steps, and hold the exit by a few seconds at most', async () => {
    const baseline = await timedRun(workflow('plain', ''))
    const address = (server: Server | TcpServer): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
    const events = '[start, step_start, step_completion, completion]'
    const hooked = await timedRun(
      workflow(
        'hooked',
        ['notifications:', '  webhooks:', `    - { url: "${address(holding)}", events: ${events} }`, `    - { url: "${address(silent)}", events: ${events} }`].join('\n'),
      ),
    )
    expect(held).toBeGreaterThan(0)
    expect(sockets.length).toBeGreaterThan(0)
    // Four 0.3 s steps: the workflow's own duration does not grow with the hanging deliveries.
    expect(hooked.totalDuration).toBeLessThan(baseline.totalDuration + 2000)
    // The exit waits for the deliveries a few seconds at most (SPEC §9), never their 10 s try timeout each.
    expect(hooked.elapsed).toBeLessThan(baseline.elapsed + 8000)
    console.log(`webhook hang: baseline ${baseline.elapsed} ms (workflow ${baseline.totalDuration} ms), hooked ${hooked.elapsed} ms (workflow ${hooked.totalDuration} ms)`)
  })
})
