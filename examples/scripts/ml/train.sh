#!/usr/bin/env bash
# Fits a least-squares line to the samples, reporting progress per epoch.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
epochs="${EPOCHS:-3}"
for epoch in $(seq 1 "$epochs"); do
  output progress $((epoch * 100 / epochs))
  output task "epoch $epoch of $epochs"
  sleep 0.2
done
awk -F, '{ n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 }
  END { slope = (n * sxy - sx * sy) / (n * sxx - sx * sx); printf "slope=%.6f\nintercept=%.6f\n", slope, (sy - slope * sx) / n }' \
  "$WORK/samples.csv" > "$WORK/model.txt"
cat "$WORK/model.txt"
output output "$WORK/model.txt"
