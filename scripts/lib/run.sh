# ./tradenova up|down|status|logs: the platform runs under its Aspire AppHost (TradeNova.AppHost), which this starts in
# the background. The AppHost knows the topology; this file only starts it, waits for it, and reads what it reports.
# shellcheck shell=bash

# Production unless asked otherwise (TRADENOVA_ENVIRONMENT=Development shows developer pages).
TN_ENVIRONMENT="${TRADENOVA_ENVIRONMENT:-Production}"
# The dashboard, its OTLP endpoint and its resource service: 10000 above the gateway and the next two (5100 -> 15100,
# 15101, 15102), so checkouts whose gateways are a few ports apart never collide.
TN_DASHBOARD_PORT="${TRADENOVA_DASHBOARD_PORT:-$((TN_GATEWAY_PORT + 10000))}"
TN_OTLP_PORT=$((TN_DASHBOARD_PORT + 1))
TN_RESOURCE_SERVICE_PORT=$((TN_DASHBOARD_PORT + 2))

TN_APPHOST_DLL="$TN_ROOT/TradeNova.AppHost/bin/$TN_CONFIG/net10.0/TradeNova.AppHost.dll"
TN_RESOURCES="$TN_RUN/resources.tsv"

# Every process the AppHost starts (DCP, its monitors, `dotnet run`, the apps) inherits its environment, so this marker
# finds exactly the processes of this checkout's platform, and nothing else, when they must be stopped.
TN_PLATFORM_MARKER="TRADENOVA_PLATFORM=$TN_ROOT"

