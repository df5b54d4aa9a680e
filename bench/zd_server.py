"""Start and stop `zonedesk demo`/`serve` processes on loopback, for bench/run and tests/drills.

    with DemoServer(zonedesk, "/tmp/x.sqlite") as server:     # loads the demo zone if new
        client = ZoneClient(server.url); client.sign_in("hr", server.passwords["hr"])

`passwords` holds the one-time passwords `demo` prints when it creates the zone (empty when the
database already had it). The process is killed on exit from the `with` block; `kill9()` is the
crash drill's abrupt stop, `restart()` serves the same database again.
"""
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DemoServer:
    def __init__(self, zonedesk, db, command="demo", log=None):
        self.zonedesk, self.db, self.command = zonedesk, db, command
        self.log = log or os.devnull
        self.passwords = {}
        self.proc = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, command=None, timeout=300, port=None):
        self.port = port or free_port()
        self.proc = subprocess.Popen([self.zonedesk, command or self.command, "--db", self.db, "--port", str(self.port)],
                                     stdout=subprocess.PIPE, stderr=open(self.log, "ab"), text=True)
        deadline = time.monotonic() + timeout
        for line in self.proc.stdout:
            found = re.match(r"^  (\S+)\s+(\S+)\s+\S", line)
            if found:
                self.passwords[found.group(1)] = found.group(2)
            if "serving" in line:
                break
            if time.monotonic() > deadline:
                break
        # Keep reading so a chatty server never blocks on a full pipe.
        threading.Thread(target=lambda out: [None for _ in out], args=(self.proc.stdout,), daemon=True).start()
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/login", timeout=2).read()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"zonedesk {self.command} exited with {self.proc.returncode}")
                time.sleep(0.2)
        raise RuntimeError(f"zonedesk {self.command} did not answer within {timeout} s")

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(next(line.split()[1] for line in f if line.startswith("VmRSS:")))

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def restart(self):
        """`serve` on the same database and port, so signed-in clients carry on."""
        self.stop()
        self.start(command="serve", port=self.port)

    def stop(self):
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()
