#!/usr/bin/env python3
"""Backup/restore drill: `zonedesk backup` while the server runs, `zonedesk restore` into a new
database; `zonedesk checksum` (SHA-256 over every table's rows) must be identical.

The demo zone is served and used (hr signs in, which writes sessions and audit rows); the backup
is taken online, with the server still running (SQLite VACUUM INTO / pg_dump). The server is then
stopped so the source can be checksummed at rest, and compared with the restored copy. A restore
over a non-empty database must be refused. SQLite, and PostgreSQL when ZONEDESK_PG_URL is set.
"""
import os
import tempfile

import drill_lib
from drill_lib import expect


def drill(backend, tmp):
    print(f"backup/restore on {backend}:", flush=True)
    with drill_lib.fresh_database(backend, tmp, "src") as source, drill_lib.fresh_database(backend, tmp, "dst") as target:
        backup = os.path.join(tmp, f"zonedesk-{backend}.backup")
        with drill_lib.signed_in_demo(source, tmp):
            drill_lib.zonedesk("backup", "--db", source, "-o", backup)
        expect(os.path.getsize(backup) > 0, f"online backup written while serving ({os.path.getsize(backup):,} bytes)")
        if backend == "sqlite":
            target = os.path.join(tmp, "restored", "zonedesk.sqlite")
        restored = drill_lib.zonedesk("restore", "--db", target, backup).stdout.strip()
        before = drill_lib.zonedesk("checksum", "--db", source).stdout.strip()
        after = drill_lib.zonedesk("checksum", "--db", target).stdout.strip()
        expect(before == after and before in restored, f"identical checksums: {after}")
        again = drill_lib.zonedesk("restore", "--db", source, backup, check=False)
        expect(again.returncode != 0, "restoring over a non-empty database is refused")
        verify = drill_lib.zonedesk("audit-verify", "--db", target, check=False)
        expect(verify.returncode == 0, "the restored audit chain verifies")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="zd-drill-backup-") as tmp:
        for backend in drill_lib.backends():
            drill(backend, tmp)
