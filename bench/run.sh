#!/usr/bin/env bash
# The benchmark, in one command. Builds Release, starts the servers as a user would (Production settings, 127.0.0.1),
# drives them over HTTP, audits the database, prints the table (docs/performance.md) and writes bench/results/*.json.
#   bench/run.sh                                  # every scenario: ceiling, ceiling-checkpointer, sqlite, ceiling16, sqlite16, long, postgres
#   bench/run.sh --scenarios sqlite --duration 30 # any of the options of `bench run`
#   bench/run.sh statements                       # what one turn costs the SQLite writer: EF Core vs ADO.NET
# PostgreSQL: a throwaway server is started (and stopped) unless CALLTRANSCRIPTION_BENCH_POSTGRES names one.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build src/WebApi -c Release -v quiet -nologo >/dev/null
dotnet build bench/Bench -c Release -v quiet -nologo >/dev/null

if [ "${1:-}" != statements ] && [[ " $* " != *" --scenarios "* || "$*" == *postgres* ]] && [ -z "${CALLTRANSCRIPTION_BENCH_POSTGRES:-}" ]; then
  export PGTEST_PORT=55434 PGTEST_DIR=/tmp/calltranscription-bench-pg
  scripts/test-postgres.sh start >/dev/null
  trap 'scripts/test-postgres.sh stop 2>/dev/null' EXIT
  export CALLTRANSCRIPTION_BENCH_POSTGRES="Host=127.0.0.1;Port=$PGTEST_PORT;Username=postgres;Database=postgres"
fi

if [ "${1:-}" = statements ]; then
  exec dotnet bench/Bench/bin/Release/net10.0/CallTranscription.Bench.dll statements
fi

dotnet bench/Bench/bin/Release/net10.0/CallTranscription.Bench.dll run "$@"
