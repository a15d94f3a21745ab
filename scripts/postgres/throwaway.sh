#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the benchmark: initdb into a temporary directory and
# `pg_ctl start` as the `postgres` user (PostgreSQL refuses to run as root), listening on 127.0.0.1 only, on a free
# port. Usage:
#   eval "$(scripts/postgres/throwaway.sh start)"   # prints export PALIMPSEST_TEST_DATABASE_URL=… PALIMPSEST_PG_DIR=… PALIMPSEST_PG_BIN=…
#   scripts/postgres/throwaway.sh stop "$PALIMPSEST_PG_DIR"
set -euo pipefail

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$found" ]; then echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; fi
  echo "$found"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

case "${1:-}" in
  start)
    bin=$(bindir)
    dir=$(mktemp -d /tmp/palimpsest-pg-XXXXXX)
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    port=$(free_port)
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durable defaults (fsync on) with memory for a corpus of a million articles: shared buffers that hold the
    # posting index, and room for the merges' sorts and index builds.
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c shared_buffers=1GB -c max_wal_size=4GB -c work_mem=64MB -c maintenance_work_mem=512MB" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "export PALIMPSEST_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres PALIMPSEST_PG_DIR=$dir PALIMPSEST_PG_BIN=$bin"
    ;;
  stop)
    dir="${2:?the cluster directory printed by start}"
    bin=$(bindir)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
