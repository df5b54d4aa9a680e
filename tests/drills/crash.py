#!/usr/bin/env python3
"""Crash drill: kill -9 in the middle of an import and of a persisted pay run; nothing half-done.

1. Import through the server: hr POSTs a 5,000-row CSV to /people/import (one transaction) and the
   server is killed with SIGKILL while it works. After a restart on the same database:
   `zonedesk audit-verify` passes, the register has exactly the people it had before (no partial
   import), the same sheet imported again succeeds with exactly +5,000, and a third import is
   refused as duplicates (nobody registered twice).
2. Pay run: `zonedesk bench --case payrun` (seed an appraisal of N people, then create and discard
   persisted runs, each one transaction) is killed with SIGKILL while it writes its second run. On what it left: the
   audit chain verifies, every pay run present has all of its lines (count = headcount, paid sum
   matches) and at most one is open for the period. (The bench's database is its own: the
   re-run-after-crash check is the import's; a pay run's totals are fixed by the unit tests.)
SQLite, and PostgreSQL when ZONEDESK_PG_URL is set.
"""
import io
import json
import os
import sqlite3
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
        hr.timeout = 600   # a 5,000-row import on the debug build and PostgreSQL takes tens of seconds
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
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def discarded_runs(db):
    """Runs the bench has finished with; 0 while the schema or the file is not there yet."""
    try:
        return int(drill_lib.query(db, "SELECT COUNT(*) FROM pay_runs WHERE status = 'discarded'")[0][0])
    except (RuntimeError, OSError, sqlite3.Error, subprocess.CalledProcessError):
        return 0


def payrun_drill(backend, tmp):
    """The bench writes a run, discards it and writes the next; the kill comes as soon as the
    first discard is visible, which is when the second run's transaction starts writing."""
    print(f"crash during a {PAYRUN_SIZE:,}-person pay run on {backend}:", flush=True)
    with drill_lib.fresh_database(backend, tmp, "paycrash") as db:
        scratch = os.path.join(tmp, f"payrun-{backend}")
        os.makedirs(scratch, exist_ok=True)
        proc = payrun({"ZONEDESK_BENCH_PG_URL": db} if backend == "postgres" else {}, scratch)
        target = db if backend == "postgres" else None
        while proc.poll() is None:
            target = target or _left_database(scratch)
            if target and discarded_runs(target) >= 1:
                break
            time.sleep(0.05)
        expect(proc.poll() is None, "the first run was written and discarded; the second is being written")
        proc.kill()
        proc.wait()
        verify = drill_lib.zonedesk("audit-verify", "--db", target, check=False)
        expect(verify.returncode == 0, f"audit-verify passes on what the killed run left: {verify.stdout.strip()}")
        runs = drill_lib.query(target, """
            SELECT r.id, r.status, r.headcount, r.paid_fen + r.reward_fen,
                   (SELECT COUNT(*) FROM pay_lines l WHERE l.run_id = r.id),
                   (SELECT COALESCE(SUM(l.total_fen), 0) FROM pay_lines l WHERE l.run_id = r.id)
            FROM pay_runs r ORDER BY r.id""")
        complete = all(int(head) == int(lines) and int(paid) == int(total) for _, _, head, paid, lines, total in runs)
        expect(runs and complete, f"every pay run present is whole ({len(runs)} runs: lines = headcount, lines' sum = paid)")
        open_runs = [r for r in runs if r[1] in ("preview", "approved")]
        expect(len(open_runs) <= 1, f"at most one open run for the period ({len(open_runs)})")


def _left_database(tmpdir):
    """The SQLite file the bench writes in its temporary directory, once it exists."""
    found = [os.path.join(d, f) for d, _, files in os.walk(tmpdir) for f in files if f == "bench.sqlite"]
    return found[0] if found else None


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="zd-drill-crash-") as tmp:
        for backend in drill_lib.backends():
            import_drill(backend, tmp)
            payrun_drill(backend, tmp)
