#!/usr/bin/env python3
"""schemathesis against a running `zonedesk demo` with the served openapi.yaml.

    python3 tests/api/schemathesis_run.py [--zonedesk .build/debug/zonedesk] [--max-examples 25]

Signs in as 组织人事 (hr, who may call every /api/v1 route), then lets schemathesis generate valid
and invalid requests for every documented operation, with the session cookie and X-CSRF-Token.
Checks: no 5xx (not_a_server_error), every response's status code, content type and body are
those openapi.yaml documents (status_code_conformance, content_type_conformance,
response_schema_conformance). The seed is fixed, so a failure reproduces. Needs the `st` command
(PyPI schemathesis; .ci/run installs it into a virtual environment). Exit status is schemathesis's.
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))

from zd_client import ZoneClient  # noqa: E402
from zd_server import DemoServer  # noqa: E402

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--zonedesk", default=os.path.join(ROOT, ".build", "debug", "zonedesk"))
    parser.add_argument("--st", default="st", help="the schemathesis command")
    parser.add_argument("--max-examples", type=int, default=25, help="test cases per operation and phase")
    parser.add_argument("--seed", type=int, default=20251125)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zd-schemathesis-") as tmp:
        with DemoServer(args.zonedesk, os.path.join(tmp, "api.sqlite"), log=os.path.join(tmp, "server.log")) as server:
            client = ZoneClient(server.url)
            client.sign_in("hr", server.passwords["hr"])
            argv = [args.st, "run", server.url + "/api/v1/openapi.yaml", "--url", server.url,
                    "--checks", CHECKS, "--max-examples", str(args.max_examples), "--seed", str(args.seed),
                    "--workers", "1", "--no-color", "--request-timeout", "30",
                    "-H", f"Cookie: {client.cookie_header()}", "-H", f"X-CSRF-Token: {client.csrf}"]
            print("tests/api: " + " ".join(argv[:6]) + " …", flush=True)
            # In the temporary directory: schemathesis keeps a cache of found failures in its working directory.
            status = subprocess.run(argv, cwd=tmp).returncode
            if status:
                with open(os.path.join(tmp, "server.log"), errors="replace") as log:
                    tail = log.read()[-3000:]
                print("--- server log (tail) ---\n" + tail, flush=True)
            return status


if __name__ == "__main__":
    sys.exit(main())
