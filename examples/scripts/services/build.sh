#!/usr/bin/env bash
# "Builds an image" for a service: a manifest file in the run's registry folder.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
service="${1:?usage: build.sh <service>}"
mkdir -p "$WORK/registry"
printf 'service=%s\nversion=%s\n' "$service" "${VERSION:-1.0.0}" > "$WORK/registry/$service.image"
output image "$WORK/registry/$service.image"
echo "built $service"