# The pid from the pid file, only if that process is still our AppHost (pids get reused).
apphost_pid() {
  local pid
  pid=$(cat "$TN_RUN/apphost.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF "TradeNova.AppHost.dll" || return 1
  echo "$pid"
}

# Live processes carrying this checkout's marker (a zombie's environ reads empty).
platform_pids() {
  grep -lzxF "$TN_PLATFORM_MARKER" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 | grep -vxE "$$|$BASHPID" || true
}

# The apps as the AppHost last reported them: "name state health url" per line (projects only).
app_rows() {
  [[ -f $TN_RESOURCES ]] || return 0
  awk -F'\t' 'NR > 1 && $2 == "Project" { print $1, $3, $4, $5 }' "$TN_RESOURCES"
}

# 0 when the AppHost runs and reports every app Running and Healthy.
platform_healthy() {
  apphost_pid >/dev/null || return 1
  local rows
  rows=$(app_rows)
  [[ -n $rows ]] || return 1
  ! awk '$2 != "Running" || $3 != "Healthy" { bad = 1 } END { exit !bad }' <<<"$rows"
}

dashboard_login_url() {
  grep -oE 'Login to the dashboard at [^ ]+' "$TN_RUN/apphost.log" 2>/dev/null | tail -1 | awk '{print $NF}'
}

# Ports the platform will listen on; DCP retries a busy one forever without saying so, so check first.
platform_ports() {
  local port
  for ((port = TN_GATEWAY_PORT; port <= TN_GATEWAY_PORT + ${#TN_SERVICES[@]}; port++)); do echo "$port"; done
  echo "$TN_DASHBOARD_PORT" "$TN_OTLP_PORT" "$TN_RESOURCE_SERVICE_PORT" | tr ' ' '\n'
}

apphost_start() {
  [[ -f $TN_APPHOST_DLL ]] || die "the AppHost is not built ($TN_APPHOST_DLL)"
  local port busy=()
  for port in $(platform_ports); do port_open "$port" && busy+=("$port"); done
  ((${#busy[@]})) && die "port(s) ${busy[*]} already in use (another checkout? set TRADENOVA_GATEWAY_PORT)"
  write_apphost_config
  rm -f "$TN_RESOURCES"
  log "starting the platform under Aspire ($TN_ENVIRONMENT; gateway 127.0.0.1:$TN_GATEWAY_PORT, dashboard 127.0.0.1:$TN_DASHBOARD_PORT)"
  (
    cd "$TN_ROOT/TradeNova.AppHost" || exit 1
    export "$TN_PLATFORM_MARKER"
    # Settings as arguments, not environment, so that the apps do not inherit them. No secret is on this command line.
    exec setsid dotnet "$TN_APPHOST_DLL" \
      --TradeNova:ConfigFile="$TN_APPHOST_CONFIG" \
      --TradeNova:GatewayPort="$TN_GATEWAY_PORT" \
      --TradeNova:Environment="$TN_ENVIRONMENT" \
      --TradeNova:SpaRoot="$TN_ROOT/web/dist" \
      --TradeNova:RunDirectory="$TN_RUN" \
      --ASPNETCORE_URLS="http://127.0.0.1:$TN_DASHBOARD_PORT" \
      --ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$TN_OTLP_PORT" \
      --ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$TN_RESOURCE_SERVICE_PORT" \
      --ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
      </dev/null >"$TN_RUN/apphost.log" 2>&1
  ) &
  # setsid forks when it leads a process group (job control on): record the AppHost itself, found by its marker.
  local pid
  for _ in $(seq 1 20); do
    for pid in $(platform_pids); do
      if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "TradeNova.AppHost.dll"; then
        echo "$pid" >"$TN_RUN/apphost.pid"
        return 0
      fi
    done
    sleep 0.5
  done
  tail -20 "$TN_RUN/apphost.log" >&2
  die "the AppHost did not start"
}

# Waits until every app is Running and Healthy as the AppHost reports it. Stops early, with the evidence, when the
# AppHost exits or an app fails to start or exits.
wait_platform_healthy() {
  local deadline=$((SECONDS + ${TRADENOVA_HEALTH_TIMEOUT:-600})) rows failed next_report=$((SECONDS + 30)) shown_dashboard=""
  log "waiting until every app is healthy"
  until platform_healthy; do
    if ! apphost_pid >/dev/null; then
      warn "the AppHost exited; last lines of .tradenova/run/apphost.log:"
      tail -25 "$TN_RUN/apphost.log" >&2
      return 1
    fi
    rows=$(app_rows)
    failed=$(awk '$2 ~ /^(FailedToStart|Exited|Finished|RuntimeUnhealthy)$/ { print $1 }' <<<"$rows")
    if [[ -n $failed ]]; then
      local app
      for app in $failed; do
        warn "$app: $(awk -v a="$app" '$1 == a { print $2 }' <<<"$rows"); last lines of its log:"
        tail -15 "$TN_RUN/$app.log" >&2
      done
      return 1
    fi
    if ((SECONDS >= next_report)); then
      log "not yet: $(awk '$2 != "Running" || $3 != "Healthy" { printf "%s(%s/%s) ", $1, $2, $3 }' <<<"$rows")"
      if [[ -z ${shown_dashboard:-} && -n $(dashboard_login_url) ]]; then
        log "progress in the dashboard: $(dashboard_login_url)"
        shown_dashboard=1
      fi
      next_report=$((SECONDS + 30))
    fi
    if ((SECONDS >= deadline)); then
      warn "not all healthy after ${TRADENOVA_HEALTH_TIMEOUT:-600} s"
      dcp_errors
      return 1
    fi
    sleep 1
  done
}

# DCP keeps its per-resource logs in its session folder (a temporary folder named on its command line, removed when it
# exits). Failures it only retries, such as a port it cannot bind, show nowhere else.
dcp_session_dir() {
  local pid args
  for pid in $(platform_pids); do
    args=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -A1 -x -- '--kubeconfig' | sed -n 2p)
    [[ -n $args ]] && { dirname "$args"; return 0; }
  done
  return 0
}

dcp_errors() {
  local dir lines
  dir=$(dcp_session_dir)
  [[ -n $dir ]] || return 0
  lines=$(grep -hE $'\t(error|warn)\t' "$dir"/*.log 2>/dev/null | tail -10)
  [[ -n $lines ]] && { warn "DCP reported ($dir):"; echo "$lines" >&2; }
  return 0
}

print_urls() {
  echo "SPA and API: http://127.0.0.1:$TN_GATEWAY_PORT"
  echo "Aspire dashboard: $(dashboard_login_url || echo "http://127.0.0.1:$TN_DASHBOARD_PORT")"
}

run_up() {
  require_root
  infra_up
  if platform_healthy; then
    log "already up (./tradenova down first to rebuild and restart)"
    print_urls
    return 0
  fi
  local started=$SECONDS
  if ! apphost_pid >/dev/null; then
    local failed
    if ! failed=$(build_dotnet); then
      die "did not compile: ${failed//$'\n'/ } (see .tradenova/run/build.log)"
    fi
    build_spa || warn "the gateway will serve whatever is in web/dist"
    apphost_start
  else
    log "the AppHost is already running; waiting for it"
  fi
  local rc=0
  wait_platform_healthy || rc=1
  run_status
  if ((rc)); then
    warn "not healthy (./tradenova logs <app>; ./tradenova logs apphost; the dashboard)"
    print_urls
    return 1
  fi
  log "all healthy in $((SECONDS - started)) s"
  print_urls
}

# wait_gone <seconds> <pid...>: 0 once none of the pids lives.
wait_gone() {
  local deadline=$((SECONDS + $1)) pid; shift
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
  done
  for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 1; done
  return 0
}

# In stages, each with SIGTERM so that the apps shut down gracefully: the AppHost (it asks DCP to stop the apps);
# then DCP itself, which may outlive the AppHost with its apps still running; then whatever app is left (`dotnet run`
# does not always pass the signal on). Only what still carries the marker after all that is killed.
platform_stop() {
  local pid pids dcp
  if pid=$(apphost_pid); then
    log "stopping the AppHost (pid $pid) and everything it started"
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "${TRADENOVA_STOP_TIMEOUT:-45}" "$pid" || warn "the AppHost did not stop within ${TRADENOVA_STOP_TIMEOUT:-45} s"
  fi
  dcp=$(for pid in $(platform_pids); do tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'dcp start-apiserver' && echo "$pid"; done)
  if [[ -n $dcp ]]; then
    # shellcheck disable=SC2086
    kill -TERM $dcp 2>/dev/null || true
    # shellcheck disable=SC2086
    wait_gone 30 $dcp || true
  fi
  pids=$(platform_pids)
  if [[ -n $pids ]]; then
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    # shellcheck disable=SC2086
    wait_gone 20 $pids || true
  fi
  pids=$(platform_pids)
  if [[ -n $pids ]]; then
    warn "killing what did not stop in time: $(tr '\n' ' ' <<<"$pids")"
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
  fi
  rm -f "$TN_RUN/apphost.pid"
}

run_down() {
  require_root
  platform_stop
  infra_down
  local left
  left=$(leftover_processes)
  if [[ -n $left ]]; then
    warn "still running:"; echo "$left" >&2
    return 1
  fi
  log "stopped; nothing left running"
}

# Live processes this runner starts for this checkout: the platform (by its marker), PostgreSQL on our data folder,
# RabbitMQ on our base folder, epmd on our port, and anything listening on the platform's ports.
leftover_processes() {
  local pid port
  for pid in $(platform_pids); do ps -o pid=,args= -p "$pid" 2>/dev/null; done
  ps -eo pid=,stat=,args= | awk '$2 !~ /^Z/' | grep -E -e "-D $PG_DATA( |\$)" -e "$RMQ_BASE" | grep -vE "ps -eo|grep -E" || true
  port_open "$TN_EPMD_PORT" && echo "epmd still on port $TN_EPMD_PORT"
  for port in $(platform_ports); do port_open "$port" && echo "port $port still open"; done
  return 0
}

run_status() {
  infra_status
  local pid
  if ! pid=$(apphost_pid); then
    echo "apphost     down"
    return 0
  fi
  echo "apphost     up    pid $pid  dashboard $(dashboard_login_url || echo "http://127.0.0.1:$TN_DASHBOARD_PORT")"
  local name state health url
  while read -r name state health url; do
    [[ -n $name ]] || continue
    if [[ $state == Running && $health == Healthy ]]; then
      printf '%-11s %-7s %s\n' "$name" healthy "$url"
    else
      printf '%-11s %-7s %s\n' "$name" "$state${health:+/$health}" "$url"
    fi
  done < <(app_rows)
}

# The apps' console output, as the AppHost mirrors it from the dashboard; `apphost` and `dcp` for the orchestration.
run_logs() {
  local lines="${TRADENOVA_LOG_LINES:-200}" name
  case ${1:-} in
    "")
      for name in $(app_rows | awk '{print $1}'); do
        [[ -f $TN_RUN/$name.log ]] || continue
        echo "==> $name <=="
        tail -n 20 "$TN_RUN/$name.log"
      done
      ;;
    apphost) tail -n "$lines" "$TN_RUN/apphost.log" ;;
    dcp)
      local dir
      dir=$(dcp_session_dir)
      [[ -n $dir ]] || die "DCP is not running"
      tail -n "$lines" "$dir"/*.log
      ;;
    *)
      [[ -f $TN_RUN/$1.log ]] || die "no log for '$1' (one of: $(app_rows | awk '{printf "%s ", $1}')apphost dcp)"
      tail -n "$lines" "$TN_RUN/$1.log"
      ;;
  esac
}
