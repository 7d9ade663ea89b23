# Shared by the example scripts: one scratch folder per run, so parallel steps of a run share files.
# shellcheck shell=bash
WORK="${TMPDIR:-/tmp}/task-orchestrator-examples/${TASK_WORKFLOW_ID:-local}"
mkdir -p "$WORK"
# Writes name=value to the step's output file (when run by the orchestrator).
output() { if [ -n "${TASK_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >> "$TASK_OUTPUT"; fi; }
