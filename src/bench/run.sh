#!/usr/bin/env bash
# Runs one load scenario against the packaged application (docs/performance.md):
#   src/bench/run.sh SIMULATION [-Dbench.name=value ...]
# e.g. src/bench/run.sh HomeFeedSimulation -Dbench.concurrency=16 -Dbench.seconds=60
# It starts target/quarkus-app (JVM, profile prod,bench) against BENCH_JDBC_URL, reports the time from launch
# to ready, samples the server's resident memory every second, runs the Gatling simulation (HTML report under
# target/gatling/), then stops the server with SIGTERM. The database must already be up and hold the data set.
set -euo pipefail
cd "$(dirname "$0")/../.."
simulation=${1:?usage: src/bench/run.sh SIMULATION [-Dbench.name=value ...]}
shift

. src/bench/server.sh
# 10 000 sockets on each side, plus the files the JVMs keep open: raise the soft limit to the hard one
# (a container may not allow more; 20 000 here is enough, since server and Gatling are separate processes)
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 12000 ] || echo "warning: only $(ulimit -n) open files allowed" >&2

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
sampler=
trap 'kill $sampler 2>/dev/null || true; stop_server' EXIT
start_server "$out/server-$simulation.log"
echo "server ready $ready_ms ms after launch ($(grep -o 'started in [0-9.]*s' "$out/server-$simulation.log"))" \
  | tee "$out/$simulation-start.txt"

# resident memory (VmRSS, kB) of the server, once a second
(while kill -0 $server 2>/dev/null; do
   echo "$(date +%s) $(awk '/VmRSS/ {print $2}' /proc/$server/status 2>/dev/null)"; sleep 1
 done) >"$out/$simulation-rss.txt" &
sampler=$!

gatling() {
  ./mvnw -B -q -f src/bench/pom.xml test-compile gatling:test -Dgatling.simulationClass="app.shutter.bench.load.$simulation" \
    -Dbench.baseUrl="http://localhost:$port" -Dbench.jdbcUrl="$jdbc_url" -Dbench.dbUser="$db_user" \
    -Dbench.dbPassword="$db_password" "$@"
}
# a first, unreported run warms the JIT up (BENCH_WARMUP_SECONDS, 0 = none)
if [ "${BENCH_WARMUP_SECONDS:-0}" -gt 0 ]; then
  gatling "$@" -Dbench.seconds="$BENCH_WARMUP_SECONDS" >"$out/$simulation-warmup.txt" 2>&1
fi
gatling "$@" | tee "$out/$simulation-gatling.txt"

echo "server resident memory: max $(sort -k2 -n "$out/$simulation-rss.txt" | tail -1 | awk '{printf "%.0f MB", $2/1024}')" \
  | tee -a "$out/$simulation-gatling.txt"
