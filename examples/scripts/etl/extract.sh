#!/usr/bin/env bash
# Extract: writes a customers CSV (the "source system") into the run's scratch folder.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
rows="${ROWS:-50}"
awk -v n="$rows" 'BEGIN {
  print "id,name,country,amount"
  split("DE FR US JP BR", countries, " ")
  for (i = 1; i <= n; i++) printf "%d,customer_%d,%s,%d.%02d\n", i, i, countries[(i % 5) + 1], (i * 37) % 1000, i % 100
}' > "$WORK/customers.csv"
output output "$WORK/customers.csv"
echo "extracted $rows rows to $WORK/customers.csv"
