#!/usr/bin/env bash
# Scores the model (R²) on the samples and outputs `score`.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$WORK/model.txt"
score=$(awk -F, -v a="$slope" -v b="$intercept" '{ n++; y[n] = $2; p[n] = a * $1 + b; s += $2 }
  END { m = s / n; for (i = 1; i <= n; i++) { rss += (y[i] - p[i]) ^ 2; tss += (y[i] - m) ^ 2 }; printf "%.4f", 1 - rss / tss }' "$WORK/samples.csv")
output score "$score"
echo "R² = $score"
