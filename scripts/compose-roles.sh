#!/usr/bin/env bash
# Run once by the postgres image when it creates its data folder (/docker-entrypoint-initdb.d): the
# logins of DESIGN.md §9, so that nothing of JointOps runs as the image's superuser.
#   jointops_migrator   owns the database, CREATEROLE, no superuser: `db migrate`, `analyst add`
#   jointops_app        a login in jointops_writer and jointops_projector: commands, reports
#   jointops_projector_app  a login in jointops_projector: the long-running projector
#   analyst             a login in jointops_analyst: psql and BI tools, SELECT on schema reporting only
# The group roles are made here too (migration 0008 makes them when missing and keeps them when present).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v migrator="${JOINTOPS_MIGRATOR_PASSWORD:-migrator}" -v app="${JOINTOPS_APP_PASSWORD:-app}" \
    -v projector="${JOINTOPS_PROJECTOR_PASSWORD:-projector}" -v analyst="${JOINTOPS_ANALYST_PASSWORD:-analyst}" <<'SQL'
CREATE ROLE jointops_owner NOLOGIN;
CREATE ROLE jointops_writer NOLOGIN;
CREATE ROLE jointops_projector NOLOGIN;
CREATE ROLE jointops_analyst NOLOGIN;
CREATE ROLE jointops_migrator LOGIN CREATEROLE PASSWORD :'migrator';
ALTER DATABASE :"DBNAME" OWNER TO jointops_migrator;
CREATE ROLE jointops_app LOGIN PASSWORD :'app' IN ROLE jointops_writer, jointops_projector;
CREATE ROLE jointops_projector_app LOGIN PASSWORD :'projector' IN ROLE jointops_projector;
ALTER ROLE jointops_projector_app SET role = 'jointops_projector';
CREATE ROLE analyst LOGIN PASSWORD :'analyst' IN ROLE jointops_analyst;
ALTER ROLE analyst SET statement_timeout = '5min';
ALTER ROLE analyst SET idle_in_transaction_session_timeout = '1min';
ALTER ROLE analyst SET default_transaction_read_only = on;
SQL
