# ./tradenova up|down|status|logs: the six services and the gateway as background processes.
# shellcheck shell=bash

TN_APPS=("${TN_SERVICES[@]}" gateway)

app_dll() {
  if [[ $1 == gateway ]]; then
    echo "$TN_ROOT/gateway/bin/$TN_CONFIG/net10.0/TradeNova.Gateway.dll"
  else
    echo "$TN_ROOT/services/$(svc_dir "$1")/bin/$TN_CONFIG/net10.0/TradeNova.$(svc_dir "$1").dll"
  fi
}

app_port() { if [[ $1 == gateway ]]; then echo "$TN_GATEWAY_PORT"; else echo "${TN_SERVICE_PORT[$1]}"; fi; }

# The pid from the pid file, only if that process is still the one we started (pids get reused).
app_pid() {
  local pid
  pid=$(cat "$TN_RUN/$1.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF "$(basename "$(app_dll "$1")")" || return 1
  echo "$pid"
}

app_healthy() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$(app_port "$1")/health") == 200 ]]; }

app_start() {
  local app=$1 dll port
  dll=$(app_dll "$app"); port=$(app_port "$app")
  if app_pid "$app" >/dev/null; then return 0; fi
  if [[ ! -f $dll ]]; then
    warn "$app: $dll is not built; not started"
    return 1
  fi
  if port_open "$port"; then
    warn "$app: port $port is already in use; not started"
    return 1
  fi
  local -a envs
  mapfile -t envs < <(service_env "$app")
  (
    cd "$(dirname "$dll")" || exit 1
    # Exported, not passed as arguments: the values hold passwords and command lines are public.
    local kv
    for kv in "${envs[@]}"; do export "${kv?}"; done
    export OTEL_SERVICE_NAME="$app"
    # setsid: the process outlives this shell and a Ctrl-C in it; stdin closed; one log per app.
    exec setsid dotnet "$dll" --urls "http://127.0.0.1:$port" </dev/null >>"$TN_RUN/$app.log" 2>&1
  ) &
  echo $! >"$TN_RUN/$app.pid"
}

all_apps_healthy() {
  local app
  for app in "${TN_APPS[@]}"; do
    app_pid "$app" >/dev/null && app_healthy "$app" || return 1
  done
}

run_up() {
  require_root
  infra_up
  if all_apps_healthy; then
    log "already up (./tradenova down first to rebuild and restart)"
    echo "http://127.0.0.1:$TN_GATEWAY_PORT"
    return 0
  fi
  local failed
  if ! failed=$(build_dotnet); then
    warn "did not compile: ${failed//$'\n'/ }; starting whatever was built"
  fi
  build_spa || warn "the gateway will serve whatever is in web/dist"

  local app started=()
  for app in "${TN_APPS[@]}"; do
    if app_start "$app"; then started+=("$app"); fi
  done
  ((${#started[@]})) || die "nothing could be started"

  log "waiting for /health of: ${started[*]}"
  local deadline=$((SECONDS + ${TRADENOVA_HEALTH_TIMEOUT:-90})) pending=("${started[@]}")
  while ((${#pending[@]})) && ((SECONDS < deadline)); do
    local next=()
    for app in "${pending[@]}"; do
      if ! app_pid "$app" >/dev/null; then
        warn "$app exited; last log lines:"; tail -15 "$TN_RUN/$app.log" >&2
        continue
      fi
      app_healthy "$app" || next+=("$app")
    done
    pending=("${next[@]}")
    ((${#pending[@]})) && sleep 1
  done

  local unhealthy=()
  for app in "${TN_APPS[@]}"; do
    { app_pid "$app" >/dev/null && app_healthy "$app"; } || unhealthy+=("$app")
  done
  run_status
  if ((${#unhealthy[@]})); then
    warn "not healthy: ${unhealthy[*]} (./tradenova logs <name>)"
    echo "http://127.0.0.1:$TN_GATEWAY_PORT"
    return 1
  fi
  log "all healthy"
  echo "http://127.0.0.1:$TN_GATEWAY_PORT"
}

run_down() {
  require_root
  local app pid pids=()
  # All at once: a graceful ASP.NET Core + MassTransit shutdown takes a few seconds each.
  for app in gateway "${TN_SERVICES[@]}"; do
    if pid=$(app_pid "$app"); then pids+=("$pid"); kill -TERM "$pid" 2>/dev/null; fi
  done
  local deadline=$((SECONDS + 15))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  for app in "${TN_APPS[@]}"; do rm -f "$TN_RUN/$app.pid"; done
  infra_down
  local left
  left=$(leftover_processes)
  if [[ -n $left ]]; then
    warn "still running:"; echo "$left" >&2
    return 1
  fi
  log "stopped; nothing left running"
}

# Live (not zombie) processes this runner starts for this checkout: the apps on our ports, PostgreSQL on our
# data folder, RabbitMQ on our base folder, epmd on our port. (Other people's test runs in the tree are not ours.)
leftover_processes() {
  local ports="$TN_GATEWAY_PORT" app
  for app in "${TN_SERVICES[@]}"; do ports+="|${TN_SERVICE_PORT[$app]}"; done
  ps -eo pid=,stat=,args= | awk '$2 !~ /^Z/' \
    | grep -E -e "TradeNova\.[A-Za-z]+\.dll --urls http://127\.0\.0\.1:($ports)( |\$)" -e "-D $PG_DATA( |\$)" -e "$RMQ_BASE" \
    | grep -vE "ps -eo|grep -E" || true
  port_open "$TN_EPMD_PORT" && echo "epmd still on port $TN_EPMD_PORT"
  return 0
}

run_status() {
  infra_status
  local app pid state
  for app in "${TN_APPS[@]}"; do
    if pid=$(app_pid "$app"); then
      if app_healthy "$app"; then state="healthy"; else state="running (not healthy)"; fi
      printf '%-11s %-6s http://127.0.0.1:%s  pid %s\n' "$app" "$state" "$(app_port "$app")" "$pid"
    else
      printf '%-11s down\n' "$app"
    fi
  done
}

run_logs() {
  if [[ -n ${1:-} ]]; then
    [[ -f $TN_RUN/$1.log ]] || die "no log for '$1' (one of: ${TN_APPS[*]})"
    tail -n "${TRADENOVA_LOG_LINES:-200}" "$TN_RUN/$1.log"
  else
    local app
    for app in "${TN_APPS[@]}"; do
      [[ -f $TN_RUN/$app.log ]] || continue
      echo "==> $app <=="
      tail -n 20 "$TN_RUN/$app.log"
    done
  fi
}
