#!/bin/sh
# Proves scripts/backup.sh, archive-wal.sh and restore.sh end to end on a throwaway PostgreSQL: a
# server archiving its WAL takes a base backup; rows are written before and after a chosen moment;
# a restore to that moment has the first rows and not the later ones.
#
#   scripts/test-backup-restore.sh
#
# Needs PostgreSQL's server binaries (PG_BIN, default: pg_config --bindir, else Debian's
# /usr/lib/postgresql/15/bin). Run as root it works as the postgres user, which initdb needs.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
PG_BIN="${PG_BIN:-$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}"
export PG_BIN
work="$(mktemp -d /tmp/waymark-backup-test.XXXXXX)"
chmod 755 "$work"
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres "$work"
    (cd / && runuser -u postgres -- env PG_BIN="$PG_BIN" "$@")
  else
    "$@"
  fi
}
live="$work/live"
restored="$work/restored"
cleanup() {
  as_owner "$PG_BIN/pg_ctl" -D "$restored" -m immediate stop >/dev/null 2>&1 || true
  as_owner "$PG_BIN/pg_ctl" -D "$live" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
port_live=$((20000 + $$ % 10000))
port_restored=$((port_live + 1))
psql_live() { as_owner "$PG_BIN/psql" -X -q -tA -h "$work" -p "$port_live" -d postgres -c "$1"; }
psql_restored() { as_owner "$PG_BIN/psql" -X -q -tA -h "$work" -p "$port_restored" -d postgres -c "$1"; }

mkdir -p "$work/archive" "$work/backups"
as_owner "$PG_BIN/initdb" -D "$live" -A trust -U postgres >/dev/null
cat >> "$live/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$work'
port = $port_live
wal_level = replica
archive_mode = on
archive_command = '$here/archive-wal.sh %p %f $work/archive'
CONF
as_owner "$PG_BIN/pg_ctl" -D "$live" -l "$work/live.log" -w start >/dev/null

psql_live "CREATE TABLE referral_probe (id int PRIMARY KEY, note text)"
psql_live "INSERT INTO referral_probe VALUES (1, 'before the backup')"
as_owner env PGHOST="$work" PGPORT="$port_live" PGUSER=postgres "$here/backup.sh" "$work/backups" >/dev/null 2>&1
psql_live "INSERT INTO referral_probe VALUES (2, 'after the backup, before the target')"
sleep 1
target="$(psql_live "SELECT now()")"
sleep 1
psql_live "INSERT INTO referral_probe VALUES (3, 'after the target')"
psql_live "SELECT pg_switch_wal()" >/dev/null
# Wait until the segment holding row 3 is archived.
for _ in $(seq 1 50); do
  if [ "$(psql_live "SELECT failed_count = 0 AND last_archived_wal IS NOT NULL AND last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1) FROM pg_stat_archiver")" = t ]; then
    break
  fi
  sleep 0.2
done
as_owner "$PG_BIN/pg_ctl" -D "$live" -m fast -w stop >/dev/null

base="$(ls -d "$work"/backups/base-* | head -n 1)"
as_owner "$here/restore.sh" "$base" "$work/archive" "$restored" "$target" >/dev/null
cat >> "$restored/postgresql.auto.conf" <<CONF
port = $port_restored
CONF
as_owner "$PG_BIN/pg_ctl" -D "$restored" -l "$work/restored.log" -w start >/dev/null
for _ in $(seq 1 100); do
  if [ "$(psql_restored "SELECT NOT pg_is_in_recovery()" 2>/dev/null || true)" = t ]; then
    break
  fi
  sleep 0.2
done
rows="$(psql_restored "SELECT string_agg(id::text, ',' ORDER BY id) FROM referral_probe")"
if [ "$rows" != "1,2" ]; then
  echo "Restore to $target gave rows [$rows], expected [1,2]" >&2
  cat "$work/restored.log" >&2
  exit 1
fi
psql_restored "INSERT INTO referral_probe VALUES (4, 'written after the restore')"
echo "Restored to the point in time $target: rows 1 and 2, not 3; the restored server takes writes"
