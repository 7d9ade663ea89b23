#!/usr/bin/env bash
# "Deploys" a service: copies its image manifest into the cluster folder and marks it healthy.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
service="${1:?usage: deploy.sh <service>}"
mkdir -p "$WORK/cluster"
cp "$WORK/registry/$service.image" "$WORK/cluster/$service.deployment"
echo healthy > "$WORK/cluster/$service.status"
echo "deployed $service"
