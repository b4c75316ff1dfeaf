#!/usr/bin/env bash
# The platform against its floor, in one run on this machine: for each, start it (Release builds, loopback only), warm it
# up, then send the same load with the load driver and read each process's CPU from /proc over 20 s of the sending phase.
# Prints both drivers' figures and the CPU per order by process, with the platform's as a multiple of the floor's.
#
#   tests/TradeNova.LoopFloor/compare.sh [--rate 100] [--users 50] [--seconds 30] [--warmups 3] [--fresh-db]
#
# Needs `./tradenova infra up` and `dotnet build TradeNova.sln -c Release`. --fresh-db empties the six service schemas of
# the local database first (the platform recreates them on start): runs on a database that grew over earlier runs are
# slower, so figures to compare want it; it deletes what `./tradenova up` stored there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
rate=100 users=50 seconds=30 warmups=3 fresh=0
while (($#)); do
  case $1 in
    --rate) rate=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmups) warmups=$2; shift 2 ;;
    --fresh-db) fresh=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
((seconds >= 25)) || { echo "--seconds must be at least 25 (CPU is read over 20 s of it)" >&2; exit 2; }
platform_port="${TRADENOVA_GATEWAY_PORT:-5100}"
floor_port="${TRADENOVA_FLOOR_PORT:-$((platform_port + 20))}"
driver="$root/tests/TradeNova.LoadDriver/bin/Release/net10.0/TradeNova.LoadDriver.dll"
[[ -f $driver ]] || { echo "not built: $driver (dotnet build TradeNova.sln -c Release)" >&2; exit 1; }
out="$root/.tradenova/compare"
mkdir -p "$out"

# The process group a command line belongs to, or nothing.
group_of() {
  case $1 in
    *LoopFloor.dll\ *) local role=${1##*LoopFloor.dll }; echo "${role%% *}" ;;
    *TradeNova.LoadDriver.dll*) echo driver ;;
    *TradeNova.Gateway.dll*) echo gateway ;;
    *TradeNova.Execution.dll*) echo execution ;;
    *TradeNova.Portfolio.dll*) echo portfolio ;;
    *TradeNova.Risk.dll*) echo risk ;;
    *TradeNova.Identity.dll* | *TradeNova.Billing.dll* | *TradeNova.Backtest.dll*) echo other-services ;;
    *beam.smp* | *epmd*) echo rabbitmq ;;
    postgres:* | */postgres\ *) echo postgresql ;;
  esac
}

# "pid group ticks" for every process of a known group (utime + stime, fields 14 and 15 of /proc/pid/stat).
snapshot() {
  local dir cmd group stat
  for dir in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' <"$dir/cmdline" 2>/dev/null) || continue
    group=$(group_of "$cmd")
    [[ -n $group ]] || continue
    stat=$(<"$dir/stat") 2>/dev/null || continue
    read -r -a fields <<<"${stat##*) }"
    echo "${dir#/proc/} $group $((fields[11] + fields[12]))"
  done
}

# measure NAME PORT: warm-ups, then the measured run; writes $out/NAME.driver and $out/NAME.cpu (group ms-per-order).
measure() {
  local name=$1 port=$2 log="$out/$1.driver"
  for ((i = 1; i <= warmups; i++)); do
    timeout 600 dotnet "$driver" --gateway "http://127.0.0.1:$port" --users "$users" --rate 10 --seconds 20 --drain 20 >/dev/null 2>&1 || true
  done
  dotnet "$driver" --gateway "http://127.0.0.1:$port" --users "$users" --rate "$rate" --seconds "$seconds" --drain 20 >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do grep -q sending "$log" && break; sleep 0.5; done
  sleep 3
  snapshot >"$out/$name.before"
  sleep 20
  snapshot >"$out/$name.after"
  wait "$pid" || true
  local hz; hz=$(getconf CLK_TCK)
  awk -v hz="$hz" -v orders="$((rate * 20))" '
    NR == FNR { before[$1] = $3; next }
    { used[$2] += ($3 - ($1 in before ? before[$1] : 0)) * 1000 / hz }
    END { for (g in used) printf "%s %.2f\n", g, used[g] / orders }' "$out/$name.before" "$out/$name.after" >"$out/$name.cpu"
}

tests/TradeNova.LoopFloor/run.sh stop
tests/TradeNova.LoadDriver/loopback-platform.sh stop
sleep 2
if ((fresh)); then
  eval "$(./tradenova env --test --export)"
  setting() { sed -n "s/.*\(^\|;\)$1=\([^;]*\).*/\2/p" <<<"$TRADENOVA_TEST_PG_ADMIN"; }
  for svc in identity billing portfolio execution risk backtest; do
    printf 'DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s AUTHORIZATION tn_%s;\n' "$svc" "$svc" "$svc"
  done | PGPASSWORD="$(setting Password)" psql -X -q -v ON_ERROR_STOP=1 -h "$(setting Host)" -p "$(setting Port)" \
    -U "$(setting Username)" -d tradenova -c 'SET client_min_messages = warning' -f -
fi

echo "floor: $rate orders/s from $users users for $seconds s, after $warmups warm-up runs"
tests/TradeNova.LoopFloor/run.sh start >/dev/null
measure floor "$floor_port"
tests/TradeNova.LoopFloor/run.sh stop
sleep 5
echo "platform: the same"
tests/TradeNova.LoadDriver/loopback-platform.sh start >/dev/null
measure platform "$platform_port"
tests/TradeNova.LoadDriver/loopback-platform.sh stop

for name in floor platform; do
  echo
  echo "== $name"
  grep -E '^(orders sent|  |POST)' "$out/$name.driver" || true
done
echo
echo "CPU per order sent, ms (20 s of the sending phase; the driver shares the cores)"
printf '%-16s %9s %9s %9s\n' process floor platform ratio
join -a 1 -a 2 -e 0 -o 0,1.2,2.2 <(sort "$out/floor.cpu") <(sort "$out/platform.cpu") |
  awk '{ f[$1] = $2; p[$1] = $3; tf += $2; tp += $3 }
       END {
         split("gateway execution risk portfolio postgresql rabbitmq driver other-services", names, " ")
         for (i = 1; i in names; i++) { n = names[i]; if (!(n in f)) continue
           printf "%-16s %9.2f %9.2f %9s\n", n, f[n], p[n], (f[n] > 0 ? sprintf("%.1fx", p[n] / f[n]) : "-") }
         printf "%-16s %9.2f %9.2f %9s\n", "all", tf, tp, (tf > 0 ? sprintf("%.1fx", tp / tf) : "-") }'
