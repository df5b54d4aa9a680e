#!/usr/bin/env python3
"""Concurrency drill: 100 parallel hires over HTTP for the last 编制 slot → exactly one succeeds.

On the demo zone (every 编制 filled), hr retires one 事业编制 member of 园区企业服务中心 through
PUT /api/v1/people/:id, which frees one slot; then 100 threads, released together by a barrier,
POST /api/v1/people for 100 different new people into that slot. Exactly one must get 201 and
the other 99 must get 409 over_quota; afterwards the unit holds its quota again, not more.
Runs against a real `zonedesk demo` server on SQLite, and on PostgreSQL when ZONEDESK_PG_URL is
set. (The store test `StoreTests` proves the same below HTTP.)
"""
import datetime
import json
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

import drill_lib
from drill_lib import expect

sys.path.insert(0, drill_lib.ROOT + "/bench")
import gen_people  # noqa: E402

UNIT = "园区企业服务中心"


def drill(backend, tmp):
    print(f"concurrency on {backend}:", flush=True)
    with drill_lib.fresh_database(backend, tmp) as db, drill_lib.signed_in_demo(db, tmp) as (_, hr):
        units = json.loads(hr.get("/api/v1/units")[1])
        unit = next(u for u in units if u["name"] == UNIT)
        quota = unit["quota"]["事业"]
        people = json.loads(hr.get(f"/api/v1/people?unit={unit['id']}&pageSize=200")[1])["items"]
        member = next(p for p in people if p["establishment"] == "事业")
        full = json.loads(hr.get(f"/api/v1/people/{member['id']}?reveal=true")[1])
        fields = ("name", "idNumber", "phone", "unitId", "establishment", "archivePost", "archiveRank", "leadership", "version")
        body = {k: full[k] for k in fields if full.get(k) is not None}
        body["status"] = "退休"
        headers = {"Content-Type": "application/json", "X-CSRF-Token": hr.csrf}
        status, answer = hr.request("PUT", f"/api/v1/people/{member['id']}", json.dumps(body).encode(), headers)
        detail = "" if status == 200 else " " + answer[:300].decode()
        expect(status == 200, f"retiring one member frees one 事业 slot (HTTP {status}{detail})")

        barrier = threading.Barrier(100)

        def hire(i):
            person = {"name": gen_people.SURNAMES[i % 20] + gen_people.GIVEN[i // 20] + "聘",
                      "idNumber": gen_people.resident_id("530103", datetime.date(1990, 1, 1), i), "phone": f"137{i:08d}",
                      "unitId": unit["id"], "establishment": "事业", "status": "在岗"}
            barrier.wait()
            return hr.request("POST", "/api/v1/people", json.dumps(person).encode(), headers)

        with ThreadPoolExecutor(max_workers=100) as pool:
            results = list(pool.map(hire, range(100)))
        statuses = sorted(s for s, _ in results)
        refusal = next((b[:200].decode() for s, b in results if s != 201), "")
        print(f"  answers: {dict((s, statuses.count(s)) for s in set(statuses))}; a refusal: {refusal}", flush=True)
        expect(statuses.count(201) == 1, f"exactly one of 100 parallel hires succeeded (got {statuses.count(201)})")
        expect(statuses.count(409) == 99 and all(b"over_quota" in b for s, b in results if s == 409),
               "the other 99 were refused with 409 over_quota")
        after = next(u for u in json.loads(hr.get("/api/v1/units")[1]) if u["id"] == unit["id"])
        filled = json.loads(hr.get(f"/api/v1/people?unit={unit['id']}&pageSize=200")[1])["items"]
        on_strength = [p for p in filled if p["establishment"] == "事业" and p["status"] not in ("退休", "分流")]
        expect(len(on_strength) == quota, f"{UNIT} holds {len(on_strength)} 事业 staff = quota {quota} (staff {after['staff']})")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="zd-drill-concurrency-") as tmp:
        for backend in drill_lib.backends():
            drill(backend, tmp)
