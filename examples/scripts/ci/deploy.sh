#!/usr/bin/env bash
# "Deploys" to an environment: writes a release marker into the run's scratch folder.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
environment="${1:?usage: deploy.sh <environment>}"
mkdir -p "$WORK/deployments"
date -u +%Y-%m-%dT%H:%M:%SZ > "$WORK/deployments/$environment"
output output "$WORK/deployments/$environment"
echo "deployed to $environment"
