#!/bin/sh
# Times the caseload and case pages and the referral API over a synthetic PCN, with the whole
# application in-process on its own fresh embedded PostgreSQL (a temporary folder, removed after).
#   scripts/benchmark-casework.sh          50 link workers x 250 people x 10 contacts
# Options: -DlinkWorkers=50 -DpeoplePerWorker=250 -DcontactsPerPerson=10
#          -Druns=200 (timed requests per page) -DwarmUp=50 -Dseconds=20 (per API run)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java \
  -Dexec.mainClass=org.waymark.casework.CaseworkBenchmark \
  -Dexec.classpathScope=test \
  -Dspotless.check.skip=true \
  "$@"
