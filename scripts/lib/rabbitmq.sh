# RabbitMQ 3.10 from the Debian package, run as the rabbitmq OS user with everything under .tradenova/rabbitmq.
# shellcheck shell=bash

RMQ_BASE="$TN_DAEMON_STATE/rabbitmq"
RMQ_NODE="tradenova@localhost"

# Every rabbitmq script runs as the rabbitmq user with this environment, so server and CLI agree on
# node name, epmd port and Erlang cookie (HOME), and nothing listens beyond 127.0.0.1.
as_rabbit() {
  cd "$TN_DAEMON_STATE" || return 1
  runuser -u rabbitmq -- env \
    HOME="$RMQ_BASE" \
    RABBITMQ_CONF_ENV_FILE=/dev/null \
    RABBITMQ_NODENAME="$RMQ_NODE" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$TN_AMQP_PORT" \
    RABBITMQ_DIST_PORT="$TN_DIST_PORT" \
    RABBITMQ_CONFIG_FILE="$RMQ_BASE/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_BASE/advanced.config" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_BASE/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$RMQ_BASE/mnesia" \
    RABBITMQ_LOG_BASE="$RMQ_BASE/log" \
    RABBITMQ_PID_FILE="$RMQ_BASE/rabbitmq.pid" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    ERL_EPMD_PORT="$TN_EPMD_PORT" \
    "$@"
  local rc=$?
  cd "$OLDPWD" || true
  return $rc
}

rmqctl() { as_rabbit "$TN_RABBIT_BIN/rabbitmqctl" -q "$@"; }

