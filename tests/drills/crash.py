#!/usr/bin/env python3
"""Crash drill: kill -9 the server in the middle of an import and of a large pay run; nothing half-done.

1. Import through the server as a clerk does it: hr uploads a 30,000-row CSV to /people/import for
   a preview (a background check), then confirms it (a background write, one transaction). When the
   progress page shows rows written but not all of them, the server is frozen (SIGSTOP), the
   database is checked to hold none of it yet, and the server is killed with SIGKILL. After a
   restart on the same database:
   `zonedesk audit-verify` passes, the register has exactly the people it had before (no partial
   import), the same sheet imported again succeeds with exactly +30,000, and a third import is
   refused as duplicates (nobody registered twice).
2. Pay run through the server: `zonedesk seed-payrun` leaves a zone whose appraisal of N people is
   final (the `bench --case payrun` fixture) with hr and leader accounts; `zonedesk serve` runs on
   it. hr creates the period's run through the web form (a background job with a progress page),
   as a reference, and discards it; creates it again, and when the progress page shows half or more
   of its lines written (the run's one transaction open), the server is frozen (SIGSTOP), the database
   is checked to hold no committed run, and the server is killed with SIGKILL. After a restart:
   audit-verify passes, the period holds only the discarded reference (whole: lines = headcount,
   their sum = paid), the killed job's page says it is gone rather than running. The run created
   again completes with totals and checksum identical to the reference (its page shows the same); the
   leader approves it, hr locks (pays) it; locking it again, locking the discarded reference, a
   new run for the period (不会重复发放) and a direct UPDATE in the database (unique index) are all
   refused: exactly one paid run, each person paid once.
   N = 100,000 (ZONEDESK_DRILL_PAYRUN_SIZE to change it). Debug build, 2 loaded cores: one run
   takes ~5 s on SQLite and ~27 s on PostgreSQL; this part ~1 min on SQLite, ~3 min on PostgreSQL.
SQLite, and PostgreSQL when ZONEDESK_PG_URL is set.
"""
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import tempfile
import time

import drill_lib
from drill_lib import expect

import gen_people  # noqa: E402  (bench/, on the path via drill_lib)
from zd_client import ZoneClient  # noqa: E402
from zd_server import DemoServer  # noqa: E402

IMPORT_ROWS = int(os.environ.get("ZONEDESK_DRILL_IMPORT_ROWS", "30000"))
PAYRUN_SIZE = int(os.environ.get("ZONEDESK_DRILL_PAYRUN_SIZE", "100000"))
PERIOD = "2025"                      # the fixture's appraisal year
POOL_PER_PERSON_FEN = 2_400_037      # as `bench --case payrun`: odd, so the split leaves remainders


def people_total(client):
    status, body = client.get("/api/v1/people?pageSize=1")
    assert status == 200, f"GET /api/v1/people: HTTP {status}"
    return json.loads(body)["total"]


def people_total_in(db):
    return int(drill_lib.query(db, "SELECT COUNT(*) FROM people")[0][0])


def import_sheet(client, text, mode=None):
    """Uploaded as a file: a pasted sheet is a plain form, limited to 1 MiB. Without a mode the
    server answers in the same request (how a script imports)."""
    fields = {"_csrf": client.csrf, **({"mode": mode} if mode else {})}
    return client.post_file("/people/import", fields, "file", "people.csv", text.encode())


def job_started(client, status, prefix, what):
    """The background job the last answer redirected to, which must be under `prefix`."""
    job = client.headers.get("Location", "")
    expect(status in (302, 303) and job.startswith(prefix), f"{what} starts a background job (HTTP {status} → {job})")
    return job


