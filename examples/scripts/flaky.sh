#!/usr/bin/env bash
# Fails on its first attempt and succeeds on the next: shows retries ($TASK_ATTEMPT counts from 1).
set -euo pipefail
if [ "${TASK_ATTEMPT:-1}" -lt 2 ]; then
  echo "attempt ${TASK_ATTEMPT:-1}: transient failure"
  exit 1
fi
echo "attempt $TASK_ATTEMPT: ok"
