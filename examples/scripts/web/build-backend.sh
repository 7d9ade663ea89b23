#!/usr/bin/env bash
# Builds a tiny "backend": a shell service script with its version stamped in.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
mkdir -p "$WORK/backend"
printf '#!/bin/sh\necho "backend %s ok"\n' "${VERSION:-1.0.0}" > "$WORK/backend/serve.sh"
chmod +x "$WORK/backend/serve.sh"
"$WORK/backend/serve.sh"
output output "$WORK/backend/serve.sh"
