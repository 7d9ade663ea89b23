/**
 * The action's entry (`dist/index.js`, both `main` and `post` in action.yml): the first invocation in a
 * job is the main step, which marks the state so that the second one runs the post step.
 */
import * as core from '@actions/core'
import { run } from './main.js'
import { runPost } from './post.js'
import { POST_STATE } from './post-state.js'
import { holdYoungGeneration } from '../engine/young-generation.js'

async function entry(): Promise<void> {
  holdYoungGeneration()
  if (core.getState(POST_STATE.isPost) === 'true') {
    await runPost()
    return
  }
  core.saveState(POST_STATE.isPost, 'true')
  await run()
}

void entry()
