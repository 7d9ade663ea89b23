#!/usr/bin/env bash
# Validate: keeps rows with 4 fields, a numeric id and a decimal amount; fails if fewer than 90% pass.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
awk -F, -v out="$WORK/valid.csv" 'NR == 1 { print > out; next }
  { total++ }
  NF == 4 && $1 ~ /^[0-9]+$/ && $4 ~ /^[0-9]+\.[0-9]+$/ { valid++; print > out }
  END { printf "%d of %d rows valid\n", valid, total; if (valid < total * 0.9) exit 1 }' "$WORK/customers.csv"
output output "$WORK/valid.csv"
