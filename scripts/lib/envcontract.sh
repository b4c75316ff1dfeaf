# The environment contract (docs/platform-contract.md) for the local topology, and the test settings.
# shellcheck shell=bash

# The existing infrastructure as the AppHost takes it (TradeNova.AppHost, Infrastructure=Existing): one connection
# string per service role, and the broker, as "name=value". Which app receives which is the AppHost's business.
infra_connection_strings() {
  local svc
  for svc in "${TN_SERVICES[@]}"; do echo "${svc}db=$(pg_service_conn "$svc")"; done
  echo "messaging=$(rmq_amqp_uri)/$TN_VHOST"
}

# The same as environment variables, for running one service by hand (give it only its own line and messaging).
service_env() {
  infra_connection_strings | sed 's/^/ConnectionStrings__/'
}

# ... and as the AppHost's configuration file: readable by the owner alone, and not the environment, which every
# process the AppHost starts would inherit (each service must see only its own role's password).
# Execution's key-encryption key for users' broker credentials (AES-256: 32 random bytes, base64), made once.
credential_kek() {
  local file="$TN_SECRETS/credential-kek"
  if [[ ! -s $file ]]; then
    install -d -m 700 "$TN_SECRETS"
    (umask 077; head -c 32 /dev/urandom | base64 -w0 >"$file")
  fi
  cat "$file"
}

write_apphost_config() {
  local name value first=1
  ensure_state_dir
  (
    umask 077
    {
      printf '{\n  "TradeNova": { "Infrastructure": "Existing" },\n  "ConnectionStrings": {'
      while IFS='=' read -r name value; do
        ((first)) || printf ','
        first=0
        printf '\n    "%s": "%s"' "$name" "${value//\"/\\\"}"
      done < <(infra_connection_strings)
      printf '\n  },\n  "Parameters": { "credential-kek": "%s" }\n}\n' "$(credential_kek)"
    } >"$TN_APPHOST_CONFIG.tmp"
  )
  mv "$TN_APPHOST_CONFIG.tmp" "$TN_APPHOST_CONFIG"
}

test_env() {
  echo "TRADENOVA_TEST_PG_ADMIN=$(pg_admin_conn)"
  echo "TRADENOVA_TEST_AMQP=$(rmq_amqp_uri)"
  echo "TRADENOVA_TEST_RABBIT_MGMT=$(rmq_mgmt_uri)"
  echo "TRADENOVA_CHROMIUM=${TRADENOVA_CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
  echo "TRADENOVA_TEST_OUTPUT=${TRADENOVA_TEST_OUTPUT:-$TN_ROOT/test-output}"
}

write_test_env() {
  ensure_state_dir
  (umask 077; test_env >"$TN_STATE/test.env.tmp") && mv "$TN_STATE/test.env.tmp" "$TN_STATE/test.env"
}

# KEY=VALUE lines as `export KEY='VALUE'`, safe to source (connection strings hold ';').
as_exports() {
  local line
  while IFS= read -r line; do
    printf "export %s=%q\n" "${line%%=*}" "${line#*=}"
  done
}

env_main() {
  require_root
  ensure_state_dir
  write_test_env
  local which=service export=0 arg
  for arg in "$@"; do
    case $arg in
      --test) which="test" ;;
      --export) export=1 ;;
      *) die "env: unknown option $arg (use --test, --export)" ;;
    esac
  done
  if ((export)); then
    if [[ $which == test ]]; then test_env | as_exports; else service_env | as_exports; fi
  elif [[ $which == test ]]; then test_env; else service_env; fi
}
