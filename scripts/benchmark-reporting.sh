#!/bin/sh
# Times the reporting dashboards over a synthetic national dataset, with the whole application
# in-process on its own fresh embedded PostgreSQL (a temporary folder, removed after): generation,
# the full rebuild of the summaries, the rebuild of one tenant, then p50/p95/max of each dashboard for
# one PCN's service manager, an ICB's commissioner and a VCS coordinator.
#   scripts/benchmark-reporting.sh      1,300 PCNs in 42 ICBs, 1,000,000 referrals, 10,000,000
#                                       contacts, 2,000,000 onward referrals (about an hour)
#   scripts/benchmark-reporting.sh -Dpcns=130 -Dicbs=5 -Dreferrals=100000 -Dcontacts=1000000 \
#     -Dconnections=200000 -Dvcs=500    a tenth of that
# Options: -Druns=50 (timed requests per page) -DwarmUp=10 -DpageSeconds=120 (cap per page)
#   -Dpractices=6 -DlinkWorkers=5 (per PCN) -Dmonths=24 -Dplans=false (skip the one-tenant plans)
#   -DfullPlans=true (add the full rebuild's plans, a second rebuild rolled back) -Dpages=false
#   -Dwho=PCN,ICB,VCS (whose pages) -DthenSql="CREATE INDEX ...;VACUUM ...|..." (phases to try after)
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java \
  -Dexec.mainClass=org.waymark.reporting.ReportingBenchmark \
  -Dexec.classpathScope=test \
  -Dspotless.check.skip=true \
  "$@"
