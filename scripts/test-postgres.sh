#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster on 127.0.0.1 for the integration tests.
#   scripts/test-postgres.sh start   -> prints the export line for CALLTRANSCRIPTION_TEST_POSTGRES
#   scripts/test-postgres.sh stop     -> stops the server, keeps its data
#   scripts/test-postgres.sh resume   -> starts a stopped server again, with its data (fault tests)
# PGTEST_PORT and PGTEST_DIR choose the port and the state directory, so several clusters can coexist.
# Installs Debian's postgresql package when it is missing. Trust auth, loopback only, data in a temp dir.
set -euo pipefail

PORT="${PGTEST_PORT:-55432}"
STATE_DIR="${PGTEST_DIR:-/tmp/calltranscription-pg}"
DATA_DIR="$STATE_DIR/data"

find_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  echo "$bin"
}

install_postgres() {
  if [ -z "$(find_bin)" ]; then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  install_postgres
  local bin; bin=$(find_bin)
  stop >/dev/null 2>&1 || true
  rm -rf "$STATE_DIR"
  mkdir -p "$STATE_DIR"
  if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$STATE_DIR"; fi
  as_postgres "$bin/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 --no-sync >&2
  resume
  echo "export CALLTRANSCRIPTION_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres'"
}

resume() {
  local bin; bin=$(find_bin)
  as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -l "$STATE_DIR/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $PORT -k $DATA_DIR -c max_connections=300 -c fsync=on" start >&2
}

stop() {
  local bin; bin=$(find_bin)
  if [ -n "$bin" ] && [ -d "$DATA_DIR" ]; then
    as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -m fast -w stop >&2 || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  resume) resume ;;
  *) echo "usage: $0 start|stop|resume" >&2; exit 2 ;;
esac
