#!/usr/bin/env bash
# The storage step of an upload (processed file -> stored file or object), the S3 store against the local folder,
# side by side in one run (docs/performance.md): each store's shutter.media.store.save timer after the same
# uploads, through the packaged demo jar (./mvnw package -DskipTests -Pembedded-db) on its embedded PostgreSQL.
# The S3 server is S3Proxy with its filesystem backend on the same disk (target/s3proxy, copied by the build).
# Usage: src/bench/storage.sh [PHOTOS] [VIDEOS] [VIDEO_MB]
set -euo pipefail
cd "$(dirname "$0")/../.."
photos=${1:-40}
videos=${2:-3}
video_mb=${3:-64}
jar="$PWD/target/quarkus-app/quarkus-run.jar"
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; rm -rf "$work"' EXIT

# a video of VIDEO_MB: the fixture clip with a 'free' box after it (a valid MP4; the box is stored as it is)
python3 - "$work/big.mp4" "$video_mb" <<'PY'
import struct, sys
clip = open("src/test/resources/media/clip.mp4", "rb").read()
pad = int(sys.argv[2]) * 1024 * 1024 - len(clip) - 8
with open(sys.argv[1], "wb") as out:
    out.write(clip); out.write(struct.pack(">I", pad + 8) + b"free"); out.write(b"\0" * pad)
PY

s3_port=$(free_port)
mkdir -p "$work/s3/shutter-media"
cat > "$work/s3.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/s3
PROPS
java -Xmx512m -jar target/s3proxy/s3proxy.jar --properties "$work/s3.properties" > "$work/s3proxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$s3_port/" && break; sleep 0.2; done

run() { # run STORE: uploads PHOTOS photos and VIDEOS videos, prints the timer's lines
  local store=$1 port dir
  port=$(free_port)
  dir="$work/app-$store"
  mkdir -p "$dir"
  (cd "$dir" && SHUTTER_EMBEDDED_DB_ENABLED=true SHUTTER_ACTION_LIMITS_ENABLED=false QUARKUS_HTTP_PORT=$port \
    SHUTTER_MEDIA_STORE=$store SHUTTER_MEDIA_S3_BUCKET=shutter-media SHUTTER_MEDIA_S3_ENDPOINT=http://127.0.0.1:$s3_port \
    SHUTTER_MEDIA_S3_PATH_STYLE=true SHUTTER_MEDIA_S3_ACCESS_KEY_ID=bench SHUTTER_MEDIA_S3_SECRET_ACCESS_KEY=bench-secret \
    exec java -jar "$jar" > "$dir/server.log" 2>&1) &
  local app=$!
  pids+=($app)
  for _ in $(seq 1 120); do curl -fs "http://localhost:$port/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done
  local token
  token=$(curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"bench_$store\",\"email\":\"bench_$store@example.com\",\"password\":\"a-long-bench-passphrase\"}" \
    "http://localhost:$port/auth/register" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  for _ in $(seq 1 "$photos"); do
    curl -fs -o /dev/null -H "Authorization: Bearer $token" -F "media=@postman/fixtures/photo.jpg;type=image/jpeg" "http://localhost:$port/posts"
  done
  for _ in $(seq 1 "$videos"); do
    curl -fs -o /dev/null -H "Authorization: Bearer $token" -F "media=@$work/big.mp4;type=video/mp4" "http://localhost:$port/posts"
  done
  curl -fs "http://localhost:$port/q/metrics" | grep '^shutter_media_store_save_seconds' | grep -v '_bucket' || true
  kill $app; wait $app 2>/dev/null || true
}

for store in local s3; do
  echo "== store: $store ($photos photo posts: a file and its thumbnail each; $videos videos of $video_mb MB)"
  run $store
done
