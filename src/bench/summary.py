#!/usr/bin/env python3
"""Per-request counts, throughput and percentiles of a Gatling HTML report: src/bench/summary.py [REPORT_DIR]
(without an argument, the newest report under target/gatling)."""
import glob, html, os, re, sys

report = sys.argv[1] if len(sys.argv) > 1 else max(glob.glob("target/gatling/*/"), key=os.path.getmtime)
page = open(os.path.join(report, "index.html"), encoding="utf-8").read()
# the statistics table: a name cell, then total, ok, ko, ko%, req/s, min, p50, p75, p95, p99, max, mean, std dev
rows = re.findall(r'class="ellipsed-name">([^<]+)</span>(.*?)</tr>', page, re.S)
print(f"{'request':28} {'count':>8} {'KO':>5} {'req/s':>8} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>6}")
for name, cells in rows:
    v = re.findall(r'<td class="value [a-z]+ col-\d+">([^<]*)</td>', cells)
    if len(v) >= 11:
        print(f"{html.unescape(name):28} {v[0]:>8} {v[2]:>5} {v[4]:>8} {v[6]:>6} {v[8]:>6} {v[9]:>6} {v[10]:>6}")
