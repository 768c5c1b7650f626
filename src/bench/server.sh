# Sourced by the bench scripts: start_server LOG starts target/quarkus-app in the prod,bench profiles against
# BENCH_JDBC_URL, with the AppCDS archive when the build made one, and sets $server (pid) and $ready_ms
# (launch to /q/health/ready).
jdbc_url=${BENCH_JDBC_URL:-jdbc:postgresql://localhost:55432/shutter}
db_user=${BENCH_DB_USER:-postgres}
db_password=${BENCH_DB_PASSWORD:-postgres}
port=${BENCH_PORT:-8080}
java_opts=${BENCH_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}
out=${BENCH_OUT:-target/bench}
mkdir -p "$out"
# the archive records the class path relative to target/quarkus-app: the JVM starts there, or (with
# -Xshare:auto) it silently ignores the archive
if [ -f target/quarkus-app/app-cds.jsa ] && [ -z "${BENCH_NO_CDS:-}" ]; then
  java_opts="$java_opts -XX:SharedArchiveFile=app-cds.jsa -Xshare:auto"
fi

keys="$out/keys"
[ -f "$keys/jwt-private.pem" ] || bash docker/generate-jwt-keys.sh "$keys" >/dev/null

start_server() {
  local log=$1 started
  # another server on the port would answer the readiness check and be measured instead
  if curl -s -o /dev/null --max-time 2 "http://localhost:$port/"; then
    echo "port $port is taken by another server: stop it or set BENCH_PORT" >&2
    return 1
  fi
  started=$(date +%s%N)
  QUARKUS_PROFILE=prod,bench QUARKUS_HTTP_PORT=$port \
    QUARKUS_DATASOURCE_JDBC_URL=$jdbc_url QUARKUS_DATASOURCE_USERNAME=$db_user \
    QUARKUS_DATASOURCE_PASSWORD=$db_password \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$PWD/$keys/jwt-public.pem" \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="file:$PWD/$keys/jwt-private.pem" \
    SHUTTER_MEDIA_DIRECTORY="$PWD/$out/images" \
    sh -c 'cd target/quarkus-app && exec java "$@" -jar quarkus-run.jar' java $java_opts >"$log" 2>&1 &
  server=$!
  # ready means this process says it listens on the port and the port answers ready
  until grep -q "Listening on: http://[^ \"]*:$port" "$log" 2>/dev/null \
      && curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1; do
    kill -0 $server 2>/dev/null || { cat "$log"; return 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop_server() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
