#!/usr/bin/env bash
# The platform against its floor, in one run on this machine: for each, start it (Release builds, loopback only), warm it
# up, then send the same load with the load driver and read each process's CPU from /proc over 20 s of the sending phase.
# Prints both drivers' figures and the CPU per order by process, with the platform's as a multiple of the floor's.
#
#   tests/TradeNova.LoopFloor/compare.sh [--rate 100] [--users 50] [--seconds 30] [--warmups 3] [--warmup 10] [--fresh-db]
#                                        [--repeat N] [--target-ms 100]
#
# --warmup S sends S seconds at the full rate before the measured ones (the driver's --warmup; CPU is read after it).
# --repeat N runs the pair N times (each on a fresh database with --fresh-db) and ends with one line per pair and how
# many of the platform's runs had fill applied p99 under --target-ms. The floor is the same design's least work on the
# same cores at the same moment, so it shows how fast the machine itself was while the platform ran next to it.
#
# Needs `./tradenova infra up` and `dotnet build TradeNova.sln -c Release`. --fresh-db empties the six service schemas of
# the local database first (the platform recreates them on start): runs on a database that grew over earlier runs are
# slower, so figures to compare want it; it deletes what `./tradenova up` stored there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
rate=100 users=50 seconds=30 warmups=3 warmup=0 fresh=0 repeat=1 target_ms=100
while (($#)); do
  case $1 in
    --rate) rate=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmups) warmups=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --fresh-db) fresh=1; shift ;;
    --repeat) repeat=$2; shift 2 ;;
    --target-ms) target_ms=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
((seconds >= 25)) || { echo "--seconds must be at least 25 (CPU is read over 20 s of it)" >&2; exit 2; }
((warmup >= 0 && warmup <= 60)) || { echo "--warmup must be 0-60 s" >&2; exit 2; }
((repeat >= 1 && repeat <= 10)) || { echo "--repeat must be 1-10" >&2; exit 2; }
platform_port="${TRADENOVA_GATEWAY_PORT:-5100}"
floor_port="${TRADENOVA_FLOOR_PORT:-$((platform_port + 20))}"
driver="$root/tests/TradeNova.LoadDriver/bin/Release/net10.0/TradeNova.LoadDriver.dll"
[[ -f $driver ]] || { echo "not built: $driver (dotnet build TradeNova.sln -c Release)" >&2; exit 1; }
out="$root/.tradenova/compare"
mkdir -p "$out"

# The process group a command line belongs to, in $group (empty for none). No subshells or forks here or in snapshot:
# with forks, reading a hundred-odd processes took seconds on the loaded machine and skewed the CPU window.
group_of() {
  group=
  case $1 in
    *LoopFloor.dll\ *) group=${1##*LoopFloor.dll }; group=${group%% *} ;;
    *TradeNova.LoadDriver.dll*) group=driver ;;
    *TradeNova.Gateway.dll*) group=gateway ;;
    *TradeNova.Execution.dll*) group=execution ;;
    *TradeNova.Portfolio.dll*) group=portfolio ;;
    *TradeNova.Risk.dll*) group=risk ;;
    *TradeNova.Identity.dll* | *TradeNova.Billing.dll* | *TradeNova.Backtest.dll*) group=other-services ;;
    *beam.smp* | *epmd*) group=rabbitmq ;;
    postgres:* | */postgres\ *) group=postgresql ;;
  esac
}

# "pid group ticks" for every process of a known group (utime + stime, fields 14 and 15 of /proc/pid/stat), and a last
# line "machine busy total" with the whole machine's non-idle and total ticks (/proc/stat).
snapshot() {
  local dir stat args fields
  for dir in /proc/[0-9]*; do
    mapfile -d '' -t args 2>/dev/null <"$dir/cmdline" || continue
    group_of "${args[*]}"
    [[ -n $group ]] || continue
    read -r stat 2>/dev/null <"$dir/stat" || continue
    read -r -a fields <<<"${stat##*) }"
    echo "${dir#/proc/} $group $((fields[11] + fields[12]))"
  done
  read -r -a fields </proc/stat # cpu user nice system idle iowait irq softirq steal
  echo "machine $((fields[1] + fields[2] + fields[3] + fields[6] + fields[7] + fields[8])) $((fields[1] + fields[2] + fields[3] + fields[4] + fields[5] + fields[6] + fields[7] + fields[8]))"
}

