#!/bin/sh
# Times directory searches over a synthetic directory in a fresh embedded PostgreSQL.
#   scripts/benchmark-directory.sh                      100,000 services
#   scripts/benchmark-directory.sh -Dservices=1000000   a million
# Other options: -Druns=300 (searches timed per kind).
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java \
  -Dexec.mainClass=org.waymark.directory.search.DirectorySearchBenchmark \
  -Dexec.classpathScope=test \
  -Dspotless.check.skip=true \
  "$@"
