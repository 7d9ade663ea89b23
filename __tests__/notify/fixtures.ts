/** Synthetic models, results and a recording HTTP server for the notification tests. */
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Dependency, ExecutionRequest, Step, WorkflowModel } from '../../src/definition/model.js'
import type { StepResult, WorkflowResult, WorkflowStatus } from '../../src/report/result.js'
import { buildRequest, buildStep } from '../support/model.js'

const here = { file: 'wf.yml', line: 1, column: 1 }

export function step(id: string, name = id): Step {
  return { ...buildStep({ id, name, killGracePeriod: 5000 }, 0), location: here }
}

export function workflow(name: string, steps: readonly Step[]): WorkflowModel {
  return { name, steps, dependencies: [], sequential: false }
}

export function stepResult(id: string, status: StepResult['status'], duration: number | null, error: string | null = null, name = id): StepResult {
  return {
    id,
    name,
    status,
    startTime: duration === null ? null : new Date(0).toISOString(),
    endTime: duration === null ? null : new Date(duration).toISOString(),
    duration,
    output: null,
    error,
    attempts: duration === null ? 0 : 1,
    exitCode: status === 'completed' ? 0 : status === 'failed' ? 1 : null,
    outputs: {},
    reason: null,
    timedOut: false,
    cached: false,
  }
}

export function workflowResult(name: string, status: WorkflowStatus, steps: readonly StepResult[], workflowId = 'wf-1'): WorkflowResult {
  return {
    success: status === 'completed',
    workflowId,
    name,
    status,
    steps,
    metrics: {
      totalSteps: steps.length,
      completedSteps: 0,
      failedSteps: 0,
      skippedSteps: 0,
      cancelledSteps: 0,
      totalDuration: 1,
      parallelEfficiency: 1,
      maxConcurrency: 1,
      criticalPath: { steps: [], duration: 0 },
    },
    metadata: { startTime: new Date(0).toISOString(), endTime: new Date(1).toISOString(), timestamp: new Date(1).toISOString() },
    error: status === 'failed' ? 'failed' : null,
  }
}

export interface ReceivedRequest {
  readonly method: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
  readonly time: number
}

export interface RecordingServer {
  readonly url: string
  readonly received: ReceivedRequest[]
  /** Resolves once `count` requests arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<void>
  close(): Promise<void>
}

/** A real HTTP server on 127.0.0.1; `answer` decides each response (default 200). */
export async function recordingServer(answer: (index: number, res: ServerResponse) => void = (_i, res) => res.end('ok')): Promise<RecordingServer> {
  const received: ReceivedRequest[] = []
  const waiters: (() => void)[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), time: Date.now() })
      for (const w of waiters.splice(0)) w()
      answer(received.length - 1, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    async waitFor(count, ms = 10_000) {
      const deadline = Date.now() + ms
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${received.length}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A port nothing listens on: bind, read the port, close. */
export async function deadUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/hook`
}

/** A runnable request: steps `[id, command]` in order, each after the previous one when `chain`. */
export function request(name: string, steps: readonly (readonly [string, string])[], extra: Partial<ExecutionRequest> = {}, chain = true): ExecutionRequest {
  const ids = steps.map(([id]) => id)
  const base = buildRequest(
    steps.map(([id, command]) => ({ id, command, killGracePeriod: 5000 })),
    chain ? ids.slice(1).map((to, i) => ({ from: ids[i] ?? '', to })) : [],
    { workflow: { name }, source: { file: 'wf.yml', root: process.cwd() } },
  )
  const located = (d: Dependency): Dependency => ({ ...d, location: here })
  return {
    ...base,
    workflow: { ...base.workflow, steps: base.workflow.steps.map((s) => ({ ...s, location: here })), dependencies: base.workflow.dependencies.map(located) },
    ...extra,
  }
}
