#!/usr/bin/env bash
# Load: copies the result into the "warehouse" folder and reports how many rows landed.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
mkdir -p "$WORK/warehouse"
cp "$WORK/by_country.csv" "$WORK/warehouse/customers_by_country.csv"
rows=$(($(wc -l < "$WORK/warehouse/customers_by_country.csv") - 1))
output loaded "$rows"
output output "$WORK/warehouse/customers_by_country.csv"
echo "loaded $rows rows into $WORK/warehouse"
