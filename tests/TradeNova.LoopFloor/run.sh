#!/usr/bin/env bash
# The loop's floor as plain processes on 127.0.0.1: gateway on TRADENOVA_FLOOR_PORT (default: the platform's gateway
# port + 20), execution, risk and portfolio on the next three ports, against the infrastructure of
# `./tradenova infra up`, on a database of its own made anew by `start`. Builds nothing: dotnet build -c Release first.
#
#   tests/TradeNova.LoopFloor/run.sh start    # then the load driver with --gateway http://127.0.0.1:<port>
#   tests/TradeNova.LoopFloor/run.sh stop
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
port="${TRADENOVA_FLOOR_PORT:-$(( ${TRADENOVA_GATEWAY_PORT:-5100} + 20 ))}"
run_dir="$root/.tradenova/floor"
dll="$root/tests/TradeNova.LoopFloor/bin/Release/net10.0/TradeNova.LoopFloor.dll"
roles=(execution risk portfolio gateway)
mkdir -p "$run_dir"

stop() {
  for pidfile in "$run_dir"/*.pid; do
    [[ -f $pidfile ]] || continue
    kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

case "${1:-}" in
  start)
    stop
    [[ -f $dll ]] || { echo "not built: $dll (dotnet build -c Release)" >&2; exit 1; }
    eval "$(./tradenova env --export)"
    eval "$(./tradenova env --test --export)"
    export ConnectionStrings__messaging TRADENOVA_TEST_PG_ADMIN
    export Floor__SigningKey="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
    export Floor__Execution="http://127.0.0.1:$((port + 1))" Floor__Portfolio="http://127.0.0.1:$((port + 3))"
    (cd "$(dirname "$dll")" && dotnet "$(basename "$dll")" setup)
    declare -A ports=([gateway]=$port [execution]=$((port + 1)) [risk]=$((port + 2)) [portfolio]=$((port + 3)))
    for role in "${roles[@]}"; do
      (cd "$(dirname "$dll")" && exec env -u ASPNETCORE_URLS ASPNETCORE_ENVIRONMENT=Production \
        dotnet "$(basename "$dll")" "$role" --urls "http://127.0.0.1:${ports[$role]}" >"$run_dir/$role.log" 2>&1) &
      echo $! >"$run_dir/$role.pid"
    done
    for role in "${roles[@]}"; do
      for _ in $(seq 1 120); do
        curl -fsS "http://127.0.0.1:${ports[$role]}/health" 2>/dev/null | grep -qx 'Healthy' && break
        sleep 0.5
      done
      curl -fsS "http://127.0.0.1:${ports[$role]}/health" 2>/dev/null | grep -qx 'Healthy' \
        || { echo "$role not healthy; see $run_dir/$role.log" >&2; exit 1; }
    done
    echo "loop floor up: http://127.0.0.1:$port (logs in $run_dir)"
    ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
