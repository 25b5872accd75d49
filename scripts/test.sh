#!/usr/bin/env bash
# Runs the test suite against a throw-away PostgreSQL cluster, and stops it even when tests fail.
# Suites that hold transactions open start private clusters of their own (Tests/TestSupport/TestCluster.swift)
# under "$cluster-private"; the test process stops them as it exits, and this script removes any that a
# crashed run left behind.
set -euo pipefail
cd "$(dirname "$0")/.."

cluster="${JOINTOPS_TEST_CLUSTER:-/tmp/jointops-make-test-$(id -u)}"
private_clusters="$cluster-private"
jointops=".build/debug/jointops"

# Stops the cluster in folder $1 and deletes it.
remove_cluster() {
    "$jointops" local stop --data-dir "$1" >/dev/null 2>&1 || true
    if [ -f "$1/pgdata/postmaster.pid" ]; then
        # A server that `local stop` could not stop: end it before deleting its files.
        kill -9 "$(head -n 1 "$1/pgdata/postmaster.pid")" 2>/dev/null || true
        sleep 1
    fi
    rm -rf "$1"
}

remove_clusters() {
    local folder
    for folder in "$private_clusters"/*/; do
        if [ -d "$folder" ]; then remove_cluster "${folder%/}"; fi
    done
    rm -rf "$private_clusters"
    remove_cluster "$cluster"
}
trap remove_clusters EXIT

# Fresh clusters each run: nothing left over from an earlier run can make a test pass.
remove_clusters
"$jointops" local start --data-dir "$cluster" --throwaway
export JOINTOPS_TEST_SERVER="host=$cluster/run user=postgres"
export JOINTOPS_TEST_PRIVATE_CLUSTERS="$private_clusters"
# The binary the end-to-end tests run.
export JOINTOPS_BINARY="$PWD/$jointops"

swift test "$@"
