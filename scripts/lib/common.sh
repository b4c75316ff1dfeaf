# Shared settings and helpers for ./tradenova. Sourced, never executed.
# shellcheck shell=bash

TN_STATE="$TN_ROOT/.tradenova"
TN_SECRETS="$TN_STATE/secrets"
TN_RUN="$TN_STATE/run"
# The AppHost's connection strings for the existing infrastructure (written by `infra up`).
TN_APPHOST_CONFIG="$TN_SECRETS/apphost.json"

# Fixed by docs/platform-contract.md. The overrides exist only so that a second checkout on the same
# machine (e.g. a fresh clone proving CI) can run its own infrastructure without touching the first.
TN_PG_PORT="${TRADENOVA_PG_PORT:-55432}"
TN_AMQP_PORT="${TRADENOVA_AMQP_PORT:-55672}"
TN_MGMT_PORT="${TRADENOVA_RABBIT_MGMT_PORT:-55673}"
TN_EPMD_PORT="${TRADENOVA_EPMD_PORT:-54369}"
TN_DIST_PORT="${TRADENOVA_RABBIT_DIST_PORT:-$((TN_AMQP_PORT + 2))}"
TN_GATEWAY_PORT="${TRADENOVA_GATEWAY_PORT:-5100}"

TN_SERVICES=(identity billing portfolio execution risk backtest)
declare -A TN_SERVICE_PORT=(
  [identity]=$((TN_GATEWAY_PORT + 1)) [billing]=$((TN_GATEWAY_PORT + 2)) [portfolio]=$((TN_GATEWAY_PORT + 3))
  [execution]=$((TN_GATEWAY_PORT + 4)) [risk]=$((TN_GATEWAY_PORT + 5)) [backtest]=$((TN_GATEWAY_PORT + 6))
)

TN_DB=tradenova
TN_VHOST=tradenova
TN_RABBIT_ADMIN=tnadmin
TN_PG_BIN=/usr/lib/postgresql/15/bin

# PostgreSQL and RabbitMQ run as their own OS users and must reach their folders. Those live in .tradenova;
# only in a checkout those users cannot traverse (e.g. under /root) do they move to /var/lib/tradenova/<id>.
if runuser -u postgres -- test -x "$TN_ROOT" 2>/dev/null || ! id postgres >/dev/null 2>&1; then
  TN_DAEMON_STATE="$TN_STATE"
else
  TN_DAEMON_STATE="/var/lib/tradenova/$(printf '%s' "$TN_ROOT" | md5sum | cut -c1-12)"
fi
TN_RABBIT_BIN=/usr/lib/rabbitmq/bin

log()  { printf '\033[1;34m[tradenova]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[tradenova]\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31m[tradenova]\033[0m %s\n' "$*" >&2; exit 1; }

# Capitalised project folder name of a service: identity -> Identity.
svc_dir() { printf '%s' "${1^}"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until <seconds> <command...>: retries the command every 0.5 s.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.5
  done
}

# A secret is generated once, kept in .tradenova/secrets (root only) and never printed except by `env`.
secret() {
  local file="$TN_SECRETS/$1"
  if [[ ! -s $file ]]; then
    install -d -m 700 "$TN_SECRETS"
    (umask 077; head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$file")
  fi
  cat "$file"
}

require_root() {
  [[ $(id -u) -eq 0 ]] || die "run as root: PostgreSQL and RabbitMQ are started under their own OS users"
}

# apt-get with a lock timeout: other people on this machine may be installing at the same time.
apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]}"
  local apt=(apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
  export DEBIAN_FRONTEND=noninteractive
  if ! "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >"$TN_STATE/apt.log" 2>&1; then
    "${apt[@]}" update -qq >>"$TN_STATE/apt.log" 2>&1 || true
    "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >>"$TN_STATE/apt.log" 2>&1 \
      || { tail -20 "$TN_STATE/apt.log" >&2; die "apt-get install ${missing[*]} failed"; }
  fi
}

ensure_state_dir() {
  install -d -m 755 "$TN_STATE" "$TN_RUN" "$TN_DAEMON_STATE"
  install -d -m 700 "$TN_SECRETS"
}

# Serialises infra changes: several people may call ./tradenova in the same tree at once.
with_lock() {
  ensure_state_dir
  exec 9>"$TN_STATE/infra.lock"
  flock -w 300 9 || die "timed out waiting for $TN_STATE/infra.lock"
  "$@"
  local rc=$?
  flock -u 9
  exec 9>&-
  return $rc
}
