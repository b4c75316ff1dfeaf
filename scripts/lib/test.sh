# ./tradenova test: everything, ending with one plain line "N passed, N failed[, N skipped]".
# shellcheck shell=bash

TN_TEST_PROJECTS=(tests/TradeNova.Trading.Tests tests/TradeNova.UnitTests tests/TradeNova.IntegrationTests tests/TradeNova.AppHost.Tests)
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
TEST_REPORT=()

strip_ansi() { sed -E 's/\x1b\[[0-9;?]*[A-Za-z]//g'; }

# record <name> <passed> <failed> <skipped> <note>
record() {
  TOTAL_PASSED=$((TOTAL_PASSED + $2)); TOTAL_FAILED=$((TOTAL_FAILED + $3)); TOTAL_SKIPPED=$((TOTAL_SKIPPED + $4))
  TEST_REPORT+=("$(printf '%-28s %4s passed %4s failed %4s skipped %s' "$1" "$2" "$3" "$4" "${5:-}")")
}

# Processes a test runner started (services, browsers) carry TRADENOVA_TEST_RUN_ID in their environment.
# A runner that crashed or timed out cannot clean up after itself; this does, touching nothing else.
kill_run_leftovers() {
  [[ -n ${TRADENOVA_TEST_RUN_ID:-} ]] || return 0
  local environ pid found=()
  for environ in /proc/[0-9]*/environ; do
    pid=${environ#/proc/}; pid=${pid%/environ}
    [[ $pid == "$$" ]] && continue
    grep -qzx "TRADENOVA_TEST_RUN_ID=$TRADENOVA_TEST_RUN_ID" "$environ" 2>/dev/null && found+=("$pid")
  done
  ((${#found[@]})) || return 0
  warn "killing ${#found[@]} process(es) left behind by the test run: ${found[*]}"
  kill -KILL "${found[@]}" 2>/dev/null || true
}

# A runner that produced no summary, or exited non-zero without reporting a failure, counts as one failure.
run_dotnet_tests() {
  local project=$1 name logfile rc
  name=$(basename "$project")
  logfile="$TN_RUN/test-$name.log"
  log "dotnet test $project"
  # The integration suite runs every service as a process (about 12 minutes on 2 cores); the cap only stops a hang.
  timeout --kill-after=30 "${TRADENOVA_TEST_TIMEOUT:-1800}" \
    dotnet test "$TN_ROOT/$project" --no-build -c "$TN_CONFIG" -nologo </dev/null 2>&1 | tee "$logfile"
  rc=${PIPESTATUS[0]}
  kill_run_leftovers
  local summary passed=0 failed=0 skipped=0
  summary=$(strip_ansi <"$logfile" | grep -E '(Passed|Failed)!  *- *Failed: *[0-9]+, *Passed: *[0-9]+, *Skipped: *[0-9]+' || true)
  if [[ -z $summary ]]; then
    record "$name" 0 1 0 "(runner crashed or timed out, exit $rc)"
    return
  fi
  while IFS= read -r line; do
    [[ $line =~ Failed:\ *([0-9]+),\ *Passed:\ *([0-9]+),\ *Skipped:\ *([0-9]+) ]] || continue
    failed=$((failed + BASH_REMATCH[1])); passed=$((passed + BASH_REMATCH[2])); skipped=$((skipped + BASH_REMATCH[3]))
  done <<<"$summary"
  if ((rc != 0 && failed == 0)); then
    record "$name" "$passed" 1 "$skipped" "(exit $rc without a failed test)"
  else
    record "$name" "$passed" "$failed" "$skipped"
  fi
}

run_vitest() {
  local dir=$1 name logfile rc
  name="vitest ${dir#"$TN_ROOT"/}"
  logfile="$TN_RUN/test-vitest.log"
  log "npm test in ${dir#"$TN_ROOT"/}"
  (cd "$dir" && CI=true timeout --kill-after=30 "${TRADENOVA_TEST_TIMEOUT:-600}" npm test </dev/null) 2>&1 | tee "$logfile"
  rc=${PIPESTATUS[0]}
  kill_run_leftovers
  # vitest 4: "      Tests  12 passed | 1 failed | 2 skipped (15)"
  local line passed=0 failed=0 skipped=0
  line=$(strip_ansi <"$logfile" | grep -E '^ *Tests +[0-9]' | tail -1 || true)
  if [[ -z $line ]]; then
    record "$name" 0 1 0 "(runner crashed, exit $rc)"
    return
  fi
  [[ $line =~ ([0-9]+)\ passed ]] && passed=${BASH_REMATCH[1]}
  [[ $line =~ ([0-9]+)\ failed ]] && failed=${BASH_REMATCH[1]}
  [[ $line =~ ([0-9]+)\ (skipped|todo) ]] && skipped=${BASH_REMATCH[1]}
  if ((rc != 0 && failed == 0)); then
    record "$name" "$passed" 1 "$skipped" "(exit $rc without a failed test)"
  else
    record "$name" "$passed" "$failed" "$skipped"
  fi
}

test_prepare() {
  apt_install rabbitmq-server chromium eatmydata
  log "dotnet tool restore"
  (cd "$TN_ROOT" && dotnet tool restore) >"$TN_RUN/tool-restore.log" 2>&1 \
    || { tail -10 "$TN_RUN/tool-restore.log" >&2; warn "dotnet tool restore failed"; }
  npm_install_if_needed "$TN_ROOT/tests/reference" || true
  npm_install_if_needed "$TN_ROOT/web" || true
}

# Runs on every exit, also when setup dies half-way: CI cleanup, then the report and the one summary line.
test_finish() {
  local rc=$?
  trap - EXIT
  if ((!TEST_RUNNERS_DONE)); then
    record "setup" 0 1 0 "(./tradenova test stopped before all runners ran, exit $rc)"
  fi
  if [[ ${CI:-} == true ]]; then
    log "CI: stopping everything"
    run_down || warn "CI cleanup left something running"
  fi
  echo
  printf '%s\n' "${TEST_REPORT[@]}"
  echo "suite took $((SECONDS - TEST_STARTED)) s"
  if ((TOTAL_SKIPPED)); then
    echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
  else
    echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
  fi
  ((TOTAL_FAILED == 0 && ${#TEST_REPORT[@]} > 0)) && exit 0
  exit 1
}

test_main() {
  require_root
  TEST_STARTED=$SECONDS
  TEST_RUNNERS_DONE=0
  trap test_finish EXIT
  ensure_state_dir
  export TRADENOVA_TEST_OUTPUT="${TRADENOVA_TEST_OUTPUT:-$TN_ROOT/test-output}"
  mkdir -p "$TRADENOVA_TEST_OUTPUT"
  test_prepare
  infra_up
  local key value
  while IFS='=' read -r key value; do
    [[ $key =~ ^TRADENOVA_[A-Z_]+$ ]] && export "$key=$value"
  done <"$TN_STATE/test.env"

  local failed_builds="" project csprojs=()
  for project in "${TN_TEST_PROJECTS[@]}"; do
    [[ -d $TN_ROOT/$project ]] && csprojs+=("$project/$(basename "$project").csproj")
  done
  if ! build_dotnet >/dev/null; then
    failed_builds=$(build_test_projects "${csprojs[@]}")
    [[ -n $failed_builds ]] && warn "test projects that do not build: ${failed_builds//$'\n'/ }"
  fi
  build_spa || warn "SPA build failed; the browser test will see the last web/dist, if any"

  # Exported only now, so that nothing but the runners' own processes carries it (not PostgreSQL/RabbitMQ).
  TRADENOVA_TEST_RUN_ID="$$-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export TRADENOVA_TEST_RUN_ID
  for project in "${TN_TEST_PROJECTS[@]}"; do
    if [[ ! -d $TN_ROOT/$project ]]; then continue; fi
    if grep -qxF "$project/$(basename "$project").csproj" <<<"$failed_builds"; then
      record "$(basename "$project")" 0 1 0 "(did not build)"
      continue
    fi
    run_dotnet_tests "$project"
  done
  [[ -f $TN_ROOT/web/package.json ]] && run_vitest "$TN_ROOT/web"
  TEST_RUNNERS_DONE=1
  exit 0
}
