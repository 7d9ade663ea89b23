/** Names of the values main saves with `core.saveState` for the post step. */
export const POST_STATE = {
  /** Set by the entry point: the next invocation is the post step. */
  isPost: 'isPost',
  /** The marker in every step process's environment (process-sweep.ts). */
  processToken: 'processToken',
  /** The run journal file (run-journal.ts). */
  journal: 'journal',
} as const
