#!/bin/sh
# A realistic day of load (Gatling, src/load/java/org/waymark/load/RealisticDay.java) against Waymark
# on the national dataset, then pgbench on this machine, so the figures can be compared as ratios
# (docs/performance.md, Load). Starts the application in-process on a fresh embedded PostgreSQL
# (a temporary folder, removed after), so it never touches a developer's .waymark.
#
#   scripts/load-test.sh                          the national dataset, 120 s of load at scale 1
#   DURATION=60 SCALE=2 scripts/load-test.sh -Dpcns=130 -Dicbs=4 -Dreferrals=100000 \
#       -Dcontacts=1000000 -Dconnections=200000 -Dvcs=500
#   SCALES="1 4 16 32" scripts/load-test.sh       one dataset, a run at each scale in turn, to find
#                                                 where errors or a 1 s p95 begin (saturation)
#
# Sizes as for scripts/benchmark-reporting.sh. Needs PostgreSQL's server tools for pgbench (Debian's
# postgresql package; PG_BIN to point elsewhere).
set -eu
cd "$(dirname "$0")/.."
mkdir -p target
rm -f target/load-test-server.properties target/load-test-server.stop
./mvnw -q -B test-compile exec:java -Dexec.mainClass=org.waymark.platform.LoadTestServer \
  -Dexec.classpathScope=test -Dspotless.check.skip=true "$@" > target/load-test-server.log 2>&1 &
server=$!
stop() {
  touch target/load-test-server.stop
  wait "$server" 2>/dev/null || true
}
trap stop EXIT
echo "Generating the dataset and starting Waymark (log: target/load-test-server.log)"
while [ ! -f target/load-test-server.properties ]; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "The load test server stopped; see target/load-test-server.log" >&2
    exit 1
  fi
  sleep 5
done
grep -E "Generating|generated|built in|READY" target/load-test-server.log || true
. target/load-test-server.properties
for scale in ${SCALES:-${SCALE:-1}}; do
  echo "A realistic day at scale $scale for ${DURATION:-120} s"
  ./mvnw -q -B -Pload gatling:test -Dspotless.check.skip=true -DbaseUrl="$BASE_URL" \
    -Dstaff="$STAFF" -Dreferrer="$REFERRER" -Dpassword="$PASSWORD" \
    -Dduration="${DURATION:-120}" -Dscale="$scale" || echo "Some Gatling assertions failed at scale $scale (see above)"
done
stop
trap - EXIT
scripts/pgbench-figures.sh
