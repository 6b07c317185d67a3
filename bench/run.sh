#!/usr/bin/env bash
# The benchmark, in one command. Builds Release, starts each server as a user would (Production settings, 127.0.0.1,
# a fresh database migrated by the service's own `migrate`), drives it over HTTP with wrk (installed from Debian's
# packages if absent), audits the database, prints the report and writes bench/results/*.json (with each server's log).
#   bench/run.sh --rounds 3        # the full run: sqlite-reference, sqlite, postgres-reference, postgres under the
#                                  # realistic and capacity loads, then the long call; alternating rounds (ABBA)
#   bench/run.sh --scenarios sqlite-reference,sqlite --loads capacity --duration 30   # any option of Bench/Options.cs
#   bench/run.sh --scenarios postgres-reference,postgres --service-env DOTNET_TieredPGO=0   # a runtime setting's effect
# Loads: realistic = 200 calls at once, 0.5-1.5 s between a call's turns; capacity = 64 calls, closed loop; calls of
# 20 turns. Each server is measured in its first --duration seconds (in --start-window windows) and again, after a
# --warmup at capacity load, at steady state. The exit code checks the audits and non-2xx, never a timing.
# PostgreSQL: a throwaway server is started (and stopped) unless CALLTRANSCRIPTION_BENCH_POSTGRES names one;
# PGTEST_PORT and PGTEST_DIR choose its port and folder.
set -euo pipefail
cd "$(dirname "$0")/.."

# Published as an operator deploys: Release, ReadyToRun (precompiled, so it is fast soon after start), own folder.
dotnet publish src/WebApi -c Release -r linux-x64 --self-contained false -v quiet -nologo -o bench/.publish/service >/dev/null
dotnet publish bench/Bench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -v quiet -nologo -o bench/.publish/bench >/dev/null

if ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian's packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq wrk >&2
fi

if [[ " $* " != *" --scenarios "* || "$*" == *postgres* ]] && [ -z "${CALLTRANSCRIPTION_BENCH_POSTGRES:-}" ]; then
  export PGTEST_PORT="${PGTEST_PORT:-55434}" PGTEST_DIR="${PGTEST_DIR:-/tmp/calltranscription-bench-pg}"
  scripts/test-postgres.sh start >/dev/null
  trap 'scripts/test-postgres.sh stop 2>/dev/null' EXIT
  export CALLTRANSCRIPTION_BENCH_POSTGRES="Host=127.0.0.1;Port=$PGTEST_PORT;Username=postgres;Database=postgres"
fi

dotnet bench/.publish/bench/CallTranscription.Bench.dll run "$@"
