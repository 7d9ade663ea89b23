#!/usr/bin/env bash
# Transform: totals per country, sorted.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
input="$WORK/valid.csv"
[ -f "$input" ] || input="$WORK/customers.csv"
awk -F, 'NR > 1 { sum[$3] += $4; count[$3]++ }
  END { for (c in sum) printf "%s,%d,%.2f\n", c, count[c], sum[c] }' "$input" | sort > "$WORK/by_country.body"
{ echo "country,customers,total_amount"; cat "$WORK/by_country.body"; } > "$WORK/by_country.csv"
rm -f "$WORK/by_country.body"
output output "$WORK/by_country.csv"
cat "$WORK/by_country.csv"
