#!/usr/bin/env python3
"""Home-feed latency per follow shape (issue #19), single requests over one keep-alive connection.

  python3 src/bench/feed-shapes.py RUNS NAME=http://host:port [NAME=http://host:port ...]

For each named viewer of the network data set (NetworkDataSet.VIEWERS) and each server given, logs in, then
times RUNS requests of the first page and RUNS of the fifth page (following the cursors once), alternating
between the servers request by request so that both see the same machine noise. Prints median and p99 (ms).
VIEWERS=name,name,... measures those accounts instead (e.g. typical accounts whose first page the merge answers).
"""
import http.client
import json
import os
import sys
import time
import urllib.parse

VIEWERS = ["net_new", "net_one_silent", "net_three", "net_quiet", "net_typical", "net_heavy1k", "net_heavy5k",
           "net_heavy_quiet"]
PASSWORD = "bench-passphrase-1"


def connect(url):
    parts = urllib.parse.urlparse(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def call(conn, method, path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=json.dumps(body) if body else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        raise SystemExit(f"{method} {path}: {response.status} {data[:200]!r}")
    return json.loads(data)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    runs = int(sys.argv[1])
    servers = [arg.split("=", 1) for arg in sys.argv[2:]]
    conns = {name: connect(url) for name, url in servers}
    print(f"{'viewer':16} {'page':>4} " + " ".join(f"{name + ' p50':>12} {name + ' p99':>12}" for name, _ in servers))
    viewers = os.environ["VIEWERS"].split(",") if os.environ.get("VIEWERS") else VIEWERS
    for viewer in viewers:
        tokens, fifth = {}, {}
        for name, _ in servers:
            conn = conns[name]
            tokens[name] = call(conn, "POST", "/auth/login", body={"login": viewer, "password": PASSWORD})["accessToken"]
            path = "/feed"
            for _ in range(4):
                cursor = call(conn, "GET", path, tokens[name])["nextCursor"]
                if cursor is None:
                    path = None
                    break
                path = "/feed?cursor=" + urllib.parse.quote(cursor)
            fifth[name] = path
        for page in (1, 5):
            times = {name: [] for name, _ in servers}
            for _ in range(runs):
                for name, _ in servers:
                    path = "/feed" if page == 1 else fifth[name]
                    if path is None:
                        continue
                    started = time.perf_counter()
                    call(conns[name], "GET", path, tokens[name])
                    times[name].append((time.perf_counter() - started) * 1000)
            if all(not t for t in times.values()):
                continue
            cells = " ".join(f"{percentile(t, 50):12.1f} {percentile(t, 99):12.1f}" if t else f"{'-':>12} {'-':>12}"
                             for t in times.values())
            print(f"{viewer:16} {page:>4} {cells}", flush=True)


if __name__ == "__main__":
    main()
