#!/usr/bin/env bash
# Removes the run's scratch folder.
set -euo pipefail
work="${TMPDIR:-/tmp}/task-orchestrator-examples/${TASK_WORKFLOW_ID:-local}"
rm -rf "$work"
echo "removed $work"
