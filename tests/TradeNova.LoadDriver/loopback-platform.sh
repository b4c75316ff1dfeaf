#!/usr/bin/env bash
# A small host for load runs: the six services and the gateway, Release builds, as plain processes on 127.0.0.1 (the
# gateway on TRADENOVA_GATEWAY_PORT, services on the next six ports, as under the AppHost), against the infrastructure
# of `./tradenova infra up`. Each service gets only its own connection string, like under Aspire. Load-run settings are
# configuration, never code: Risk's per-user order-rate cap and the gateway's rate limits are raised for the run only.
# LOAD_CONNECTION_EXTRA is appended to every service's connection string, to try Npgsql settings without a rebuild
# (for example LOAD_CONNECTION_EXTRA=';Maximum Pool Size=4').
#
#   tests/TradeNova.LoadDriver/loopback-platform.sh start   # builds nothing: dotnet build -c Release first
#   tests/TradeNova.LoadDriver/loopback-platform.sh stop
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
gateway_port="${TRADENOVA_GATEWAY_PORT:-5100}"
run_dir="$root/.tradenova/load"
# As `./tradenova up` runs them (the AppHost's TradeNova:Environment, Production unless set): Development adds the
# developer exception page and DI scope validation to every request.
environment="${LOAD_ENVIRONMENT:-Production}"
services=(identity billing portfolio execution risk backtest)
mkdir -p "$run_dir"

stop() {
  for pidfile in "$run_dir"/*.pid; do
    [[ -f $pidfile ]] || continue
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

start_app() { # name dll port env...
  local name=$1 dll=$2 port=$3; shift 3
  [[ -f $dll ]] || { echo "not built: $dll (dotnet build -c Release)" >&2; exit 1; }
  # From the app's folder, so its appsettings.json (log levels) is the content root's, as when deployed.
  (cd "$(dirname "$dll")" && exec env -u ASPNETCORE_URLS ASPNETCORE_ENVIRONMENT="$environment" "$@" \
    TradeNova__Jwt__Issuer=tradenova-identity TradeNova__Jwt__Audience=tradenova \
    dotnet "$(basename "$dll")" --urls "http://127.0.0.1:$port" >"$run_dir/$name.log" 2>&1) &
  echo $! >"$run_dir/$name.pid"
}

case "${1:-}" in
  start)
    stop
    eval "$(./tradenova env --export)"
    declare -A port
    gateway_env=()
    for i in "${!services[@]}"; do
      port[${services[$i]}]=$((gateway_port + 1 + i))
      gateway_env+=("services__${services[$i]}__http__0=http://127.0.0.1:${port[${services[$i]}]}")
    done
    for svc in "${services[@]}"; do
      project="$(tr '[:lower:]' '[:upper:]' <<<"${svc:0:1}")${svc:1}"
      conn_var="ConnectionStrings__${svc}db"
      extra=()
      [[ $svc == risk ]] && extra+=("TradeNova__Risk__MaxOrdersPerMinute=${LOAD_RISK_ORDERS_PER_MINUTE:-600}")
      start_app "$svc" "services/$project/bin/Release/net10.0/TradeNova.$project.dll" "${port[$svc]}" \
        "$conn_var=${!conn_var}${LOAD_CONNECTION_EXTRA:-}" "ConnectionStrings__messaging=$ConnectionStrings__messaging" \
        "services__identity__http__0=http://127.0.0.1:${port[identity]}" "${extra[@]}"
    done
    start_app gateway gateway/bin/Release/net10.0/TradeNova.Gateway.dll "$gateway_port" "${gateway_env[@]}" \
      TradeNova__RateLimits__PerUser__PermitLimit=100000 TradeNova__RateLimits__PerIp__PermitLimit=100000 \
      TradeNova__RateLimits__Auth__PermitLimit=100000
    for app in "${services[@]}" gateway; do
      p=$([[ $app == gateway ]] && echo "$gateway_port" || echo "${port[$app]}")
      for _ in $(seq 1 240); do
        curl -fsS "http://127.0.0.1:$p/health" 2>/dev/null | grep -qx 'Healthy' && break
        sleep 0.5
      done
      curl -fsS "http://127.0.0.1:$p/health" 2>/dev/null | grep -qx 'Healthy' || { echo "$app not healthy; see $run_dir/$app.log" >&2; exit 1; }
    done
    echo "platform up: http://127.0.0.1:$gateway_port (logs in $run_dir)"
    ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
