#!/bin/sh
# A base backup of Waymark's PostgreSQL, to restore from with the archived WAL (scripts/restore.sh).
#
#   scripts/backup.sh <backup-folder>
#
# Connects with the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) as a role with the
# REPLICATION attribute, and writes <backup-folder>/base-<UTC time>/ with base.tar.gz and the
# backup manifest. The server must archive its WAL (docs/operations/backup-and-restore.md), so the
# base backup plus the archive restores to any moment after the backup finished.
set -eu
if [ $# -ne 1 ]; then
  echo "Usage: $0 <backup-folder>" >&2
  exit 2
fi
PG_BIN="${PG_BIN:-$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}"
target="$1/base-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
# -X none: the WAL comes from the archive; --checkpoint=fast: start now rather than at the next
# scheduled checkpoint; --wal-method none keeps the backup small and the archive the one source.
"$PG_BIN/pg_basebackup" -D "$target" -Ft -z -X none --checkpoint=fast --label "waymark $(date -u +%FT%TZ)"
echo "Base backup written to $target"
