#!/usr/bin/env bash
# Checks every deployed service reports healthy.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
count=0
for status in "$WORK"/cluster/*.status; do
  grep -qx healthy "$status" || { echo "$(basename "$status" .status) is not healthy"; exit 1; }
  count=$((count + 1))
done
echo "$count services healthy"
