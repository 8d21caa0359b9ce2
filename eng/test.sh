#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need, builds, runs every test project,
# and ends with one line "N passed, N failed, N skipped". Exits non-zero when anything failed.
# Chromium and PostgreSQL: installed when missing (root, apt-get) and started as a throwaway cluster for the tests (HARRIER_TEST_POSTGRES).
# Under CI=true a PostgreSQL test that cannot run fails instead of skipping (tests/Harrier.Storage.Tests).
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
pg_dir="" pg_bin="" pg_as=()

# --- PostgreSQL for the storage contract suite and the scale-out tests -------------------------------------------------
# A throwaway cluster in a temp directory, on 127.0.0.1 and a free port, trust auth, run as the postgres user when we are
# root (initdb refuses root); stopped and removed on exit. HARRIER_TEST_POSTGRES set by the caller is used as it is.
stop_postgres() {
  if [ -n "$pg_dir" ]; then
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
start_postgres() {
  [ -n "${HARRIER_TEST_POSTGRES:-}" ] && return 0
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ ! -x "$pg_bin/initdb" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL (apt-get install postgresql)…" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ ! -x "$pg_bin/initdb" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL tests will be skipped" >&2
    return 1
  fi
  pg_dir=$(mktemp -d /tmp/harrier-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$pg_dir" && pg_as=(runuser -u postgres --)
  fi
  "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; return 1; }
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue   # taken
    if "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -o \
        "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
      export HARRIER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "PostgreSQL $("$pg_bin/postgres" --version | grep -oE '[0-9]+(\.[0-9]+)*' | head -n 1) for the tests on 127.0.0.1:$port" >&2
      return 0
    fi
  done
  cat "$pg_dir/server.log" >&2
  return 1
}
trap 'stop_postgres; rm -f "$log"' EXIT
trap 'exit 130' INT TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! start_postgres && [ "${CI:-}" = "true" ]; then
  # Under CI the PostgreSQL tests must run: without a server they would be skipped, and a skip is not a pass.
  echo "0 passed, 1 failed, 0 skipped"
  echo "could not start PostgreSQL for the tests" >&2
  exit 1
fi
# Chromium, for the web UI's browser tests and PDF reports (Debian's package).
./eng/install-chromium.sh || echo "Chromium could not be installed: the browser tests will skip (and fail under CI=true)" >&2
if ! dotnet build Harrier.slnx -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed"
  echo "build failed" >&2
  exit 1
fi

dotnet test --solution Harrier.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The runner's summary: "total: N", "failed: N", "succeeded: N", "skipped: N".
count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the runner failed without counting a failed test (crash, timeout): never report green
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
