"""HTTP rows of bench/run: wrk against `zonedesk serve` and against bench/hello.

wrk (Debian package `wrk`) runs 2 threads and 64 connections for `duration` seconds with
--latency; we keep Requests/sec, the 99th percentile latency and the error counts (non-2xx,
socket errors). Both servers run on the same 2-core machine as wrk itself.
"""
import re
import subprocess
import time

from zd_server import free_port

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, cookie=None, connections=64):
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        argv[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {"rps": rps, "p99_ms": float(value) * UNITS[unit], "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "non_2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": sum(map(int, socket.groups())) if socket else 0}


def hello_world(hello, duration):
    """wrk against the hello-world's GET /json."""
    port = free_port()
    proc = subprocess.Popen([hello, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/json"
        for _ in range(100):
            try:
                subprocess.run(["curl", "-sf", url], check=True, capture_output=True)
                break
            except subprocess.CalledProcessError:
                time.sleep(0.1)
        return wrk(url, duration)
    finally:
        proc.terminate()
        proc.wait()
