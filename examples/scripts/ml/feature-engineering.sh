#!/usr/bin/env bash
# Declares the feature set the model trains on.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
printf 'feature,transform\nx,identity\n' > "$WORK/features.csv"
output features x
echo "feature set: x"
