#!/usr/bin/env bash
# The benchmark, in one command. Builds Release, starts the servers as a user would (Production settings, 127.0.0.1),
# drives them over HTTP with wrk (installed from Debian's packages if absent), audits the database, prints the table
# (docs/performance.md) and writes bench/results/*.json.
#   bench/run.sh                                  # every scenario: sqlite, sqlite16, postgres-reference, postgres, long
#   bench/run.sh --scenarios sqlite --duration 30 # any of the options of `bench run`
# PostgreSQL: a throwaway server is started (and stopped) unless CALLTRANSCRIPTION_BENCH_POSTGRES names one.
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
  export PGTEST_PORT=55434 PGTEST_DIR=/tmp/calltranscription-bench-pg
  scripts/test-postgres.sh start >/dev/null
  trap 'scripts/test-postgres.sh stop 2>/dev/null' EXIT
  export CALLTRANSCRIPTION_BENCH_POSTGRES="Host=127.0.0.1;Port=$PGTEST_PORT;Username=postgres;Database=postgres"
fi

dotnet bench/.publish/bench/CallTranscription.Bench.dll run "$@"
