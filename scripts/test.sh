#!/usr/bin/env bash
# Runs the test suite against a throw-away PostgreSQL cluster, and stops it even when tests fail.
set -euo pipefail
cd "$(dirname "$0")/.."

cluster="${JOINTOPS_TEST_CLUSTER:-/tmp/jointops-make-test-$(id -u)}"
jointops=".build/debug/jointops"

stop_cluster() { "$jointops" local stop --data-dir "$cluster" >/dev/null 2>&1 || true; }
trap stop_cluster EXIT

# A fresh cluster each run: nothing left over from an earlier run can make a test pass.
stop_cluster
if [ -f "$cluster/pgdata/postmaster.pid" ]; then
    # A server from an interrupted run that `local stop` could not stop: end it before deleting its files.
    kill -9 "$(head -n 1 "$cluster/pgdata/postmaster.pid")" 2>/dev/null || true
    sleep 1
fi
rm -rf "$cluster"
"$jointops" local start --data-dir "$cluster" --throwaway
export JOINTOPS_TEST_SERVER="host=$cluster/run user=postgres"
# The binary the end-to-end tests run.
export JOINTOPS_BINARY="$PWD/$jointops"

swift test "$@"
