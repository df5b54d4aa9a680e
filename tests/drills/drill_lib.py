"""Shared by the drills in tests/drills: the zonedesk binary, fresh databases, a signed-in demo.

    with fresh_database("postgres", tmp) as db:       # a SQLite path or a new PostgreSQL database
        with signed_in_demo(db, tmp) as (server, client):
            client.get("/api/v1/units")

ZONEDESK_BIN names the binary (tests/drills/run sets it); PostgreSQL comes from ZONEDESK_PG_URL.
"""
import atexit
import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))

from zd_client import ZoneClient  # noqa: E402
from zd_server import DemoServer  # noqa: E402

ZONEDESK = os.environ.get("ZONEDESK_BIN", os.path.join(ROOT, ".build", "debug", "zonedesk"))

# One audit key file for every database the drills make and restore: a restored copy is verified
# with its source's key, as an operator restores the key file from its own backup. Every drill
# database is new, so each is keyed from its first row.
if not os.environ.get("ZONEDESK_AUDIT_KEY"):
    _key_dir = tempfile.mkdtemp(prefix="zd-drill-key-")
    atexit.register(shutil.rmtree, _key_dir, True)
    os.environ["ZONEDESK_AUDIT_KEY"] = os.path.join(_key_dir, "audit.key")


def backends():
    """SQLite always; PostgreSQL when ZONEDESK_PG_URL is set."""
    return ["sqlite", "postgres"] if os.environ.get("ZONEDESK_PG_URL") else ["sqlite"]


def psql(url, sql):
    return subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", url, "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


@contextlib.contextmanager
def fresh_database(backend, tmp, label="db"):
    if backend == "sqlite":
        yield os.path.join(tmp, f"{label}-{uuid.uuid4().hex[:8]}.sqlite")
        return
    base = os.environ["ZONEDESK_PG_URL"]
    name = f"zd_drill_{label}_{uuid.uuid4().hex[:8]}"
    psql(base, f"CREATE DATABASE {name}")
    try:
        yield base[: base.rindex("/") + 1] + name
    finally:
        psql(base, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextlib.contextmanager
def signed_in_demo(db, tmp, username="hr"):
    """`zonedesk demo` on `db` (new), and a client signed in as `username`."""
    with DemoServer(ZONEDESK, db, log=os.path.join(tmp, "server.log")) as server:
        client = ZoneClient(server.url)
        client.sign_in(username, server.passwords[username])
        yield server, client


def query(db, sql):
    """Rows of `sql` on a SQLite path or PostgreSQL URL, every value as text."""
    if db.startswith("postgres"):
        out = psql(db, sql)
        return [tuple(line.split("|")) for line in out.splitlines()] if out else []
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return [tuple("" if v is None else str(v) for v in row) for row in conn.execute(sql)]


def zonedesk(*args, check=True):
    proc = subprocess.run([ZONEDESK, *args], capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"zonedesk {' '.join(args)} exited {proc.returncode}: {proc.stdout}{proc.stderr}")
    return proc


def expect(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"  ok: {message}", flush=True)
