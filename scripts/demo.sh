#!/usr/bin/env bash
# Plays the bureau's 2023 year into a fresh demo cluster and prints the board, the pipeline and the
# reports. It never touches your own local database: the demo has its own folder, renewed each run.
set -euo pipefail
cd "$(dirname "$0")/.."

jointops="$PWD/.build/debug/jointops"
export JOINTOPS_DATA_DIR="${JOINTOPS_DEMO_DIR:-/tmp/jointops-demo-$(id -u)}"
unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGSERVICE
export JOINTOPS_ON_BEHALF_OF="${JOINTOPS_ON_BEHALF_OF:-demo}"
out="$PWD/out/demo"

"$jointops" local stop >/dev/null 2>&1 || true
rm -rf "$JOINTOPS_DATA_DIR"
"$jointops" local start >/dev/null

"$jointops" demo --seed 2023 --year 2023
echo
mkdir -p "$out"
"$jointops" report annual --year 2023 --output-dir "$out"
echo
cat "$out/annual-2023.md"
echo
"$jointops" project status
echo
echo "Explore the demo data:  JOINTOPS_DATA_DIR=$JOINTOPS_DATA_DIR $jointops case list"
echo "Stop the demo database: JOINTOPS_DATA_DIR=$JOINTOPS_DATA_DIR $jointops local stop"
