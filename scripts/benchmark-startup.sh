#!/usr/bin/env bash
# Start-up benchmark (not a test): starts the packaged application twice on a fresh data folder and
# prints how long each start takes to answer /actuator/health with {"status":"UP"}, the heap in use
# and the resident memory. The first start includes initdb, the migrations and the demo data; the
# second finds them in place.
#
#   scripts/benchmark-startup.sh
#
# Builds target/waymark-*.jar first if there is none. Needs a JDK (java, jcmd) and curl.
set -euo pipefail

cd "$(dirname "$0")/.."

GOAL_SECONDS=20
XMX=512m

for tool in java jcmd curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed on the PATH" >&2; exit 1; }
done

find_jar() { find target -maxdepth 1 -name 'waymark-*.jar' ! -name '*.original' 2>/dev/null | head -n 1 || true; }
jar="$(find_jar)"
if [ -z "$jar" ]; then
  echo "No jar in target/; building it: ./mvnw -q -DskipTests package"
  ./mvnw -q -DskipTests package
  jar="$(find_jar)"
fi

data_dir="$(mktemp -d "${TMPDIR:-/tmp}/waymark-benchmark.XXXXXX")"
pid=""

# Stops the application we started (its embedded PostgreSQL stops with it) and removes the data.
stop_app() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "The application did not stop within 60 s; killing it" >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  fi
  pid=""
}
cleanup() {
  stop_app
  # A PostgreSQL left behind by a killed application still runs on our data folder: stop it too.
  if [ -f "$data_dir/pgdata/postmaster.pid" ]; then
    postmaster="$(head -n 1 "$data_dir/pgdata/postmaster.pid")"
    if [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null; then
      kill "$postmaster" 2>/dev/null || true
      sleep 2
    fi
  fi
  rm -rf "$data_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "No free port found" >&2
  exit 1
}

# Heap in use in MB, from jcmd GC.heap_info: the sum of every heap space's "used" (Metaspace excluded).
heap_used_mb() {
  jcmd "$1" GC.heap_info 2>/dev/null | awk '
    /Metaspace|class space/ { next }
    {
      for (i = 1; i <= NF; i++) {
        if ($i == "used" && (i + 1) <= NF) {
          v = $(i + 1); sub(/,$/, "", v)
          unit = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0
          if (unit == "K") total += n / 1024; else if (unit == "M") total += n; else if (unit == "G") total += n * 1024
        }
      }
    }
    END { printf "%.0f", total }'
}

rss_mb() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

# Resident memory of the embedded PostgreSQL: the postmaster and its children (shared memory is
# counted in each, so this overstates what they use together).
postgres_rss_mb() {
  local postmaster
  postmaster="$(head -n 1 "$data_dir/pgdata/postmaster.pid" 2>/dev/null || true)"
  [ -n "$postmaster" ] || { echo "not found"; return; }
  { ps -o rss= -p "$postmaster"; ps -o rss= --ppid "$postmaster"; } |
    awk '{ kb += $1; n++ } END { printf "%.0f MB in %d processes", kb / 1024, n }'
}

run() {
  local label="$1" port log start now elapsed body
  port="$(free_port)"
  log="$data_dir/$label.log"
  echo
  echo "== $label start: java -Xmx$XMX -jar $jar on port $port, WAYMARK_DATA_DIR=$data_dir"
  start="$(date +%s%N)"
  WAYMARK_DATA_DIR="$data_dir" SERVER_PORT="$port" java "-Xmx$XMX" -jar "$jar" >"$log" 2>&1 &
  pid=$!
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The application stopped before it was healthy; its log:" >&2
      tail -n 50 "$log" >&2
      exit 1
    fi
    body="$(curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health" || true)"
    if [[ "$body" == *'"status":"UP"'* ]]; then
      break
    fi
    now="$(date +%s%N)"
    if [ $(((now - start) / 1000000000)) -ge 300 ]; then
      echo "Not healthy after 300 s; the end of its log:" >&2
      tail -n 50 "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
  now="$(date +%s%N)"
  elapsed="$(awk -v ns="$((now - start))" 'BEGIN { printf "%.1f", ns / 1e9 }')"

  local heap rss heap_live
  heap="$(heap_used_mb "$pid")"
  rss="$(rss_mb "$pid")"
  jcmd "$pid" GC.run >/dev/null
  heap_live="$(heap_used_mb "$pid")"

  printf '   healthy after        %6s s     (goal: within %d s on 2 cores; this machine has %s)\n' \
    "$elapsed" "$GOAL_SECONDS" "$(nproc) cores"
  printf '   heap in use          %6s MB    (after a full GC: %s MB; goal: runs within -Xmx%s)\n' \
    "$heap" "$heap_live" "$XMX"
  printf '   resident memory      %6s MB    (the JVM; embedded PostgreSQL: %s)\n' "$rss" "$(postgres_rss_mb)"
  stop_app
}

echo "Waymark start-up benchmark: $(java -version 2>&1 | head -n 1), $(nproc) cores"
# Other work on the machine slows start-up; the load average says how much there was.
echo "Load average before starting: $(cut -d ' ' -f 1-3 /proc/loadavg)"
run first
run second
echo
echo "Done; the application is stopped and $data_dir is removed on exit."