# measure NAME PORT: warm-ups, then the measured run; writes $out/NAME.driver and $out/NAME.cpu (group ms-per-order).
measure() {
  local name=$1 port=$2 log="$out/$1.driver"
  for ((i = 1; i <= warmups; i++)); do
    timeout 600 dotnet "$driver" --gateway "http://127.0.0.1:$port" --users "$users" --rate 10 --seconds 20 --drain 20 >/dev/null 2>&1 || true
  done
  dotnet "$driver" --gateway "http://127.0.0.1:$port" --users "$users" --rate "$rate" --seconds "$seconds" --warmup "$warmup" \
    --drain 20 >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do grep -q sending "$log" && break; sleep 0.5; done
  sleep $((3 + warmup))
  snapshot >"$out/$name.before"
  sleep 20
  snapshot >"$out/$name.after"
  wait "$pid" || true
  local hz; hz=$(getconf CLK_TCK)
  awk -v hz="$hz" -v orders="$((rate * 20))" '
    NR == FNR { if ($1 == "machine") { busy = $2; total = $3 } else before[$1] = $3; next }
    $1 == "machine" { if ($3 > total) printf "%.0f\n", 100 * ($2 - busy) / ($3 - total) > busyfile; next }
    { used[$2] += ($3 - ($1 in before ? before[$1] : 0)) * 1000 / hz }
    END { for (g in used) printf "%s %.2f\n", g, used[g] / orders }' busyfile="$out/$name.busy" \
    "$out/$name.before" "$out/$name.after" >"$out/$name.cpu"
  grep -q '^[0-9]* driver ' "$out/$name.after" ||
    echo "warning: the driver had ended before the CPU window did; $name's figures include idle time" >&2
}

# The fill-applied p99 (ms) and the CPU per order of all processes (ms) of the run NAME.
p99_of() { sed -n 's/^POST -> fill applied .* p99 \([0-9.]*\) ms.*/\1/p' "$out/$1.driver"; }
cpu_of() { awk '$1 != "driver" { t += $2 } END { printf "%.2f", t }' "$out/$1.cpu"; }
busy_of() { cat "$out/$1.busy" 2>/dev/null || echo "?"; }

run_pair() {
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
    awk '{ f[$1] = $2; p[$1] = $3; if ($1 != "driver") { tf += $2; tp += $3 } }
         function row(n, a, b) { printf "%-16s %9.2f %9.2f %9s\n", n, a, b, (a > 0 ? sprintf("%.1fx", b / a) : "-") }
         END {
           split("gateway execution risk portfolio postgresql rabbitmq other-services", names, " ")
           for (i = 1; i in names; i++) if (names[i] in f) row(names[i], f[names[i]], p[names[i]])
           row("all", tf, tp)
           if ("driver" in f) row("driver (not in all)", f["driver"], p["driver"]) }'
  echo "machine busy: floor $(busy_of floor)%, platform $(busy_of platform)% of both cores"
}

summary=()
for ((run = 1; run <= repeat; run++)); do
  ((repeat == 1)) || { echo; echo "##### pair $run of $repeat, $(date -u +%H:%M:%S) UTC"; }
  run_pair
  summary+=("$(printf '%4d  %s  %10s %10s %5s  %12s %12s %5s' "$run" "$(date -u +%H:%M)" "$(p99_of floor)" "$(cpu_of floor)" \
    "$(busy_of floor)" "$(p99_of platform)" "$(cpu_of platform)" "$(busy_of platform)")")
done
if ((repeat > 1)); then
  echo
  echo "fill applied p99 (ms), CPU per order of the system's processes (ms, driver not included) and machine busy (%),"
  echo "one line per pair"
  printf '%4s  %5s  %10s %10s %5s  %12s %12s %5s\n' pair UTC "floor p99" "floor cpu" busy "platform p99" "platform cpu" busy
  printf '%s\n' "${summary[@]}"
  under=$(printf '%s\n' "${summary[@]}" | awk -v t="$target_ms" '$6 != "" && $6 + 0 < t { n++ } END { print n + 0 }')
  echo "platform fill applied p99 under $target_ms ms in $under of $repeat runs"
fi
