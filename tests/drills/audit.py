#!/usr/bin/env python3
"""Audit drill: edit, delete or forge audit rows directly in the database → `zonedesk audit-verify` fails.

The demo zone is loaded into a fresh database and backed up (`zonedesk backup`); each tampering is
done on its own restored copy, as someone with file or superuser access would do it — dropping or
disabling the append-only triggers first, since they refuse UPDATE and DELETE. The untouched
copy must verify (exit 0); an edited or a deleted row must not (exit 1). Cutting the newest rows off
leaves a valid shorter chain, so that case is checked with an anchor: `audit-verify --anchor FILE`
on the untouched database records its head in FILE, and the cut copy must then fail against FILE.
Rows are signed with the key in the audit key file (ZONEDESK_AUDIT_KEY, set by drill_lib), which a
forger with only the database does not have: a row appended with a correct plain SHA-256 chain link,
and a tail rewritten with recomputed links, must both fail without any anchor.
SQLite, and PostgreSQL when ZONEDESK_PG_URL is set.
"""
import hashlib
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


DROP_GUARD = {"sqlite": "DROP TRIGGER audit_log_no_delete", "postgres": "ALTER TABLE audit_log DISABLE TRIGGER USER"}


def run_sql(db, sql):
    if db.startswith("postgres"):
        drill_lib.psql(db, sql)
    else:
        with sqlite3.connect(db) as conn:
            conn.executescript(sql)


def text(value):
    return "'" + value.replace("'", "''") + "'"


def unkeyed_hash(prev, fields):
    """The chain link a hash chain without a secret asks for (length-prefixed fields, as AuditLog)."""
    canonical = "|".join(f"{len(f.encode())}:{f}" for f in fields)
    return hashlib.sha256((prev + "\n" + canonical).encode()).hexdigest()


def insert(seq, at, actor, action, entity, entity_id, detail, prev):
    link = unkeyed_hash(prev, [str(seq), at, actor, action, entity, entity_id, detail])
    values = ", ".join([str(seq), *map(text, [at, actor, action, entity, entity_id, detail, prev, link])])
    return link, f"INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES ({values})"


def forge_append(backend, db):
    seq, prev = drill_lib.query(db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")[0]
    _, sql = insert(int(seq) + 1, "2026-12-04T00:00:00Z", "forger", "person.update", "person", "1", "status: 在岗 → 退休", prev)
    run_sql(db, sql)


def rewrite_tail(backend, db, count=5):
    rows = drill_lib.query(db, f"SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash FROM audit_log ORDER BY seq DESC LIMIT {count}")[::-1]
    prev = rows[0][7]
    statements = [DROP_GUARD[backend], f"DELETE FROM audit_log WHERE seq >= {rows[0][0]}"]
    for i, (seq, at, actor, action, entity, entity_id, detail, _) in enumerate(rows):
        prev, sql = insert(int(seq), at, "nobody" if i == 0 else actor, action, entity, entity_id, detail, prev)
        statements.append(sql)
    run_sql(db, "; ".join(statements))


FORGERIES = {"forged append with a correct unkeyed hash": forge_append, "tail rewritten with recomputed links": rewrite_tail}


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
        for name, forge in FORGERIES.items():
            with drill_lib.fresh_database(backend, tmp, "forge") as copy:
                drill_lib.zonedesk("restore", "--db", copy, backup)
                forge(backend, copy)
                verify = drill_lib.zonedesk("audit-verify", "--db", copy, check=False)
                expect(verify.returncode == 1,
                       f"{name}, no anchor: audit-verify exits {verify.returncode} — {verify.stdout.strip().splitlines()[-1]}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="zd-drill-audit-") as tmp:
        for backend in drill_lib.backends():
            drill(backend, tmp)
