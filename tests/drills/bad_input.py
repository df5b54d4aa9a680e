#!/usr/bin/env python3
"""Bad-input drill: random bytes and oversized bodies to every POST/PUT route → 4xx, never 5xx.

The route list comes from the app itself (`zonedesk routes`, the same router `serve` builds).
Signed in as hr (the widest business role), each route gets, with `:id` set to 1:
  raw      64 KiB of random bytes, no content type, no CSRF token      (expect 403)
  form     `_csrf=<token>&` followed by 64 KiB of random bytes, as a form (past CSRF: the handler
           itself must refuse garbage)
  json     random bytes as application/json with the X-CSRF-Token header
  huge     4 MiB (over the 1 MiB form/JSON limit) with the token        (expect 413)
Every answer must be 4xx, and after each request the server must still answer GET /api/v1/session.
`/logout` is left out (it would end the drill's session). Seeded, so a failure reproduces.
"""
import random
import sys
import tempfile

import drill_lib
from drill_lib import expect

SKIP = {"/logout"}


def bodies(rng, csrf):
    noise = bytes(rng.getrandbits(8) for _ in range(64 * 1024))
    form, json_type = "application/x-www-form-urlencoded", "application/json"
    yield "raw", noise, {}
    yield "form", f"_csrf={csrf}&".encode() + noise, {"Content-Type": form}
    yield "json", noise, {"Content-Type": json_type, "X-CSRF-Token": csrf}
    yield "huge", f"_csrf={csrf}&x=".encode() + b"A" * (4 << 20), {"Content-Type": form}


def main():
    rng = random.Random(20251125)
    failures = []
    with tempfile.TemporaryDirectory(prefix="zd-drill-bad-") as tmp:
        db = f"{tmp}/bad.sqlite"
        with drill_lib.signed_in_demo(db, tmp) as (server, hr):
            routes = [line.split() for line in drill_lib.zonedesk("routes", "--db", db).stdout.splitlines()]
            targets = [(m, p.replace(":id", "1")) for m, p, _ in routes if m in ("POST", "PUT") and p not in SKIP]
            expect(len(targets) >= 20, f"{len(targets)} POST/PUT routes from `zonedesk routes`")
            seen = {}
            for method, path in targets:
                for kind, body, headers in bodies(rng, hr.csrf):
                    status, _ = hr.request(method, path, body, headers)
                    seen[status] = seen.get(status, 0) + 1
                    if not 400 <= status < 500:
                        failures.append(f"{method} {path} [{kind}] → {status}")
                    alive, _ = hr.get("/api/v1/session")
                    if not server.alive() or alive != 200:
                        failures.append(f"server stopped answering after {method} {path} [{kind}] (session → {alive})")
                        break
            print(f"  statuses: {dict(sorted(seen.items()))}", flush=True)
            for failure in failures:
                print(f"  FAIL: {failure}", flush=True)
            expect(not failures, f"{len(targets) * 4} bad requests: every answer 4xx and the server kept serving")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        sys.exit(f"bad_input: {error}")
