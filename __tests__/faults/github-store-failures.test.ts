/**
 * The GitHub state store while the API misbehaves (the local API server with injected faults): 500s on
 * every save and on the control poll, then saves that hang. The run goes on at its own pace, ends on time,
 * and once the API answers again the stored state catches up with the whole run.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startWorkflow } from '../../src/engine/run-workflow.js'
import { GitHubStateStore } from '../../src/state/github-store.js'
import { prepareStateForRun } from '../../src/state/prepare-run.js'
import { startGitHubApiServer } from '../support/github-api-server.js'
import type { GitHubApiServer } from '../support/github-api-server.js'
import { buildRequest } from '../support/model.js'

const SHA = 'b'.repeat(40)
let server: GitHubApiServer
beforeAll(async () => {
  server = await startGitHubApiServer()
}, 60_000)
afterAll(() => server.close())
afterEach(() => expect(server.violations).toEqual([]))

const store = (): GitHubStateStore =>
  new GitHubStateStore({ token: 't', repository: 'octo/faults', baseUrl: server.url, baseSha: SHA, pollInterval: 300, saveInterval: 200, heartbeatInterval: 1000, requestTimeout: 2000 })

const SAVE = 'repos/create-or-update-file-contents'
const POLL = 'git/list-matching-refs'

/** Six steps one after another, 0.4 s each. */
function chain(name: string) {
  const ids = ['s1', 's2', 's3', 's4', 's5', 's6']
  return buildRequest(
    ids.map((id) => ({ id, command: `sleep 0.4; echo ${id}` })),
    ids.slice(1).map((id, i) => ({ from: ids[i] as string, to: id })),
    { workflow: { name } },
  )
}

async function runWithFaults(workflowId: string, name: string, faults: (at: (ms: number, act: () => void) => void) => void) {
  const warnings: string[] = []
  const request = chain(name)
  const prepared = await prepareStateForRun(store(), request, { workflowId, env: {}, onError: (message) => warnings.push(message) })
  if (!prepared.ok) throw new Error(prepared.error)
  const timers: NodeJS.Timeout[] = []
  faults((ms, act) => void timers.push(setTimeout(act, ms)))
  const started = Date.now()
  const run = startWorkflow(request, { workflowId, listeners: prepared.value.listeners, history: prepared.value.history })
  prepared.value.attach(run)
  const result = await run.done
  const elapsed = Date.now() - started
  await prepared.value.close()
  timers.forEach(clearTimeout)
  return { result, elapsed, warnings }
}

describe('the GitHub state store under API failures', () => {
  it('500s on saves and control polls mid-run: the run goes on and the state catches up', async () => {
    const removers: (() => void)[] = []
    const { result, elapsed, warnings } = await runWithFaults('wf-github-500', 'api-500', (at) => {
      at(500, () => {
        removers.push(server.injectFault({ match: SAVE, status: 500 }))
        removers.push(server.injectFault({ match: POLL, status: 502 }))
      })
      at(1700, () => removers.splice(0).forEach((remove) => remove()))
    })
    expect(result.status).toBe('completed')
    // Six 0.4 s steps: the failures cost the run no time worth speaking of.
    expect(elapsed).toBeLessThan(15_000)
    expect(server.requests.some((r) => r.operationId === SAVE && r.status === 500)).toBe(true)
    expect(warnings.join('\n')).toMatch(/cannot save the record/)
    const stored = await store().readRun('wf-github-500')
    expect(stored?.record.status).toBe('completed')
    expect(stored?.record.steps.map((s) => s.status)).toEqual(Array(6).fill('completed'))
    const journal = await store().readEvents('wf-github-500')
    expect(journal.filter((e) => e.type === 'step_end')).toHaveLength(6)
    expect(journal[journal.length - 1]?.type).toBe('workflow_end')
  })

  // Before requests had a timeout, one hung save held the run's end until the API answered (Node's fetch
  // gives up only after 300 s).
  it('saves that hang mid-run: the run ends on time and the final state still lands', async () => {
    const removers: (() => void)[] = []
    const { result, elapsed } = await runWithFaults('wf-github-hang', 'api-hang', (at) => {
      at(500, () => removers.push(server.injectFault({ match: SAVE, delayMs: 30_000, status: 504, times: 3 })))
      at(1700, () => removers.splice(0).forEach((remove) => remove()))
    })
    expect(result.status).toBe('completed')
    // The run's own end is not held by a hung request (the state may follow a little later).
    expect(elapsed).toBeLessThan(20_000)
    const stored = await store().readRun('wf-github-hang')
    expect(stored?.record.status).toBe('completed')
  }, 120_000)
})
