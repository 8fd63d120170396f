#!/bin/sh
# Times the VCS inbox, the service figures and the open connections lists over synthetic onward
# referrals, with the whole application in-process on its own fresh embedded PostgreSQL (a
# temporary folder, removed after).
#   scripts/benchmark-connections.sh      100,000 connections, one organisation holding 10,000
# Options: -Dconnections=100000 -DlargeShare=10000 -Druns=100 (timed requests per page) -DwarmUp=30
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java \
  -Dexec.mainClass=org.waymark.connection.ConnectionsBenchmark \
  -Dexec.classpathScope=test \
  -Dspotless.check.skip=true \
  "$@"
