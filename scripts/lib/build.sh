# Building: the .NET solution filter and the SPA. Retries when another build on this machine holds a file.
# shellcheck shell=bash

TN_CONFIG="${TRADENOVA_CONFIGURATION:-Release}"

# dotnet_build <log> <project-or-solution>: 0 on success; retries up to 3 times on file-lock errors only.
dotnet_build() {
  local logfile=$1 target=$2 attempt
  for attempt in 1 2 3; do
    if dotnet build "$TN_ROOT/$target" -c "$TN_CONFIG" -nologo -v:q -clp:ErrorsOnly >"$logfile" 2>&1; then
      return 0
    fi
    if grep -qE 'MSB3026|MSB3027|MSB3021|being used by another process|lock' "$logfile"; then
      warn "build of $target hit a file lock; retrying ($attempt/3)"
      sleep $((attempt * 5))
      continue
    fi
    return 1
  done
  return 1
}

# Builds the solution, AppHost and its test included. MSBuild still builds every project that does not depend on a broken one,
# so on failure whatever compiles can run. Prints the projects that failed to compile (from the error lines).
build_dotnet() {
  local logfile="$TN_RUN/build.log"
  log "building TradeNova.sln ($TN_CONFIG)"
  if dotnet_build "$logfile" TradeNova.sln; then
    return 0
  fi
  warn "solution build failed (see .tradenova/run/build.log):"
  grep -E ': error ' "$logfile" | sed -E 's/^ *//; s/ \[[^]]*\]$//' | sort -u | head -15 >&2
  grep -oE ': error [^[]*\[[^]]+\.csproj' "$logfile" | sed -E 's/.*\[//; s|^'"$TN_ROOT"'/||' | sort -u
  return 1
}

# Test projects get their own build after a failed solution build, so a test project whose dependency is
# broken is reported as not built instead of running stale binaries.
build_test_projects() {
  local project failed=()
  for project in "$@"; do
    dotnet_build "$TN_RUN/build-$(basename "$project" .csproj).log" "$project" || failed+=("$project")
  done
  printf '%s\n' "${failed[@]}"
}

npm_install_if_needed() {
  local dir=$1
  [[ -f $dir/package.json ]] || return 0
  local stamp="$dir/node_modules/.package-lock.json"
  if [[ ! -f $stamp || $dir/package-lock.json -nt $stamp || $dir/package.json -nt $stamp ]]; then
    log "npm ci in ${dir#"$TN_ROOT"/}"
    if [[ -f $dir/package-lock.json ]]; then
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >"$TN_RUN/npm-$(basename "$dir").log" 2>&1
    else
      (cd "$dir" && npm install --no-audit --no-fund --loglevel=error) >"$TN_RUN/npm-$(basename "$dir").log" 2>&1
    fi || { tail -20 "$TN_RUN/npm-$(basename "$dir").log" >&2; warn "npm install failed in $dir"; return 1; }
  fi
}

build_spa() {
  [[ -f $TN_ROOT/web/package.json ]] || return 0
  npm_install_if_needed "$TN_ROOT/web" || return 1
  log "building the SPA (web/dist)"
  (cd "$TN_ROOT/web" && npm run build) >"$TN_RUN/spa-build.log" 2>&1 \
    || { tail -20 "$TN_RUN/spa-build.log" >&2; warn "SPA build failed; see .tradenova/run/spa-build.log"; return 1; }
}
