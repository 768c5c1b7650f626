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

jdbc_url=${BENCH_JDBC_URL:-jdbc:postgresql://localhost:55432/shutter}
db_user=${BENCH_DB_USER:-postgres}
db_password=${BENCH_DB_PASSWORD:-postgres}
port=${BENCH_PORT:-8080}
java_opts=${BENCH_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}
out=${BENCH_OUT:-target/bench}
mkdir -p "$out"
# 10 000 sockets on each side, plus the files the JVMs keep open: raise the soft limit to the hard one
# (a container may not allow more; 20 000 here is enough, since server and Gatling are separate processes)
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 12000 ] || echo "warning: only $(ulimit -n) open files allowed" >&2

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
keys="$out/keys"
if [ ! -f "$keys/jwt-private.pem" ]; then
  mkdir -p "$keys"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$keys/jwt-private.pem" -pubout -out "$keys/jwt-public.pem"
fi

log="$out/server-$simulation.log"
started=$(date +%s%N)
QUARKUS_PROFILE=prod,bench QUARKUS_HTTP_PORT=$port \
  QUARKUS_DATASOURCE_JDBC_URL=$jdbc_url QUARKUS_DATASOURCE_USERNAME=$db_user QUARKUS_DATASOURCE_PASSWORD=$db_password \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$PWD/$keys/jwt-public.pem" \
  SMALLRYE_JWT_SIGN_KEY_LOCATION="file:$PWD/$keys/jwt-private.pem" \
  SHUTTER_MEDIA_DIRECTORY="$PWD/$out/images" \
  java $java_opts -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
server=$!
trap 'kill $sampler 2>/dev/null || true; kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
sampler=
until curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1; do
  kill -0 $server 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.05
done
ready=$(date +%s%N)
echo "server ready $(( (ready - started) / 1000000 )) ms after launch ($(grep -o 'started in [0-9.]*s' "$log"))" \
  | tee "$out/$simulation-start.txt"

# resident memory (VmRSS, kB) of the server, once a second
(while kill -0 $server 2>/dev/null; do
   echo "$(date +%s) $(awk '/VmRSS/ {print $2}' /proc/$server/status 2>/dev/null)"; sleep 1
 done) >"$out/$simulation-rss.txt" &
sampler=$!

./mvnw -B -q -f src/bench/pom.xml test-compile gatling:test -Dgatling.simulationClass="app.shutter.bench.load.$simulation" \
  -Dbench.baseUrl="http://localhost:$port" -Dbench.jdbcUrl="$jdbc_url" -Dbench.dbUser="$db_user" \
  -Dbench.dbPassword="$db_password" "$@" | tee "$out/$simulation-gatling.txt"

echo "server resident memory: max $(sort -k2 -n "$out/$simulation-rss.txt" | tail -1 | awk '{printf "%.0f MB", $2/1024}')" \
  | tee -a "$out/$simulation-gatling.txt"
