#!/bin/sh
# Times the follow-up lists (due, overdue, missed) of a link worker and of their service's manager
# over synthetic follow-ups, with the whole application in-process on its own fresh embedded
# PostgreSQL (a temporary folder, removed after).
#   scripts/benchmark-followups.sh      10,000 people under follow-up in one service, 190,000 elsewhere
# Options: -Dpeople=10000 -Dothers=190000 -Druns=100 (timed requests per page) -DwarmUp=30
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java \
  -Dexec.mainClass=org.waymark.followup.FollowUpsBenchmark \
  -Dexec.classpathScope=test \
  -Dspotless.check.skip=true \
  "$@"
