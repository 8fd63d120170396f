#!/bin/sh
# Restores Waymark's PostgreSQL from a base backup (scripts/backup.sh) and the WAL archive, to a
# point in time or to the end of the archive.
#
#   scripts/restore.sh <base-backup-folder> <wal-archive-folder> <new-data-folder> ['<target time>']
#
# The target time is a PostgreSQL timestamp with time zone, for example '2026-11-27 14:05:00+00'.
# The new data folder must not exist. Start PostgreSQL on it afterwards (pg_ctl -D <new-data-folder>
# start): it replays the archive up to the target, then opens for reads and writes.
set -eu
if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  echo "Usage: $0 <base-backup-folder> <wal-archive-folder> <new-data-folder> ['<target time>']" >&2
  exit 2
fi
base="$1"
archive="$(cd "$2" && pwd)"
data="$3"
target="${4:-}"
if [ -e "$data" ]; then
  echo "$data exists: restore into a new folder" >&2
  exit 1
fi
mkdir -p "$data"
chmod 700 "$data"
tar -xzf "$base/base.tar.gz" -C "$data"
mkdir -p "$data/pg_wal"
{
  echo "restore_command = 'cp $archive/%f %p'"
  if [ -n "$target" ]; then
    echo "recovery_target_time = '$target'"
    echo "recovery_target_inclusive = true"
  fi
  echo "recovery_target_action = 'promote'"
  # A restored copy must not archive into the live server's archive.
  echo "archive_mode = off"
} >> "$data/postgresql.auto.conf"
touch "$data/recovery.signal"
echo "Restored base backup into $data; start PostgreSQL on it to replay the archive${target:+ to $target}."
