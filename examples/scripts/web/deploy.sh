#!/usr/bin/env bash
# Deploys both builds into a "release" folder and checks the result answers.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
release="$WORK/release"
mkdir -p "$release/public"
tar -C "$release/public" -xzf "$WORK/frontend.tgz"
cp "$WORK/backend/serve.sh" "$release/"
grep -q '<h1>' "$release/public/index.html"
"$release/serve.sh"
output output "$release"
