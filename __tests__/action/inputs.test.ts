import { describe, expect, it } from '@jest/globals'
import { getInputs, repoPath } from '../../src/action/inputs.js'

const env = { GITHUB_WORKSPACE: '/repo', GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '2' }
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

describe('action inputs', () => {
  it('applies the defaults and resolves the workflow file against GITHUB_WORKSPACE', () => {
    const settings = getInputs(reader({ 'workflow-file': 'ci/flow.yml', token: 't' }), env)
    expect(settings).toEqual({
      ok: true,
      value: expect.objectContaining({
        workspace: '/repo',
        definition: { kind: 'file', path: '/repo/ci/flow.yml' },
        definitionLabel: 'ci/flow.yml',
        mode: 'execute',
        workflowId: 'wf-123-2',
        workflowIdGiven: false,
        state: 'github',
        checkRun: true,
        summary: true,
        failOnError: true,
        concurrency: undefined,
      }),
    })
  })

  it('reads context and parameters as JSON or YAML objects, and an inline workflow over the file', () => {
    const settings = getInputs(reader({ workflow: 'steps: []', context: '{"environment": "prod"}', parameters: 'envs: [a, b]\nn: 3', 'check-run': 'false', concurrency: '4' }), env)
    expect(settings.ok && settings.value).toMatchObject({
      definition: { kind: 'inline', text: 'steps: []' },
      definitionLabel: undefined,
      context: { environment: 'prod' },
      parameters: { envs: ['a', 'b'], n: 3 },
      checkRun: false,
      concurrency: 4,
    })
  })

  it.each([
    [{ mode: 'run' }, "Input 'mode' must be one of execute, monitor, validate; got \"run\""],
    [{ concurrency: '0' }, "Input 'concurrency' must be a whole number of at least 1; got \"0\""],
    [{ concurrency: '2.5' }, "Input 'concurrency' must be a whole number of at least 1; got \"2.5\""],
    [{ 'fail-on-error': 'yes' }, "Input 'fail-on-error' must be true or false; got \"yes\""],
    [{ context: '[1, 2]' }, "Input 'context' must be an object (JSON or YAML mapping); got a list"],
    [{ context: '{"a": ' }, /^Input 'context' is not valid JSON or YAML: /],
    [{ state: 'redis' }, "Input 'state' must be one of github, local; got \"redis\""],
    [{ mode: 'monitor', action: 'pause' }, "mode: monitor needs both 'workflow-id' and 'action' (status|pause|resume|cancel|restart)"],
    [{ action: 'stop' }, "Input 'action' must be one of status, pause, resume, cancel, restart; got \"stop\""],
    [{ 'workflow-id': 'a b' }, /^Input 'workflow-id' must be 1-128 letters/],
  ])('rejects %j with a clear message', (inputs, message) => {
    const settings = getInputs(reader(inputs), env)
    expect(settings.ok).toBe(false)
    if (!settings.ok) expect(settings.error).toMatch(message)
  })

  it('accepts monitor mode with a workflow id and an action', () => {
    const settings = getInputs(reader({ mode: 'monitor', 'workflow-id': 'wf-9-1', action: 'cancel' }), env)
    expect(settings.ok && settings.value).toMatchObject({ mode: 'monitor', workflowId: 'wf-9-1', workflowIdGiven: true, action: 'cancel' })
  })

  it('names files relative to the workspace for annotations', () => {
    expect(repoPath('/repo/.github/flow.yml', '/repo')).toBe('.github/flow.yml')
    expect(repoPath('/elsewhere/flow.yml', '/repo')).toBe('/elsewhere/flow.yml')
  })
})