def follow(client, job, running, limit=300):
    """Reloads a job's progress page (titled `running`) until it moves on: (status, redirect location, page)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        status, page = client.get(job)
        if status != 200 or running not in page.decode():
            return status, client.headers.get("Location", ""), page.decode()
        time.sleep(0.1)
    raise AssertionError(f"the job {job} did not finish within {limit} s")


def writing_progress(page):
    """(written, total) while the progress page shows the import writing, else None."""
    found = re.search(r"正在写入 ([\d,]+) / ([\d,]+) 行", page)
    return (int(found.group(1).replace(",", "")), int(found.group(2).replace(",", ""))) if found else None


def import_drill(backend, tmp):
    print(f"crash during import on {backend}:", flush=True)
    sheet = io.StringIO()
    gen_people.write(sheet, IMPORT_ROWS, "产业发展局")
    with drill_lib.fresh_database(backend, tmp, "import") as db, drill_lib.signed_in_demo(db, tmp) as (server, hr):
        hr.timeout = 600   # generous: the debug build on a loaded machine
        before, stored_before = people_total(hr), people_total_in(db)
        # The preview: checked in the background, then held on the server behind a token.
        status, _ = import_sheet(hr, sheet.getvalue(), mode="preview")
        _, preview, _ = follow(hr, job_started(hr, status, "/people/import/jobs/", "a large sheet's preview"), "正在导入人员")
        status, page = hr.get(preview)
        token = re.search(r'name="sheet" value="([0-9a-f]+)"', page.decode())
        expect(status == 200 and token and f"共 {IMPORT_ROWS} 行" in page.decode(),
               f"the preview of {IMPORT_ROWS:,} rows is ready to confirm (HTTP {status}, {preview})")
        status, _ = hr.post_form("/people/import", {"_csrf": hr.csrf, "mode": "commit", "sheet": token.group(1)})
        job = job_started(hr, status, "/people/import/jobs/", "confirming a large sheet")
        # Kill while the import's one transaction is writing rows: some written, not all.
        deadline = time.monotonic() + 300
        while True:
            status, page = hr.get(job)
            running = status == 200 and "正在导入人员" in page.decode()
            if not running or time.monotonic() > deadline:
                raise AssertionError(f"the import ended before it could be killed mid-write (HTTP {status}, {hr.headers.get('Location')})")
            progress = writing_progress(page.decode())
            if progress and 0 < progress[0] < progress[1]:
                break
            time.sleep(0.02)
        server.proc.send_signal(signal.SIGSTOP)
        expect(people_total_in(db) == stored_before,
               f"frozen while the page showed 正在写入 {progress[0]:,} / {progress[1]:,} 行: nothing of it committed ({stored_before} people stored)")
        server.kill9()
        server.restart()
        verify = drill_lib.zonedesk("audit-verify", "--db", db, check=False)
        expect(verify.returncode == 0, f"audit-verify passes after the crash: {verify.stdout.strip()}")
        expect(people_total(hr) == before, f"no partial import: still {before} people")
        status, _ = hr.get(job)
        expect(status == 404, f"the killed import job does not pretend to run on (HTTP {status})")
        status, _ = import_sheet(hr, sheet.getvalue())
        expect(status == 200 and people_total(hr) == before + IMPORT_ROWS,
               f"the same sheet re-imported: HTTP {status}, {before} + {IMPORT_ROWS} people")
        status, page = import_sheet(hr, sheet.getvalue())
        expect(status == 422 and "已在名册中登记" in page.decode(), f"a third import is refused as duplicates (HTTP {status})")
        verify = drill_lib.zonedesk("audit-verify", "--db", db, check=False)
        expect(verify.returncode == 0, "audit-verify passes after the re-import")


def seed_payrun(db, size):
    """`zonedesk seed-payrun`: a zone whose appraisal of `size` people is final, and the first
    passwords of its hr and leader accounts (printed the way `demo` prints them)."""
    out = drill_lib.zonedesk("seed-payrun", "--db", db, "--size", str(size)).stdout
    return dict(re.findall(r"^  (\S+)\s+(\S+)\s+\S", out, re.M))


def sign_in(server, username, password):
    client = ZoneClient(server.url, timeout=600)   # a 100,000-line run page on the debug build takes a while
    client.sign_in(username, password)
    return client


def start_run(hr, appraisal, size):
    """hr posts the pay-run form; a run this large goes to a background job: the answer is a redirect to its progress page."""
    pool = size * POOL_PER_PERSON_FEN
    status, _ = hr.post_form("/pay-runs", {"_csrf": hr.csrf, "period": PERIOD, "appraisalID": appraisal,
                                           "poolKind": "fixed", "amount": f"{pool // 100}.{pool % 100:02d}"})
    return job_started(hr, status, "/pay-runs/jobs/", "the run form")


def run_to_end(hr, appraisal, size, label):
    began = time.monotonic()
    status, location, _ = follow(hr, start_run(hr, appraisal, size), "正在计算发放批次")
    found = re.fullmatch(r"/pay-runs/(\d+)", location)
    expect(status in (302, 303) and found, f"{label}: the job finished in {time.monotonic() - began:.1f} s and moved on to {location}")
    return int(found.group(1))


def run_totals(db, run_id):
    """What a run pays, from the database: its row, and its lines counted and summed."""
    (row,) = drill_lib.query(db, f"""
        SELECT r.headcount, r.pool_fen, r.paid_fen, r.unallocated_fen, r.reward_fen, r.checksum,
               (SELECT COUNT(*) FROM pay_lines l WHERE l.run_id = r.id),
               (SELECT COALESCE(SUM(l.total_fen), 0) FROM pay_lines l WHERE l.run_id = r.id)
        FROM pay_runs r WHERE r.id = {int(run_id)}""")
    return row


def page_checksum(client, run_id):
    """The checksum and 实发绩效 the run's page shows."""
    began = time.monotonic()
    status, page = client.get(f"/pay-runs/{run_id}")
    page = page.decode()
    checksum = re.search(r"校验码 ([0-9a-f]{16})", page)
    expect(status == 200 and checksum, f"the page of run {run_id} shows its checksum ({time.monotonic() - began:.1f} s)")
    return checksum.group(1)


