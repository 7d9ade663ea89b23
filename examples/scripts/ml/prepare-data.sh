#!/usr/bin/env bash
# Generates noisy samples of y = 3x + 7.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
awk -v n="${SAMPLES:-200}" 'BEGIN { srand(42); for (i = 1; i <= n; i++) printf "%d,%.4f\n", i, 3 * i + 7 + (rand() - 0.5) * 10 }' > "$WORK/samples.csv"
output output "$WORK/samples.csv"
echo "prepared $(wc -l < "$WORK/samples.csv" | tr -d ' ') samples"
