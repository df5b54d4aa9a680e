#!/usr/bin/env python3
"""Audit drill: edit or delete an audit row directly in the database → `zonedesk audit-verify` fails.

The demo zone is loaded into a fresh database and backed up (`zonedesk backup`); each tampering is
done on its own restored copy, as someone with file or superuser access would do it — dropping or
disabling the append-only triggers first, since they refuse UPDATE and DELETE. The untouched
copy must verify (exit 0); an edited or a deleted row must not (exit 1). Cutting the newest rows off
leaves a valid shorter chain, so that case is checked with an anchor: `audit-verify --anchor FILE`
on the untouched database records its head in FILE, and the cut copy must then fail against FILE.
SQLite, and PostgreSQL when ZONEDESK_PG_URL is set.
"""
import os
import sqlite3
import tempfile

import drill_lib
from drill_lib import expect

TAMPERING = {
    "sqlite": {
        "edit": "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = detail || ' ' WHERE seq = 20",
        "delete": "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 20",
        "cut the newest rows": "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 20",
    },
    "postgres": {
        "edit": "ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET detail = detail || ' ' WHERE seq = 20",
        "delete": "ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log WHERE seq = 20",
        "cut the newest rows": "ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log WHERE seq > 20",
    },
}


def run_sql(db, sql):
    if db.startswith("postgres"):
        drill_lib.psql(db, sql)
    else:
        with sqlite3.connect(db) as conn:
            conn.executescript(sql)


def drill(backend, tmp):
    print(f"audit tampering on {backend}:", flush=True)
    with drill_lib.fresh_database(backend, tmp, "audit") as source:
        with drill_lib.DemoServer(drill_lib.ZONEDESK, source):
            pass
        backup = os.path.join(tmp, f"audit-{backend}.backup")
        drill_lib.zonedesk("backup", "--db", source, "-o", backup)
        anchor = os.path.join(tmp, f"audit-{backend}.anchor")
        drill_lib.zonedesk("audit-verify", "--db", source, "--anchor", anchor)
        for name, sql in [("untouched", None), *TAMPERING[backend].items()]:
            with drill_lib.fresh_database(backend, tmp, "tamper") as copy:
                drill_lib.zonedesk("restore", "--db", copy, backup)
                if sql:
                    run_sql(copy, sql)
                # The untouched copy must pass its anchor; a cut needs it; the others fail on the chain alone.
                extra = ["--anchor", anchor] if sql is None or name.startswith("cut") else []
                verify = drill_lib.zonedesk("audit-verify", "--db", copy, *extra, check=False)
                wanted = 0 if sql is None else 1
                expect(verify.returncode == wanted,
                       f"{name}: audit-verify exits {verify.returncode} — {verify.stdout.strip().splitlines()[-1]}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="zd-drill-audit-") as tmp:
        for backend in drill_lib.backends():
            drill(backend, tmp)
