#!/usr/bin/env python3
"""Load drill (only with ZONEDESK_DRILL_LOAD=1; 5 minutes): mixed reads and writes at 64
connections from wrk (load.lua) against `zonedesk demo`; no errors, memory flat.

Prints the server's RSS before and after (and after a warm-up, which is the fair baseline: caches
and pools fill in the first seconds). Fails on any non-2xx answer or socket error, or if RSS
after the run exceeds 1.5× the warmed-up RSS. ZONEDESK_DRILL_LOAD_SECONDS overrides the 300 s.
wrk's timeout is 10 s: the dashboard takes about a second at 64 connections (see README), longer
on the debug build; pass ZONEDESK_BIN=.build/release/zonedesk for figures worth reading.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import drill_lib
from drill_lib import expect

HERE = os.path.dirname(os.path.abspath(__file__))


def wrk(server, hr, unit_id, seconds, run):
    out = subprocess.run(["wrk", "-t2", "-c64", f"-d{seconds}s", "--timeout", "10s", "--latency", "-s", os.path.join(HERE, "load.lua"),
                          server.url, "--", hr.cookie_header(), hr.csrf, str(unit_id), str(run)],
                         check=True, capture_output=True, text=True).stdout
    print("  " + "\n  ".join(out.strip().splitlines()), flush=True)
    return out


def main():
    if os.environ.get("ZONEDESK_DRILL_LOAD") != "1":
        print("load: skipped (set ZONEDESK_DRILL_LOAD=1 for the 5-minute load drill)")
        return
    seconds = int(os.environ.get("ZONEDESK_DRILL_LOAD_SECONDS", "300"))
    with tempfile.TemporaryDirectory(prefix="zd-drill-load-") as tmp:
        with drill_lib.signed_in_demo(os.path.join(tmp, "load.sqlite"), tmp) as (server, hr):
            unit = next(u for u in json.loads(hr.get("/api/v1/units")[1]) if u["name"] == "产业发展局")
            print(f"  RSS at start: {server.rss_kib() / 1024:.1f} MiB", flush=True)
            wrk(server, hr, unit["id"], 10, run=1)
            warm = server.rss_kib()
            print(f"  RSS after 10 s warm-up: {warm / 1024:.1f} MiB; now {seconds} s of load", flush=True)
            out = wrk(server, hr, unit["id"], seconds, run=2)
            after = server.rss_kib()
            print(f"  RSS after the run: {after / 1024:.1f} MiB ({after / warm:.2f}× warm-up)", flush=True)
            errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
            sockets = re.search(r"Socket errors: (.*)", out)
            expect(not errors and not sockets, "no non-2xx answers and no socket errors")
            expect(after <= warm * 1.5, f"memory flat: {after / 1024:.1f} MiB ≤ 1.5 × {warm / 1024:.1f} MiB")
            expect(server.alive(), "the server is still up")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        sys.exit(f"load: {error}")
