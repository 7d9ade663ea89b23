#!/usr/bin/env bash
# Publishes the model into the run's "registry" folder.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
mkdir -p "$WORK/registry"
cp "$WORK/model.txt" "$WORK/registry/model-$(date -u +%Y%m%d%H%M%S).txt"
output output "$WORK/registry"
echo "model published to $WORK/registry"
