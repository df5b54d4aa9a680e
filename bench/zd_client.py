"""A signed-in HTTP client for a running `zonedesk serve`, for bench/run and tests/drills.

    client = ZoneClient("http://127.0.0.1:8080")
    client.sign_in("hr", first_password)        # logs in, changes the one-time password
    client.get("/api/v1/dashboard")             # -> (status, body bytes)
    client.cookie_header()                      # "zd_session=…" for wrk

Signing in is what a browser does: GET /login for the pre-login CSRF cookie, POST the form, and —
since demo passwords must be changed at first login — POST /password with the page's CSRF token.
API writes need the X-CSRF-Token header, which `csrf` holds (from GET /api/v1/session).
Standard library only.
"""
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid

NEW_PASSWORD = "Bench!zone2025"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class ZoneClient:
    def __init__(self, base, timeout=30):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())
        self.csrf = ""
        self.headers = {}

    def request(self, method, path, body=None, headers=None):
        """(status, body) without following redirects; HTTP errors are answers, not exceptions.
        The answer's headers stay in `headers` (e.g. `headers["Location"]` of a redirect)."""
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                self.headers = resp.headers
                return resp.status, resp.read()
        except urllib.error.HTTPError as err:
            self.headers = err.headers
            return err.code, err.read()

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, data, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_file(self, path, fields, name, filename, data):
        """A multipart/form-data POST with one file, as a browser's upload form sends it."""
        boundary = "----zd" + uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
                 for key, value in fields.items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def sign_in(self, username, password):
        self.get("/login")
        pre = next((c.value for c in self.jar if c.name == "zd_csrf"), "")
        status, _ = self.post_form("/login", {"_csrf": pre, "username": username, "password": password, "next": "/"})
        if status not in (302, 303):
            raise RuntimeError(f"login as {username} failed: HTTP {status}")
        status, page = self.get("/password")
        token = re.search(rb'name="_csrf" value="([0-9a-f]+)"', page)
        if token and "首次登录".encode() in page:
            status, _ = self.post_form("/password", {"_csrf": token.group(1).decode(), "current": password,
                                                     "new": NEW_PASSWORD, "confirm": NEW_PASSWORD})
            if status not in (302, 303):
                raise RuntimeError(f"password change for {username} failed: HTTP {status}")
        status, body = self.get("/api/v1/session")
        if status != 200:
            raise RuntimeError(f"GET /api/v1/session after login: HTTP {status}")
        self.csrf = json.loads(body)["csrfToken"]

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)
