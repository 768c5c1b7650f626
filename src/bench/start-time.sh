#!/usr/bin/env bash
# JVM start to ready with the database already up (docs/performance.md): src/bench/start-time.sh [RUNS]
# Build first with ./mvnw package -DskipTests -Dquarkus.package.jar.appcds.enabled=true for the AppCDS archive.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/server.sh
for run in $(seq 1 "${1:-5}"); do
  start_server "$out/start-time.log"
  echo "run $run: ready $ready_ms ms after launch ($(grep -o 'started in [0-9.]*s' "$out/start-time.log"))"
  stop_server
done
