#!/usr/bin/env bash
# Run once by the postgres image when it creates the primary's data folder (/docker-entrypoint-initdb.d):
# the streaming-replication login of the `replica` service. jointops_replicator has LOGIN and REPLICATION
# only (it cannot read a table), and pg_hba.conf lets it open replication connections with its password;
# the image's own `host all all all` line does not cover replication.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v replicator="${JOINTOPS_REPLICATION_PASSWORD:-replicator}" <<'SQL'
CREATE ROLE jointops_replicator LOGIN REPLICATION PASSWORD :'replicator';
SQL
echo "host replication jointops_replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