def period_runs(db):
    """(id, status, whole) for every run of the period: whole = lines = headcount and their sum = paid."""
    rows = drill_lib.query(db, f"""
        SELECT r.id, r.status, r.headcount, r.paid_fen + r.reward_fen,
               (SELECT COUNT(*) FROM pay_lines l WHERE l.run_id = r.id),
               (SELECT COALESCE(SUM(l.total_fen), 0) FROM pay_lines l WHERE l.run_id = r.id)
        FROM pay_runs r WHERE r.period = '{PERIOD}' ORDER BY r.id""")
    return [(int(i), status, int(head) == int(lines) and int(paid) == int(total)) for i, status, head, paid, lines, total in rows]


def payrun_drill(backend, tmp):
    """hr creates a pay run of PAYRUN_SIZE people through the web (a background job); a reference run
    is computed and discarded first, the second is killed while its lines are being written."""
    print(f"crash during a {PAYRUN_SIZE:,}-person pay run through the server on {backend}:", flush=True)
    with drill_lib.fresh_database(backend, tmp, "paycrash") as db:
        began = time.monotonic()
        passwords = seed_payrun(db, PAYRUN_SIZE)
        expect({"hr", "leader"} <= passwords.keys(),
               f"seed-payrun: {PAYRUN_SIZE:,} people with a final appraisal, hr and leader accounts ({time.monotonic() - began:.1f} s)")
        (appraisal,), = drill_lib.query(db, "SELECT id FROM appraisals WHERE status = 'final'")
        with DemoServer(drill_lib.ZONEDESK, db, command="serve", log=os.path.join(tmp, "server.log")) as server:
            hr = sign_in(server, "hr", passwords["hr"])
            leader = sign_in(server, "leader", passwords["leader"])

            # The reference: the same run computed to the end on the same data, then discarded.
            reference = run_to_end(hr, appraisal, PAYRUN_SIZE, "reference run")
            reference_totals = run_totals(db, reference)
            status, _ = hr.post_form(f"/pay-runs/{reference}/discard", {"_csrf": hr.csrf})
            expect(status in (302, 303), f"the reference run {reference} discarded (paid {int(reference_totals[2]) / 100:,.2f} 元 to {reference_totals[0]} people)")

            # The crash: as soon as the progress page shows half the lines or more written (the run's one
            # transaction open, not committed), freeze the server, confirm nothing is committed, SIGKILL it.
            job = start_run(hr, appraisal, PAYRUN_SIZE)
            deadline = time.monotonic() + 300
            while True:
                status, page = hr.get(job)
                writing = re.search(r"正在写入明细 ([\d,]+) / ([\d,]+)", page.decode())
                expect_running = status == 200 and "正在计算发放批次" in page.decode()
                if not expect_running or time.monotonic() > deadline:
                    raise AssertionError(f"the run ended before it could be killed mid-write (HTTP {status}, {hr.headers.get('Location')})")
                lines = writing and [int(group.replace(",", "")) for group in writing.groups()]
                if lines and lines[1] // 2 <= lines[0] < lines[1]:
                    break
                time.sleep(0.05)
            server.proc.send_signal(signal.SIGSTOP)
            committed = [r for r in period_runs(db) if r[1] != "discarded"]
            server.kill9()
            expect(not committed, f"SIGKILL while the progress page showed 正在写入明细 {writing.group(1)} / {writing.group(2)} "
                                  f"(server stopped first: no run of {PERIOD} committed at that moment)")

            server.restart()
            verify = drill_lib.zonedesk("audit-verify", "--db", db, check=False)
            expect(verify.returncode == 0, f"audit-verify passes after the crash: {verify.stdout.strip()}")
            runs = period_runs(db)
            expect(runs == [(reference, "discarded", True)],
                   f"no partial run: the period holds only the discarded reference run, whole ({runs})")
            status, page = hr.get(job)
            expect(status == 404 and "服务已重启" in page.decode(), f"the killed job does not pretend to run on (HTTP {status})")

            # The re-run: identical to the reference.
            rerun = run_to_end(hr, appraisal, PAYRUN_SIZE, "re-run after the restart")
            totals = run_totals(db, rerun)
            expect(totals == reference_totals and int(totals[6]) == PAYRUN_SIZE and int(totals[7]) == int(totals[2]) + int(totals[4]),
                   f"the re-run's totals equal the reference's: {PAYRUN_SIZE:,} lines, pool {totals[1]}, paid {totals[2]}, "
                   f"unallocated {totals[3]} fen, checksum {totals[5][:16]}")
            checksum = page_checksum(hr, rerun)
            expect(checksum == reference_totals[5][:16], f"its page shows the reference's checksum ({checksum})")

            # Pay it once: leader approves, hr locks. Then every way of paying the period again is refused.
            status, _ = leader.post_form(f"/pay-runs/{rerun}/approve", {"_csrf": leader.csrf})
            expect(status in (302, 303) and "msg=approved" in location(leader), f"leader approves run {rerun}")
            status, _ = hr.post_form(f"/pay-runs/{rerun}/lock", {"_csrf": hr.csrf})
            expect(status in (302, 303) and "msg=locked" in location(hr), f"hr locks (pays) run {rerun}")
            status, _ = hr.post_form(f"/pay-runs/{rerun}/lock", {"_csrf": hr.csrf})
            expect(status == 409, f"locking it again is refused (HTTP {status})")
            status, _ = hr.post_form(f"/pay-runs/{reference}/lock", {"_csrf": hr.csrf})
            expect(status == 409, f"locking the discarded reference run is refused (HTTP {status})")
            status, _, page = follow(hr, start_run(hr, appraisal, PAYRUN_SIZE), "正在计算发放批次")
            expect(status == 409 and "不会重复发放" in page, f"a new run for the paid period {PERIOD} is refused: 不会重复发放 (HTTP {status})")
            try:
                drill_lib.query(db, f"UPDATE pay_runs SET status = 'locked' WHERE id = {reference}")
                refused = ""
            except (sqlite3.Error, subprocess.CalledProcessError) as error:
                refused = str(getattr(error, "stderr", "") or error).strip()
            expect("unique" in refused.lower(), f"the database itself refuses a second paid run for the period ({refused})")

            runs = period_runs(db)
            (paid_lines,), = drill_lib.query(db, f"""
                SELECT COUNT(DISTINCT l.person_id) FROM pay_lines l JOIN pay_runs r ON r.id = l.run_id
                WHERE r.period = '{PERIOD}' AND r.status = 'locked'""")
            expect([r for r in runs if r[1] == "locked"] == [(rerun, "locked", True)] and int(paid_lines) == PAYRUN_SIZE,
                   f"nothing paid twice: exactly one paid run for {PERIOD} ({len(runs)} runs: {', '.join(f'{i} {s}' for i, s, _ in runs)}), "
                   f"{PAYRUN_SIZE:,} people paid once")
            verify = drill_lib.zonedesk("audit-verify", "--db", db, check=False)
            expect(verify.returncode == 0, "audit-verify passes at the end")
        print(f"  pay run drill on {backend}: {time.monotonic() - began:.0f} s", flush=True)


def location(client):
    return client.headers.get("Location", "")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="zd-drill-crash-") as tmp:
        for backend in drill_lib.backends():
            import_drill(backend, tmp)
            payrun_drill(backend, tmp)
