#!/bin/sh
# pgbench on this machine, to set load figures beside: a throwaway PostgreSQL with the settings
# Waymark keeps (fsync and synchronous_commit on), the TPC-B-like default script and a read-only one,
# 8 clients for 60 s each (PGBENCH_SECONDS to change).
#
#   scripts/pgbench-figures.sh
set -eu
PG_BIN="${PG_BIN:-$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}"
seconds="${PGBENCH_SECONDS:-60}"
work="$(mktemp -d /tmp/waymark-pgbench.XXXXXX)"
chmod 755 "$work"
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres "$work"
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}
port=$((30000 + $$ % 10000))
cleanup() {
  as_owner "$PG_BIN/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
as_owner "$PG_BIN/initdb" -D "$work/data" -A trust -U postgres >/dev/null
printf "listen_addresses = ''\nunix_socket_directories = '%s'\nport = %s\nshared_buffers = 128MB\n" \
  "$work" "$port" >> "$work/data/postgresql.conf"
as_owner "$PG_BIN/pg_ctl" -D "$work/data" -l "$work/log" -w start >/dev/null
pgbench() { as_owner "$PG_BIN/pgbench" -h "$work" -p "$port" -U postgres "$@" postgres; }
pgbench -i -q -s 20 >/dev/null 2>&1
echo "pgbench, scale 20, 8 clients, $seconds s, read-write (TPC-B like):"
pgbench -c 8 -j 2 -T "$seconds" 2>/dev/null | grep -E "^(latency average|tps)"
echo "pgbench, scale 20, 8 clients, $seconds s, read-only (select only):"
pgbench -S -c 8 -j 2 -T "$seconds" 2>/dev/null | grep -E "^(latency average|tps)"
