#!/usr/bin/env bash
# Builds a tiny static site: an HTML page and a stylesheet, bundled into one archive.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
mkdir -p "$WORK/frontend"
printf '<!doctype html><title>%s</title><h1>Hello</h1>\n' "${APP_NAME:-website}" > "$WORK/frontend/index.html"
printf 'h1 { font-family: sans-serif }\n' > "$WORK/frontend/site.css"
tar -C "$WORK/frontend" -czf "$WORK/frontend.tgz" .
output output "$WORK/frontend.tgz"
echo "frontend built: $(wc -c < "$WORK/frontend.tgz" | tr -d ' ') bytes"
