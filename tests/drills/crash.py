#!/usr/bin/env python3
"""Crash drill: kill -9 in the middle of an import and of a persisted pay run; nothing half-done.

1. Import through the server: hr POSTs a 5,000-row CSV to /people/import (one transaction) and the
   server is killed with SIGKILL while it works. After a restart on the same database:
   `zonedesk audit-verify` passes, the register has exactly the people it had before (no partial
   import), the same sheet imported again succeeds with exactly +5,000, and a third import is
   refused as duplicates (nobody registered twice).
2. Pay run: `zonedesk bench --case payrun` (seed an appraisal of N people, then create and discard
   persisted runs, each one transaction) is killed with SIGKILL mid-way. On what it left: the
   audit chain verifies, every pay run present has all of its lines (count = headcount, paid sum
   matches) and at most one is open for the period. (The bench's database is its own: the
   re-run-after-crash check is the import's; a pay run's totals are fixed by the unit tests.)
SQLite, and PostgreSQL when ZONEDESK_PG_URL is set.
"""
import io
import json
import os
import subprocess
import tempfile
import threading
import time

import drill_lib
from drill_lib import expect

import gen_people  # noqa: E402  (bench/, on the path via drill_lib)

IMPORT_ROWS = 5_000
PAYRUN_SIZE = int(os.environ.get("ZONEDESK_DRILL_PAYRUN_SIZE", "20000"))


def people_total(client):
    status, body = client.get("/api/v1/people?pageSize=1")
    assert status == 200, f"GET /api/v1/people: HTTP {status}"
    return json.loads(body)["total"]


def import_sheet(client, text):
    return client.post_form("/people/import", {"_csrf": client.csrf, "csv": text})


def import_drill(backend, tmp):
    print(f"crash during import on {backend}:", flush=True)
    sheet = io.StringIO()
    gen_people.write(sheet, IMPORT_ROWS, "产业发展局")
    with drill_lib.fresh_database(backend, tmp, "import") as db, drill_lib.signed_in_demo(db, tmp) as (server, hr):
        before = people_total(hr)
        answer = {}
        worker = threading.Thread(target=lambda: answer.update(result=_try(lambda: import_sheet(hr, sheet.getvalue()))))
        worker.start()
        time.sleep(0.6)
        expect(server.alive() and "result" not in answer, "the import is still running 0.6 s after it was posted")
        server.kill9()
        worker.join()
        expect(not isinstance(answer["result"], tuple), f"the client got no answer from the killed server ({answer['result']})")
        server.restart()
        verify = drill_lib.zonedesk("audit-verify", "--db", db, check=False)
        expect(verify.returncode == 0, f"audit-verify passes after the crash: {verify.stdout.strip()}")
        expect(people_total(hr) == before, f"no partial import: still {before} people")
        status, _ = import_sheet(hr, sheet.getvalue())
        expect(status == 200 and people_total(hr) == before + IMPORT_ROWS,
               f"the same sheet re-imported: HTTP {status}, {before} + {IMPORT_ROWS} people")
        status, page = import_sheet(hr, sheet.getvalue())
        expect(status == 422 and "已在名册中登记" in page.decode(), f"a third import is refused as duplicates (HTTP {status})")
        verify = drill_lib.zonedesk("audit-verify", "--db", db, check=False)
        expect(verify.returncode == 0, "audit-verify passes after the re-import")


def _try(call):
    try:
        return call()
    except OSError as error:
        return repr(error)


def payrun(db_env, tmpdir):
    env = {**os.environ, **db_env, "TMPDIR": tmpdir}
    return subprocess.Popen([drill_lib.ZONEDESK, "bench", "--case", "payrun", "--size", str(PAYRUN_SIZE)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)


def payrun_drill(backend, tmp):
    """Times an uninterrupted run, then kills a second one at 80% of that time (in its pay runs)."""
    print(f"crash during a {PAYRUN_SIZE:,}-person pay run on {backend}:", flush=True)
    with drill_lib.fresh_database(backend, tmp, "payref") as ref_db, drill_lib.fresh_database(backend, tmp, "paycrash") as db:
        scratch = [os.path.join(tmp, name) for name in ("ref", "crash")]
        for path in scratch:
            os.makedirs(path, exist_ok=True)
        pg = backend == "postgres"
        start = time.monotonic()
        ref = payrun({"ZONEDESK_BENCH_PG_URL": ref_db} if pg else {}, scratch[0])
        ref.communicate()
        expect(ref.returncode == 0, "an uninterrupted reference run completes")
        took = time.monotonic() - start
        proc = payrun({"ZONEDESK_BENCH_PG_URL": db} if pg else {}, scratch[1])
        time.sleep(took * 0.8)
        expect(proc.poll() is None, f"the pay run is still going at 80% of the reference's {took:.1f} s")
        proc.kill()
        proc.wait()
        target = db if pg else _left_database(scratch[1])
        verify = drill_lib.zonedesk("audit-verify", "--db", target, check=False)
        expect(verify.returncode == 0, f"audit-verify passes on what the killed run left: {verify.stdout.strip()}")
        runs = drill_lib.query(target, """
            SELECT r.id, r.status, r.headcount, r.paid_fen + r.reward_fen,
                   (SELECT COUNT(*) FROM pay_lines l WHERE l.run_id = r.id),
                   (SELECT COALESCE(SUM(l.total_fen), 0) FROM pay_lines l WHERE l.run_id = r.id)
            FROM pay_runs r ORDER BY r.id""")
        complete = all(int(head) == int(lines) and int(paid) == int(total) for _, _, head, paid, lines, total in runs)
        expect(complete, f"every pay run present is whole ({len(runs)} runs: lines = headcount, lines' sum = paid)")
        open_runs = [r for r in runs if r[1] in ("preview", "approved")]
        expect(len(open_runs) <= 1, f"at most one open run for the period ({len(open_runs)})")


def _left_database(tmpdir):
    """The SQLite file the killed bench left in its temporary directory."""
    found = [os.path.join(d, f) for d, _, files in os.walk(tmpdir) for f in files if f == "bench.sqlite"]
    assert len(found) == 1, f"expected one bench.sqlite under {tmpdir}, found {found}"
    return found[0]


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="zd-drill-crash-") as tmp:
        for backend in drill_lib.backends():
            import_drill(backend, tmp)
            payrun_drill(backend, tmp)
