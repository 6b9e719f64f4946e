"""The client side of scripts/test-scale-out: a tenant's walk over two web processes, then a scan of the logs.

    scale_out_check.py walk WEB1 WEB2 SECRETS   log in on WEB1, use the session on WEB2, report a
                                                fault through WEB1, see its errand number on WEB2
    scale_out_check.py scan SECRETS LOG...      no secret and no unredacted session path in any log

The walk acts as the TLS-terminating proxy (X-Forwarded-Proto: https), so the portal runs
with its production settings; the browser's cookie rules (Secure, __Host-) are kept by
sending the cookies by hand. SECRETS is a JSON object: the scan's "secrets", to which the walk adds what it was given, and
the request id of the submit, which the worker's log must show (the id travels with the task).
"""

import json
import re
import sys
import time
from pathlib import Path

import requests

EMAIL, PASSWORD = "hyresgast@example.se", "Hyresgast-demo-1"  # the demo tenant, customer 15555
FREEZER = ["n512431", "n188452", "n422831"]  # the seed's example walk below the apartment n245612
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
UNREDACTED_SESSION_PATH = re.compile(r"/session/(?!\[redacted\])[^/\s\"?]+", re.IGNORECASE)


class Tenant:
    """One browser: its cookies, sent to whichever web process it asks."""

    def __init__(self):
        self.cookies: dict[str, str] = {}
        self.last_request_id = ""

    def request(self, method: str, base: str, path: str, **kwargs) -> requests.Response:
        origin = base.replace("http://", "https://")
        headers = {"X-Forwarded-Proto": "https", "Origin": origin, "Referer": origin + path}
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(method, base + path, headers=headers, allow_redirects=False, timeout=30, **kwargs)
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, base: str, path: str) -> requests.Response:
        return self.request("GET", base, path)

    def post(self, base: str, path: str, data: dict, *, expect: str | None = None, page: str | None = None) -> str:
        """POSTs a form with the CSRF token of the page it is on (`path`, or `page`); answers where it redirects."""
        token = CSRF_FIELD.search(self.get(base, page or path).text).group(1)
        response = self.request("POST", base, path, data={"csrfmiddlewaretoken": token, **data})
        check(response.status_code == 302, f"POST {path}: {response.status_code}")
        location = response.headers["Location"]
        check(expect is None or expect in location, f"POST {path} led to {location}")
        self.last_request_id = response.headers["X-Request-ID"]
        return location


def check(condition: bool, failure: str) -> None:
    if not condition:
        raise SystemExit(f"scale-out: {failure}")


def wait_until_ready(base: str, timeout: float = 60.0) -> requests.Response:
    """The last answer of /readyz once it is 200, or once the processes had time enough to start."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            ready = requests.get(base + "/readyz", timeout=10)
            if ready.status_code == 200 or time.monotonic() > deadline:
                return ready
        except requests.ConnectionError:
            check(time.monotonic() < deadline, f"{base} did not start within {timeout:.0f} s")
        time.sleep(0.5)


def first_value(page: str, field: str) -> str:
    return re.search(rf'name="{field}" value="([^"]+)"', page).group(1)


def walk(web1: str, web2: str, secrets_file: Path) -> None:
    for base in (web1, web2):
        ready = wait_until_ready(base)
        check(ready.status_code == 200, f"{base}/readyz answered {ready.status_code}: {ready.text}")
    tenant = Tenant()
    check(
        tenant.post(web1, "/konto/login/", {"login": EMAIL, "password": PASSWORD}) == "/",
        "logging in on the first web process",
    )
    session_cookie = tenant.cookies.get("__Host-sessionid")
    check(session_cookie is not None, f"no __Host-sessionid cookie, only {sorted(tenant.cookies)}")
    overview = tenant.get(web2, "/")
    check(overview.status_code == 200 and "Logga ut" in overview.text, "the session is not known to the second")

    report = tenant.post(web1, "/felanmalan/", {}, expect="/objekt/").rsplit("/objekt/", 1)[0]
    tenant.post(web1, f"{report}/objekt/", {"object": "n245612"})
    for level, node in enumerate(FREEZER, start=1):
        tenant.post(web1, f"{report}/plats/{level}/", {"node": node})
    fault_type = first_value(tenant.get(web1, f"{report}/fel/").text, "fault_type")
    tenant.post(web1, f"{report}/fel/", {"fault_type": fault_type, "description": "Frysen håller inte kylan."})
    key_handling = first_value(tenant.get(web1, f"{report}/tilltrade/").text, "key_handling")
    tenant.post(web1, f"{report}/tilltrade/", {"key_handling": key_handling, "key_note": "", "has_pets": "no"})
    tenant.post(web1, f"{report}/kontakt/", {"contact": "customer"})
    tenant.post(web1, f"{report}/bilder/", {"done": "1"}, expect="/kontrollera/")
    receipt = tenant.post(web1, f"{report}/skicka/", {}, expect="/kvitto/", page=f"{report}/kontrollera/")
    submitted_as = tenant.last_request_id

    deadline = time.monotonic() + 90
    while not (number := re.search(r'class="errand-number">([^<]+)<', tenant.get(web2, receipt).text)):
        check(time.monotonic() < deadline, "no errand number on the second web process within 90 s")
        time.sleep(1)
    print(f"scale-out: logged in on one, delivered errand {number.group(1)} seen on the other")

    known = json.loads(secrets_file.read_text())
    known["secrets"] += [PASSWORD, *tenant.cookies.values()]
    known["submit_request_id"] = submitted_as
    secrets_file.write_text(json.dumps(known))


def scan(secrets_file: Path, logs: list[Path]) -> None:
    known = json.loads(secrets_file.read_text())
    secrets = [secret for secret in known["secrets"] if secret]
    worker_log = next(log for log in logs if log.name == "worker.log").read_text(encoding="utf-8")
    check(known["submit_request_id"] in worker_log, "the delivery task did not log under the submit's request id")
    for log in logs:
        text = log.read_text(encoding="utf-8", errors="replace")
        check(text.strip() != "" or log.name == "release.log", f"{log.name} is empty")
        for secret in secrets:
            check(secret not in text, f"{log.name} holds a secret ({secret[:3]}…)")
        check(not UNREDACTED_SESSION_PATH.search(text), f"{log.name} holds a session key in a path")
    print(f"scale-out: {len(logs)} logs scanned, no secret in them")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    if command == "walk":
        walk(arguments[0], arguments[1], Path(arguments[2]))
    else:
        scan(Path(arguments[0]), [Path(log) for log in arguments[1:]])
