#!/usr/bin/env bash
# Runs once, on an empty data directory (docker-entrypoint-initdb.d). One database; per service a login role that
# owns its schema and can touch nothing else. Passwords come from the AppHost's secret parameters.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE DATABASE tradenova;
SQL

for svc in identity billing portfolio execution risk backtest; do
  var="TN_${svc^^}_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname tradenova \
    -v role="tn_${svc}" -v schema="${svc}" -v pwd="${!var}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pwd';
GRANT CONNECT ON DATABASE tradenova TO :"role";
CREATE SCHEMA :"schema" AUTHORIZATION :"role";
SQL
done

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname tradenova <<SQL
REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE tradenova FROM PUBLIC;
SQL
