# ./tradenova infra up|down|status
# shellcheck shell=bash

infra_install() {
  [[ -x $TN_PG_BIN/postgres ]] || apt_install postgresql-15
  [[ -x $TN_RABBIT_BIN/rabbitmq-server ]] || apt_install rabbitmq-server
  command -v eatmydata >/dev/null || apt_install eatmydata
}

infra_up_locked() {
  infra_install
  pg_init
  pg_start
  pg_provision
  rmq_start
  rmq_provision
  write_test_env
  write_apphost_config
}

infra_up() {
  require_root
  with_lock infra_up_locked
  log "infrastructure up: postgresql 127.0.0.1:$TN_PG_PORT, rabbitmq 127.0.0.1:$TN_AMQP_PORT"
}

infra_down_locked() {
  rmq_stop
  pg_stop
}

infra_down() {
  require_root
  with_lock infra_down_locked
}

infra_status() {
  pg_status
  rmq_status
}

infra_main() {
  case "${1:-status}" in
    up) infra_up ;;
    down) infra_down ;;
    status) infra_status ;;
    *) die "usage: ./tradenova infra up|down|status" ;;
  esac
}
