#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 + PostGIS 3 server (Debian packages
# postgresql-15 and postgresql-15-postgis-3) for the database tests and the benchmark.
#   scripts/pg15.sh start   -> prints TUZHANG_PG_URL=postgres://...
#   scripts/pg15.sh stop
# Data lives in .cache/pg15-<port> and is recreated on every start (TUZHANG_PG_PORT, default 54315).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=/usr/lib/postgresql/15/bin
dir="$root/.cache/pg15-${TUZHANG_PG_PORT:-54315}"
port="${TUZHANG_PG_PORT:-54315}"
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ ! -x "$bin/postgres" ]; then
      echo "PostgreSQL 15 is not installed (apt-get install -y postgresql-15-postgis-3)" >&2
      exit 2
    fi
    if [ -f "$dir/data/postmaster.pid" ]; then run "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null
    echo "TUZHANG_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && run "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 64
    ;;
esac
