#!/usr/bin/env python3
"""How long a mail takes from the commit that queues it to the SMTP server's acceptance.

Registers accounts (`concurrency` at a time; each registration queues a verification mail in its
transaction), waits until the server has sent them all, and prints the server's own timer
`shutter_mail_delay_seconds` (queued -> accepted by the SMTP server) and its maximum. Run it against a server
whose mail goes to the embedded SMTP server (dev mode, or the demo jar with SHUTTER_EMBEDDED_SMTP_ENABLED=true
and a registration limit high enough, e.g. SHUTTER_AUTH_RATE_LIMIT_REGISTRATIONS_PER_ADDRESS=100000), then
checks through GET /dev/mail that the last account's mail can be read back.

    python3 src/bench/mail-latency.py http://localhost:8080 [accounts=200] [concurrency=8]
"""
import json
import re
import sys
import threading
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
ACCOUNTS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
CONCURRENCY = int(sys.argv[3]) if len(sys.argv) > 3 else 8
RUN = str(int(time.time() * 1000) % 10_000_000)


def get(path):
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        return response.read().decode()


def register(n):
    body = {"username": f"lat{RUN}_{n}", "email": f"lat{RUN}_{n}@example.com", "password": "mail-latency-pass-1"}
    request = urllib.request.Request(BASE + "/auth/register", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=30).close()


def metric(text, name):
    values = [float(m.group(1)) for m in re.finditer(r"^" + re.escape(name) + r"(?:\{[^}]*\})? ([0-9.eE+-]+)$",
                                                     text, re.MULTILINE)]
    return sum(values)


def quantile(text, q):
    m = re.search(r'^shutter_mail_delay_seconds\{[^}]*quantile="' + q + r'"[^}]*\} ([0-9.eE+-]+)$', text,
                  re.MULTILINE)
    return float(m.group(1)) * 1000 if m else float("nan")


def main():
    sent_before = metric(get("/q/metrics"), "shutter_mail_sent_total")
    numbers = iter(range(ACCOUNTS))
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                n = next(numbers, None)
            if n is None:
                return
            register(n)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    deadline = time.time() + 60
    while metric(get("/q/metrics"), "shutter_mail_sent_total") - sent_before < ACCOUNTS and time.time() < deadline:
        time.sleep(0.2)
    text = get("/q/metrics")
    sent = metric(text, "shutter_mail_sent_total") - sent_before
    arrived = json.loads(get("/dev/mail?to=" + urllib.parse.quote(f"lat{RUN}_{ACCOUNTS - 1}@example.com")))
    print(f"{ACCOUNTS} registrations in {elapsed:.1f} s ({ACCOUNTS / elapsed:.1f}/s, {CONCURRENCY} at a time); "
          f"{sent:.0f} mails sent; the last one readable at the SMTP server: {bool(arrived)}")
    print(f"queued -> accepted by the SMTP server (server timer, this run and any before it): "
          f"p50 {quantile(text, '0.5'):.0f} ms, p95 {quantile(text, '0.95'):.0f} ms, "
          f"p99 {quantile(text, '0.99'):.0f} ms, max {metric(text, 'shutter_mail_delay_seconds_max') * 1000:.0f} ms")
    sys.exit(0 if sent >= ACCOUNTS and arrived else 1)


if __name__ == "__main__":
    main()
