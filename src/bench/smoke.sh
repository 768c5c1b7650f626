#!/usr/bin/env bash
# CI smoke run of the benchmark tooling (no timing is asserted): a durable PostgreSQL with the small data set,
# then every load scenario for a few seconds against the packaged application. Fails if a request fails, a
# counter disagrees with its rows, or a chat message or notification is lost or duplicated.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
db_port=$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.shutter.bench.BenchDatabase \
  -Dexec.args="$work/db $db_port" >"$work/db.log" 2>&1 &
db=$!
trap 'kill $db 2>/dev/null || true; wait $db 2>/dev/null || true; rm -rf "$work"' EXIT
until grep -q 'PostgreSQL ready' "$work/db.log"; do
  kill -0 $db 2>/dev/null || { cat "$work/db.log"; exit 1; }
  sleep 1
done
export BENCH_JDBC_URL="jdbc:postgresql://localhost:$db_port/shutter" BENCH_OUT=target/bench-smoke
export BENCH_PORT=$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
# a server already on the port is refused, not measured
python3 -m http.server "$BENCH_PORT" --bind 127.0.0.1 >/dev/null 2>&1 &
squatter=$!
until curl -s -o /dev/null "http://localhost:$BENCH_PORT/"; do sleep 0.2; done
if (. src/bench/server.sh && start_server "$work/taken.log"); then
  echo "the bench started a server on a taken port"; kill $squatter; exit 1
fi
kill $squatter; wait $squatter 2>/dev/null || true
# the application migrates the empty database, then the generator fills it
(. src/bench/server.sh && start_server "$work/migrate.log" && stop_server)
./mvnw -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.shutter.bench.DataSet \
  -Dexec.args="small $BENCH_JDBC_URL postgres postgres"

small=(-Dbench.accounts=300 -Dbench.logins=50 -Dbench.seconds=5 -Dbench.concurrency=2)
src/bench/run.sh HomeFeedSimulation "${small[@]}"
src/bench/run.sh ReadsSimulation "${small[@]}"
src/bench/run.sh WritesSimulation "${small[@]}" | tee "$work/writes.txt"
grep -q '^counters exact' "$work/writes.txt"
src/bench/run.sh ChatSimulation "${small[@]}" -Dbench.connections=40 -Dbench.messagesPerSecond=10 -Dbench.rampSeconds=2
src/bench/run.sh NotificationsSimulation "${small[@]}" -Dbench.subscribers=20 -Dbench.likesPerSecond=5
for delivery in chat notifications; do
  report="target/gatling/$delivery-delivery.txt"
  grep -Eq 'received \(distinct\) +[1-9]' "$report" && grep -Eq 'lost +0$' "$report" \
    && grep -Eq 'duplicated +0$' "$report" || { cat "$report"; echo "$delivery: lost or duplicated deliveries"; exit 1; }
done
echo "bench smoke run passed"
