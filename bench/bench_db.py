"""Database rows of bench/run: persisted pay runs and the people import, on SQLite and PostgreSQL.

PostgreSQL comes from ZONEDESK_PG_URL, or a throw-away cluster (scripts/pg-throwaway) that
`PostgresCluster` starts and stops. Each size gets its own fresh database, dropped afterwards.
"""
import contextlib
import csv
import datetime
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import time

import gen_people
from zd_server import DemoServer

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
IMPORT_UNIT = "产业发展局"
PEOPLE_COLUMNS = ("zone_id, unit_id, name, id_number, gender, birth_date, phone, establishment, "
                  "archive_post, archive_rank, status, version, created_at, updated_at")


def psql(url, sql):
    proc = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", url, "-c", sql], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"psql failed: {proc.stderr.strip()} (SQL: {sql[:200]})")
    return proc.stdout.strip()


class PostgresCluster:
    """ZONEDESK_PG_URL if set, else a throw-away cluster for the lifetime of the `with` block."""

    def __enter__(self):
        self.data = None
        self.url = os.environ.get("ZONEDESK_PG_URL")
        if not self.url:
            out = subprocess.run([os.path.join(ROOT, "scripts", "pg-throwaway"), "start"],
                                 check=True, capture_output=True, text=True).stdout
            env = dict(shlex.split(line.removeprefix("export "))[0].split("=", 1) for line in out.splitlines())
            self.url, self.data = env["ZONEDESK_PG_URL"], env["ZONEDESK_PG_DATA"]
        return self

    def __exit__(self, *exc):
        if self.data:
            subprocess.run([os.path.join(ROOT, "scripts", "pg-throwaway"), "stop", self.data], capture_output=True)

    @contextlib.contextmanager
    def database(self, label):
        """A new empty database named after `label`; its URL, dropped on exit."""
        name = f"zd_bench_{label}_{os.getpid()}"
        psql(self.url, f"CREATE DATABASE {name}")
        try:
            yield self.url[: self.url.rindex("/") + 1] + name
        finally:
            psql(self.url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def payrun(zonedesk, size, pg_url=None):
    """`zonedesk bench --case payrun`: the persisted run's best-of-3 ms and its checksum."""
    env = dict(os.environ)
    env.pop("ZONEDESK_BENCH_PG_URL", None)
    if pg_url:
        env["ZONEDESK_BENCH_PG_URL"] = pg_url
    out = subprocess.run([zonedesk, "bench", "--case", "payrun", "--size", str(size)],
                         check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def demo_database(zonedesk, db):
    """Loads the demo zone into `db` (the demo server is started, then stopped)."""
    with DemoServer(zonedesk, db):
        pass


def timed(argv):
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])} failed ({proc.returncode}): {(proc.stdout + proc.stderr)[-2000:]}")
    return time.perf_counter() - start


def people_rows(count, zone_id, unit_id):
    """The rows the CSV describes, as the people table stores them (for the raw insert)."""
    now = datetime.datetime.now(datetime.timezone.utc).isoformat()
    for name, number, phone, _, establishment, _, _, _, status in gen_people.rows(count, IMPORT_UNIT):
        gender = "男" if int(number[16]) % 2 else "女"
        birth = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
        yield (zone_id, unit_id, name, number, gender, birth, phone, establishment, "", "", status, 1, now, now)


def import_sqlite(zonedesk, tmp, count):
    """(import seconds, raw insert seconds): `zonedesk import people` of `count` rows into a demo
    zone, and plain executemany of the same rows into a copy of the same database."""
    db = os.path.join(tmp, f"import-{count}.sqlite")
    csv_path = os.path.join(tmp, f"people-{count}.csv")
    gen_people.write(csv_path, count, IMPORT_UNIT)
    demo_database(zonedesk, db)
    raw_db = os.path.join(tmp, f"import-raw-{count}.sqlite")
    shutil.copy(db, raw_db)
    seconds = timed([zonedesk, "import", "people", "--db", db, "--zone", "bijie", csv_path])
    conn = sqlite3.connect(raw_db)
    zone_id, unit_id = conn.execute("SELECT z.id, u.id FROM zones z JOIN units u ON u.zone_id = z.id "
                                    "WHERE z.code = 'bijie' AND u.name = ?", (IMPORT_UNIT,)).fetchone()
    rows = list(people_rows(count, zone_id, unit_id))
    start = time.perf_counter()
    with conn:
        conn.executemany(f"INSERT INTO people ({PEOPLE_COLUMNS}) VALUES ({', '.join('?' * 14)})", rows)
    raw = time.perf_counter() - start
    conn.close()
    return seconds, raw


def import_postgres(zonedesk, tmp, cluster, count):
    """As import_sqlite, on PostgreSQL; the raw insert is COPY into a template copy of the demo database."""
    csv_path = os.path.join(tmp, f"people-{count}.csv")
    gen_people.write(csv_path, count, IMPORT_UNIT)
    with cluster.database(f"import{count}") as url:
        demo_database(zonedesk, url)
        with cluster.database(f"importraw{count}") as raw_url:
            psql(cluster.url, f"DROP DATABASE {raw_url.rsplit('/', 1)[1]}")
            psql(cluster.url, f"CREATE DATABASE {raw_url.rsplit('/', 1)[1]} TEMPLATE {url.rsplit('/', 1)[1]}")
            seconds = timed([zonedesk, "import", "people", "--db", url, "--zone", "bijie", csv_path])
            ids = psql(raw_url, f"SELECT z.id || ',' || u.id FROM zones z JOIN units u ON u.zone_id = z.id "
                                f"WHERE z.code = 'bijie' AND u.name = '{IMPORT_UNIT}'")
            zone_id, unit_id = map(int, ids.split(","))
            raw_csv = os.path.join(tmp, f"people-raw-{count}.csv")
            with open(raw_csv, "w", encoding="utf-8", newline="") as f:
                # Quoted, so empty strings stay empty strings rather than NULL.
                csv.writer(f, quoting=csv.QUOTE_ALL).writerows(people_rows(count, zone_id, unit_id))
            start = time.perf_counter()
            psql(raw_url, f"\\copy people ({PEOPLE_COLUMNS}) FROM '{raw_csv}' WITH (FORMAT csv)")
            raw = time.perf_counter() - start
    return seconds, raw
