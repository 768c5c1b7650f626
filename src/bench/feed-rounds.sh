#!/usr/bin/env bash
# Throughput of GET /feed on two servers side by side: logs the accounts in on both, warms both equally, then
# runs wrk on each in turn, round after round, so that both see the same machine.
#   src/bench/feed-rounds.sh USERS_FILE ROUNDS OLD_URL NEW_URL     (one username per line; bench password)
# Prints one line per server and round: requests per second, p50 and p99.
set -euo pipefail
users=$1; rounds=$2; old=$3; new=$4
here=$(cd "$(dirname "$0")" && pwd)
tokens=$(mktemp -d)
trap 'rm -rf "$tokens"' EXIT
login() { # base URL -> one access token per line
  while read -r username; do
    curl -fs -X POST "$1/auth/login" -H 'Content-Type: application/json' \
      -d "{\"login\":\"$username\",\"password\":\"bench-passphrase-1\"}" |
      python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])'
  done < "$users"
}
login "$old" > "$tokens/old"; login "$new" > "$tokens/new"
run() { # name url seconds
  TOKENS="$tokens/$1" wrk -t2 -c16 -d"$3"s --latency -s "$here/feed-tokens.lua" "$2/feed"
}
for _ in 1 2; do run old "$old" 30 >/dev/null; run new "$new" 30 >/dev/null; done
for round in $(seq 1 "$rounds"); do
  for side in old new; do
    url=$old; [ $side = new ] && url=$new
    out=$(run $side "$url" 20)
    echo "$side r$round req/s $(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      "p50 $(echo "$out" | awk '$1=="50%" {print $2}') p99 $(echo "$out" | awk '$1=="99%" {print $2}')"
  done
done
