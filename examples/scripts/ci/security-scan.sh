#!/usr/bin/env bash
# Scans the example scripts for hard-coded credentials; fails if any is found.
set -euo pipefail
root="$(dirname "$0")/.."
if grep -rnE '(password|secret|token) *= *["'\''][^"'\'']+' "$root" --include='*.sh'; then
  echo "credentials found"
  exit 1
fi
echo "no credentials in $(find "$root" -name '*.sh' | wc -l | tr -d ' ') scripts"
