# PostgreSQL 15 from the Debian package, run as the postgres OS user with data under .tradenova/pg.
# shellcheck shell=bash

PG_DATA="$TN_DAEMON_STATE/pg"
PG_SOCK="$TN_DAEMON_STATE/pgsock"
PG_LOG="$TN_DAEMON_STATE/pg.log"

# From a folder the postgres user can read: the checkout itself may be closed to it.
as_postgres() { (cd "$TN_DAEMON_STATE" && runuser -u postgres -- "$@"); }

pg_running() { as_postgres "$TN_PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

# psql as the superuser over the project's own unix socket (peer auth); reads SQL from stdin.
pg_psql() {
  local db=$1; shift
  as_postgres "$TN_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$TN_PG_PORT" -d "$db" "$@"
}

pg_init() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  log "initialising PostgreSQL in $PG_DATA"
  install -d -m 700 -o postgres -g postgres "$PG_DATA"
  local pwfile="$TN_DAEMON_STATE/.pg-initpw"
  (umask 077; secret pg-superuser >"$pwfile")
  chown postgres:postgres "$pwfile"
  as_postgres "$TN_PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
    --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$TN_STATE/initdb.log" 2>&1
  local rc=$?
  rm -f "$pwfile"
  ((rc == 0)) || { cat "$TN_STATE/initdb.log" >&2; die "initdb failed"; }
  # Tests create and drop many short-lived databases; durability of this local scratch data is not needed.
  cat >>"$PG_DATA/postgresql.conf" <<CONF

# --- tradenova local runner ---
listen_addresses = '127.0.0.1'
port = $TN_PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 400
shared_buffers = 64MB
fsync = off
synchronous_commit = off
full_page_writes = off
# OLTP only: JIT compiling a short statement costs more than running it.
jit = off
password_encryption = scram-sha-256
logging_collector = off
CONF
}

pg_start() {
  install -d -m 755 -o postgres -g postgres "$PG_SOCK"
  if pg_running; then return 0; fi
  if port_open "$TN_PG_PORT"; then
    die "port $TN_PG_PORT is already in use (another checkout's PostgreSQL?). Stop it, or set TRADENOVA_PG_PORT."
  fi
  log "starting PostgreSQL on 127.0.0.1:$TN_PG_PORT"
  touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
  # The port on the command line wins over postgresql.conf, so a changed TRADENOVA_PG_PORT holds for existing data too.
  as_postgres "$TN_PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "-p $TN_PG_PORT" -w -t 60 start >/dev/null 9>&- \
    || { tail -20 "$PG_LOG" >&2; die "PostgreSQL did not start"; }
}

# Database tradenova, one role per service owning one schema, and nothing else (idempotent).
pg_provision() {
  local svc sql
  sql="SELECT 'CREATE DATABASE $TN_DB' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$TN_DB')\\gexec
SELECT format('ALTER ROLE postgres WITH PASSWORD %L', :'pw_postgres')\\gexec
REVOKE ALL ON DATABASE postgres FROM PUBLIC;
REVOKE ALL ON DATABASE $TN_DB FROM PUBLIC;
"
  for svc in "${TN_SERVICES[@]}"; do
    sql+="SELECT 'CREATE ROLE tn_$svc' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tn_$svc')\\gexec
SELECT format('ALTER ROLE tn_$svc WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'pw_$svc')\\gexec
GRANT CONNECT ON DATABASE $TN_DB TO tn_$svc;
"
  done
  # Passwords reach psql on stdin (\set), never on a command line other users can see.
  local vars
  vars="\\set pw_postgres '$(secret pg-superuser)'
"
  for svc in "${TN_SERVICES[@]}"; do vars+="\\set pw_$svc '$(secret "pg-tn_$svc")'
"; done
  printf '%s%s' "$vars" "$sql" | pg_psql postgres || die "provisioning roles failed"

  sql="SET client_min_messages = warning;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
"
  for svc in "${TN_SERVICES[@]}"; do
    sql+="CREATE SCHEMA IF NOT EXISTS $svc AUTHORIZATION tn_$svc;
ALTER SCHEMA $svc OWNER TO tn_$svc;
ALTER ROLE tn_$svc IN DATABASE $TN_DB SET search_path = $svc;
"
  done
  printf '%s' "$sql" | pg_psql "$TN_DB" || die "provisioning schemas failed"
}

pg_stop() {
  [[ -f $PG_DATA/PG_VERSION ]] || return 0
  if pg_running; then
    log "stopping PostgreSQL"
    as_postgres "$TN_PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null \
      || as_postgres "$TN_PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null
  fi
}

pg_status() {
  if pg_running; then echo "postgresql  up    127.0.0.1:$TN_PG_PORT  (data $PG_DATA)"
  else echo "postgresql  down"; fi
}

pg_admin_conn() {
  printf 'Host=127.0.0.1;Port=%s;Database=postgres;Username=postgres;Password=%s' "$TN_PG_PORT" "$(secret pg-superuser)"
}

pg_service_conn() {
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=tn_%s;Password=%s' "$TN_PG_PORT" "$TN_DB" "$1" "$(secret "pg-tn_$1")"
}
