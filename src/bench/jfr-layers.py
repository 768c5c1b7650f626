#!/usr/bin/env python3
"""Share of CPU samples per layer in a JFR recording (docs/performance.md).

    python3 src/bench/jfr-layers.py server.jfr [thread-name-prefix ...]

Reads `jfr print --events jdk.ExecutionSample` and prints, for each layer (by package), the share of samples
whose stack contains it, then the 15 most frequent top frames. Only threads whose name starts with one of the
prefixes count (default: all)."""
import collections
import re
import subprocess
import sys

LAYERS = [
    ("Netty + Vert.x", ("io.netty.", "io.vertx.")),
    ("Quarkus REST / RESTEasy Reactive", ("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.")),
    ("Hibernate ORM", ("org.hibernate.",)),
    ("PostgreSQL JDBC", ("org.postgresql.",)),
    ("Agroal pool", ("io.agroal.",)),
    ("Narayana transactions", ("com.arjuna.", "io.quarkus.narayana.")),
    ("JWT (smallrye-jwt, jose4j)", ("io.smallrye.jwt.", "org.jose4j.")),
    ("Jackson", ("com.fasterxml.jackson.",)),
    ("Micrometer", ("io.micrometer.",)),
    ("Quarkus security", ("io.quarkus.security.", "io.quarkus.vertx.http.runtime.security.")),
    ("ArC (CDI)", ("io.quarkus.arc.",)),
    ("Shutter code", ("app.shutter.",)),
    ("Caffeine", ("com.github.benmanes.caffeine.",)),
]

recording, prefixes = sys.argv[1], tuple(sys.argv[2:])
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "128", recording],
                      capture_output=True, text=True, check=True).stdout
samples = 0
layer_hits = collections.Counter()
tops = collections.Counter()
for event in text.split("jdk.ExecutionSample")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    if prefixes and (not thread or not thread.group(1).startswith(prefixes)):
        continue
    frames = re.findall(r"^\s+([\w$.<>]+)\(", event, re.M)
    if not frames:
        continue
    samples += 1
    tops[frames[0]] += 1
    for name, packages in LAYERS:
        if any(frame.startswith(packages) for frame in frames):
            layer_hits[name] += 1
print(f"{samples} samples")
for name, hits in layer_hits.most_common():
    print(f"  {100 * hits / samples:5.1f}%  {name}")
print("top frames:")
for frame, hits in tops.most_common(15):
    print(f"  {100 * hits / samples:5.1f}%  {frame}")
