# The environment contract (docs/platform-contract.md) for the local topology, and the test settings.
# shellcheck shell=bash

# The contract for the local topology. With an app name, only what that process gets, as under Aspire
# (TradeNova.AppHost): a service its own database role, the broker and Identity's URL; the gateway the six
# service URLs and the SPA folder.
service_env() {
  local only=${1:-} svc
  for svc in "${TN_SERVICES[@]}"; do
    [[ -z $only || $only == "$svc" ]] && echo "ConnectionStrings__${svc}db=$(pg_service_conn "$svc")"
  done
  [[ $only != gateway ]] && echo "ConnectionStrings__messaging=$(rmq_amqp_uri)/$TN_VHOST"
  for svc in "${TN_SERVICES[@]}"; do
    [[ -z $only || $only == gateway || $svc == identity ]] && echo "services__${svc}__http__0=http://127.0.0.1:${TN_SERVICE_PORT[$svc]}"
  done
  echo "TradeNova__Jwt__Issuer=tradenova-identity"
  echo "TradeNova__Jwt__Audience=tradenova"
  [[ -z $only || $only == gateway ]] && echo "TradeNova__Gateway__SpaRoot=$TN_ROOT/web/dist"
  echo "ASPNETCORE_ENVIRONMENT=Development"
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
    if [[ $which == test ]]; then test_env | as_exports; else service_env "" | as_exports; fi
  elif [[ $which == test ]]; then test_env; else service_env ""; fi
}
