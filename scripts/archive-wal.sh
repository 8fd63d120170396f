#!/bin/sh
# PostgreSQL's archive_command for Waymark: copies one finished WAL segment into the archive folder,
# never overwriting a segment already there (PostgreSQL retries until this succeeds).
#
#   archive_command = '/path/to/scripts/archive-wal.sh %p %f /path/to/wal-archive'
set -eu
source_path="$1"
file_name="$2"
archive="$3"
if [ -f "$archive/$file_name" ]; then
  # Archived before (PostgreSQL retries after a crash): fine only if it is the same segment.
  cmp -s "$source_path" "$archive/$file_name"
  exit $?
fi
cp "$source_path" "$archive/$file_name.partial"
sync "$archive/$file_name.partial" 2>/dev/null || true
mv "$archive/$file_name.partial" "$archive/$file_name"