rmq_pid() {
  local pid
  pid=$(cat "$RMQ_BASE/rabbitmq.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

rmq_running() { rmq_pid >/dev/null && rmqctl await_startup --timeout 1 >/dev/null 2>&1; }

rmq_configure() {
  install -d -m 750 -o rabbitmq -g rabbitmq "$RMQ_BASE" "$RMQ_BASE/mnesia" "$RMQ_BASE/log"
  if [[ ! -s $RMQ_BASE/.erlang.cookie ]]; then
    (umask 077; secret rabbit-cookie >"$RMQ_BASE/.erlang.cookie")
  fi
  (umask 077; cat >"$RMQ_BASE/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$TN_AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $TN_MGMT_PORT
default_user = $TN_RABBIT_ADMIN
default_pass = $(secret rabbit-admin)
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
loopback_users = none
log.console = false
log.file.level = warning
vm_memory_high_watermark.relative = 0.3
disk_free_limit.absolute = 200MB
CONF
  )
  echo '[].' >"$RMQ_BASE/advanced.config"
  echo '[rabbitmq_management].' >"$RMQ_BASE/enabled_plugins"
  chmod 400 "$RMQ_BASE/.erlang.cookie"
  chown -R rabbitmq:rabbitmq "$RMQ_BASE"
}

rmq_start() {
  if rmq_running; then return 0; fi
  if port_open "$TN_AMQP_PORT"; then
    die "port $TN_AMQP_PORT is already in use (another checkout's RabbitMQ?). Stop it, or set TRADENOVA_AMQP_PORT."
  fi
  rmq_configure
  log "starting RabbitMQ on 127.0.0.1:$TN_AMQP_PORT (management 127.0.0.1:$TN_MGMT_PORT)"
  # epmd first, and listening, before the node registers with it (a race otherwise kills a fresh node).
  port_open "$TN_EPMD_PORT" || as_rabbit epmd -daemon 9>&- </dev/null >/dev/null 2>&1
  wait_until 10 port_open "$TN_EPMD_PORT" || die "epmd did not open port $TN_EPMD_PORT"
  rm -f "$RMQ_BASE/rabbitmq.pid"
  # Like the local PostgreSQL (fsync = off), the local broker's fsyncs are no-ops (eatmydata): on these VMs' disks an
  # fsync now and then takes 100-460 ms, and a classic queue syncs persistent messages before it confirms them, so
  # every order in flight waited with it (whole-platform stalls of up to 1.2 s under load). Messages still reach the
  # files and survive a broker restart; only a machine crash can lose the last ones, as with the local PostgreSQL.
  local nosync=()
  command -v eatmydata >/dev/null && nosync=(eatmydata)
  # Not -detached: run in the background in its own session so that an early failure lands in start.log.
  (as_rabbit setsid "${nosync[@]}" "$TN_RABBIT_BIN/rabbitmq-server" 9>&- </dev/null >>"$RMQ_BASE/log/start.log" 2>&1 &)
  if ! wait_until 60 test -s "$RMQ_BASE/rabbitmq.pid"; then
    tail -20 "$RMQ_BASE/log/start.log" >&2
    die "RabbitMQ wrote no pid file; see $RMQ_BASE/log"
  fi
  rmqctl wait --timeout 90 "$RMQ_BASE/rabbitmq.pid" >/dev/null 2>&1 || die "RabbitMQ did not start; see $RMQ_BASE/log"
  wait_until 60 port_open "$TN_MGMT_PORT" || die "RabbitMQ management did not open port $TN_MGMT_PORT"
}

# The admin user comes from default_user on first boot; re-assert it so a rotated secret file also works.
rmq_provision() {
  local pw; pw=$(secret rabbit-admin)
  if ! rmqctl list_users 2>/dev/null | awk '{print $1}' | grep -qx "$TN_RABBIT_ADMIN"; then
    rmqctl add_user "$TN_RABBIT_ADMIN" <<<"$pw" >/dev/null
  fi
  # Passwords go through stdin: command lines are visible to every user of the machine.
  rmqctl authenticate_user "$TN_RABBIT_ADMIN" <<<"$pw" >/dev/null 2>&1 \
    || rmqctl change_password "$TN_RABBIT_ADMIN" <<<"$pw" >/dev/null
  rmqctl set_user_tags "$TN_RABBIT_ADMIN" administrator >/dev/null
  if rmqctl list_users 2>/dev/null | awk '{print $1}' | grep -qx guest; then
    rmqctl delete_user guest >/dev/null
  fi
  if ! rmqctl list_vhosts 2>/dev/null | grep -qx "$TN_VHOST"; then
    rmqctl add_vhost "$TN_VHOST" >/dev/null
  fi
  rmqctl set_permissions -p "$TN_VHOST" "$TN_RABBIT_ADMIN" '.*' '.*' '.*' >/dev/null
}

rmq_stop() {
  local pid
  if pid=$(rmq_pid); then
    log "stopping RabbitMQ"
    rmqctl stop "$RMQ_BASE/rabbitmq.pid" >/dev/null 2>&1 || true
    wait_until 30 bash -c "! kill -0 $pid 2>/dev/null" || kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$RMQ_BASE/rabbitmq.pid"
  # erl starts epmd on demand and leaves it behind; it is ours when it listens on our epmd port.
  if port_open "$TN_EPMD_PORT"; then
    as_rabbit epmd -kill >/dev/null 2>&1 || true
    local epid
    for epid in $(pgrep -x epmd); do
      if tr '\0' ' ' 2>/dev/null <"/proc/$epid/environ" | grep -q "ERL_EPMD_PORT=$TN_EPMD_PORT\b"; then
        kill "$epid" 2>/dev/null || true
      fi
    done
  fi
}

rmq_status() {
  if rmq_running; then echo "rabbitmq    up    amqp 127.0.0.1:$TN_AMQP_PORT  management http://127.0.0.1:$TN_MGMT_PORT  node $RMQ_NODE"
  else echo "rabbitmq    down"; fi
}

rmq_amqp_uri() { printf 'amqp://%s:%s@127.0.0.1:%s' "$TN_RABBIT_ADMIN" "$(secret rabbit-admin)" "$TN_AMQP_PORT"; }
rmq_mgmt_uri() { printf 'http://%s:%s@127.0.0.1:%s' "$TN_RABBIT_ADMIN" "$(secret rabbit-admin)" "$TN_MGMT_PORT"; }
