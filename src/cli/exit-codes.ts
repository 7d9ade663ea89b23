/** SPEC §11 exit codes. */
export const EXIT = {
  success: 0,
  workflowFailed: 1,
  invalid: 2,
  interrupted: 130,
} as const
