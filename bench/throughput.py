"""Throughput and latency of every page under the production server, side by side in one run.

    .venv/bin/python bench/throughput.py [--duration 1] [--rounds 15] [--connections 16] [--tenants 4] [--latency-ms 50]

What it does, on 127.0.0.1 only:

1. A PostgreSQL database of its own (``bench_throughput_<pid>`` on 127.0.0.1:5432, user postgres;
   made anew, dropped at the end) and Redis database 6 with a key prefix of its own for the
   cache and the sessions (its keys are removed at the end). The full demo company, and
   --tenants demo customers with a portal account each (bench/never_lost.py's ``build``).
2. The sandbox in a process of its own (``runserver``), and the portal as production runs it:
   ``scripts/serve web`` (collectstatic, then gunicorn with portal/gunicorn.conf.py: 2 gthread
   workers of 8 threads here), ``PORTAL_ENV=production``, DEBUG off, JSON logs, sessions and
   cache in Redis. Loopback needs two relaxations, as in scripts/test-scale-out: no https
   redirect, and the benchmark plays the TLS proxy (``X-Forwarded-Proto: https``). Workers
   are not recycled (``WEB_MAX_REQUESTS=0``), so their memory can be followed. The settings
   module is bench/throughput_settings.py: the portal's own plus bench-only URLs, a trivial
   logged-in page (``/bench/ok/``) and the bare layout, kept whole as the tenant pages keep theirs
   (``/bench/layout/``) and rendered afresh as a page with a form renders it (``/bench/layout-rendered/``).
3. The tenants log in through the login form, a staff member with TOTP too; every page is
   visited once (the cache warm).
4. Throughput: wrk (Debian's package; scripts/system-deps installs it) against each page for
   --duration seconds with --connections connections on 2 threads, the tenants' requests in
   turn (bench/throughput.lua; every answer but 200 counts as a failure), --rounds times, each
   time right after a load of the trivial page: a page's ratio is to the trivial page loaded
   just before it (the machine's other work comes in bursts that move everything within
   seconds, so the loads are short and many: one second, fifteen rounds; the staff pages, about
   a second a request under load, five seconds, with their trivial page). After each load the
   server is left the load's median latency to end the requests still on their way, so the next
   load does not begin behind them. Each page's line is its round with the median ratio (req/s, p50, p99, backend
   calls; every load's req/s is printed as it runs); the trivial page's line is its median
   load. Backend calls per page are the requests the sandbox served during the load divided
   by the pages served.
5. Memory: the tenant pages in turn until 1,000 and then 10,000 requests; each worker's
   resident size (VmRSS) after both.
6. Round trips: the sandbox answers every call after --latency-ms; each page once cold (the
   tenant's cached session data dropped, and the staff pages' cached lists) and warm (median
   of 5), one request at a time: its milliseconds, its backend calls, and the rounds it waited
   for. The sandbox process records when each backend request began and ended
   (bench/throughput_urls.py); the rounds are the longest chain of a page's calls each begun
   after the one before it ended (bench/rounds.py), so calls made at once count as one round
   however long the sandbox takes over each (one runserver process, 50-250 ms of its own per
   call here: milliseconds divided by the latency would count that as round trips). And a
   login to the overview, the tenant's session data not cached, in the same terms, against a
   failed login (the password hash, no backend call).

wrk, because it keeps 16 connections busy from a few percent of one core, where a Python
client would take a core of the two the portal has. Numbers on a shared machine are noisy:
compare the ratios (each page against the trivial logged-in page) within one run.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import requests

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))  # the shared bench modules, however this is loaded
sys.path.insert(0, str(ROOT / "scripts"))  # scale_out_check's Tenant: a browser with production's cookies
from never_lost import PASSWORD, build  # noqa: E402
from processes import free_port, server, stop, wait_until_up  # noqa: E402
from rounds import rounds  # noqa: E402
from scale_out_check import CSRF_FIELD, Tenant  # noqa: E402

POSTGRES = "postgres://postgres@127.0.0.1:5432"
# A run of its own: two runs at once (two checkouts) must not drop each other's database or keys.
DATABASE = f"bench_throughput_{os.getpid()}"
REDIS = "redis://127.0.0.1:6379/6"  # a database number no other run uses
PREFIX = f"bench-throughput-{os.getpid()}:"  # its cache and session keys, removed at the start and the end
STAFF_EMAIL, STAFF_PASSWORD = "throughput-staff@example.se", "Throughput-staff-1"
WEB_WORKERS = 2
WARM_ROUNDS = 5
MEMORY_RUN_SECONDS = 5


@dataclass(frozen=True)
class Page:
    name: str
    targets: tuple[tuple[str, Tenant], ...]  # (path, who asks), one per tenant
    backend: bool = True  # whether the page may call the backend at all
    # A load of this page (and of the trivial page paired with it) lasts at least this long: a staff
    # page takes about a second under load, and a one-second load of it would finish hardly any.
    min_seconds: int = 0


@dataclass(frozen=True)
class Load:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    not_ok: int
    errors: int
    backend_calls: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


class Paired(NamedTuple):
    load: Load
    ratio: float  # to the trivial page loaded just before it


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=1, help="seconds of load per page (default 1)")
    parser.add_argument("--rounds", type=int, default=15, help="loads of every page, in turn (default 15)")
    parser.add_argument("--connections", type=int, default=16, help="wrk's open connections (default 16)")
    parser.add_argument("--tenants", type=int, default=4, help="tenants whose requests go in turn (default 4)")
    parser.add_argument("--latency-ms", type=int, default=50, help="the sandbox's latency for the round trips")
    parser.add_argument("--memory-requests", type=int, default=10_000, help="requests before the last RSS")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: scripts/system-deps installs it (apt-get install wrk)")

    scratch = Path(tempfile.mkdtemp(prefix="mina-sidor-throughput-"))
    prefix = PREFIX
    sandbox_port, portal_port = free_port(), free_port()
    env = environment(scratch, prefix, sandbox_port)
    os.environ.clear()
    os.environ.update(env | {"SANDBOX_ENABLED": "true"})  # this process builds the data and clears caches
    sys.path.insert(0, str(ROOT))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stopped from outside: still clean up
    forget_keys(prefix)
    recreate_database()
    import django

    django.setup()
    print(f"Machine: {os.cpu_count()} cores, load average {load_average()} at the start", flush=True)
    try:
        tenants = build(args.tenants)
        staff_secret = make_staff()
        # runserver serves each request on a new thread: a connection kept open per thread would
        # be left behind by every one of them, until PostgreSQL refuses more.
        sandbox_env = env | {"SANDBOX_ENABLED": "true", "DATABASE_CONN_MAX_AGE": "0"}
        portal_env = env | {
            "SANDBOX_ENABLED": "false",
            "WEB_BIND": f"127.0.0.1:{portal_port}",
            "WEB_WORKERS": str(WEB_WORKERS),
            "WEB_MAX_REQUESTS": "0",
        }
        with (
            server(sandbox_env, sandbox_port, scratch / "sandbox.log"),
            portal(portal_env, portal_port, scratch) as gunicorn,
        ):
            base = f"http://127.0.0.1:{portal_port}"
            sandbox = f"http://127.0.0.1:{sandbox_port}"
            browsers = [log_in(base, email, PASSWORD) for email, _ in tenants]
            staff = log_in(base, STAFF_EMAIL, STAFF_PASSWORD, totp_secret=staff_secret)
            pages = page_list(browsers, [customer for _, customer in tenants], staff)
            for page in pages:
                for path, browser in page.targets:
                    answer = browser.get(base, path)
                    if answer.status_code != 200:
                        raise SystemExit(f"{page.name}: {path} answered {answer.status_code}")
            print(
                f"Load: wrk -t2 -c{args.connections} -d{args.duration}s per page, {args.rounds} rounds of pairs",
                flush=True,
            )
            loads = paired_loads(pages, base, sandbox, scratch, args)
            tenant_pages = [page for page in pages if page.backend and not page.name.startswith("staff")]
            print("Memory ...", flush=True)
            memory = rss_after(gunicorn, tenant_pages, base, scratch, args)
            print("Round trips ...", flush=True)
            trips = round_trips(pages, base, sandbox, tenants[0][1], args.latency_ms)
            login = login_round_trip(base, sandbox, *tenants[0], args.latency_ms)
        print_results(pages, loads, memory, trips, login, args)
        print(f"Load average {load_average()} at the end", flush=True)
    except BaseException:
        for log in (scratch / "web.log", scratch / "sandbox.log"):
            if log.exists():
                print(f"The last lines of {log.name}:\n{log.read_text()[-3000:]}", file=sys.stderr)
        raise
    finally:
        clean_up(prefix, scratch)
    return 0


def environment(scratch: Path, prefix: str, sandbox_port: int) -> dict[str, str]:
    """Production's settings, relaxed only for loopback (as scripts/test-scale-out)."""
    sandbox = f"http://127.0.0.1:{sandbox_port}/sandbox"
    env = {name: value for name, value in os.environ.items() if name in ("PATH", "HOME", "LANG", "TMPDIR")}
    return env | {
        "PORTAL_ENV": "production",
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "throughput_settings",
        "PYTHONPATH": f"{BENCH}:{ROOT}",
        "PORTAL_VAR_DIR": str(scratch),
        "STATIC_ROOT": str(scratch / "static"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
        "REDIS_URL": REDIS,
        "SESSION_REDIS_URL": REDIS,
        "CACHE_KEY_PREFIX": prefix,
        "EMAIL_HOST": "127.0.0.1",
        "ACCESSIBILITY_CONTACT_EMAIL": "tillganglighet@landlord.example",
        "LOG_FORMAT": "json",
        "PM5_BASE_URL": f"{sandbox}/pm5",
        "PM5_CLIENT_ID": "mina-sidor-demo",
        "PM5_CLIENT_SECRET": "sandbox-secret",
        "FAST2_BASE_URL": f"{sandbox}/fast2",
        "FAST2_CLIENT_ID": "mina-sidor-demo",
        "FAST2_CLIENT_SECRET": "sandbox-secret",
        "FAST2_USERNAME": "handlaggare",
        "FAST2_PASSWORD": "sandbox-fast2",
        "ERRANDS_BASE_URL": f"{sandbox}/errands",
        "ERRANDS_TOKEN": "sandbox-errands-token",
        # The load is of pages whose session data is cached, as issue 18 measures them. With
        # production's 120 s the tenants' data expired every two minutes, and its refetch (the
        # sandbox, on the same two cores, spends hundreds of milliseconds of its own on one)
        # fell into whichever page's load was running. The round trips drop it themselves.
        "CUSTOMER_SESSION_CACHE_SECONDS": "3600",
        "CASHSERVICES_BASE_URL": "",
        "KOBO_BASE_URL": "",  # not measured; production would want its webhook key too
        "EID_SERVER_URL": "",
    }


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')


def clean_up(prefix: str, scratch: Path) -> None:
    import psycopg
    from django.db import connections

    forget_keys(prefix)

    connections.close_all()
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    shutil.rmtree(scratch, ignore_errors=True)


def forget_keys(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(match=f"{prefix}*", count=1000):
        client.delete(key)


def make_staff() -> str:
    """A staff account with TOTP on, as the staff pages require; answers its TOTP secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from apps.accounts.services import create_linked_account

    staff = create_linked_account(email=STAFF_EMAIL, password=STAFF_PASSWORD, customer_number="", is_staff=True)
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    return secret


class portal:
    """``scripts/serve web``, as production starts it; stopped with SIGTERM as a deploy does."""

    def __init__(self, env: dict[str, str], port: int, scratch: Path):
        self.env, self.port, self.log = env, port, scratch / "web.log"

    def __enter__(self) -> subprocess.Popen:
        with self.log.open("w") as log:
            self.process = subprocess.Popen(["scripts/serve", "web"], cwd=ROOT, env=self.env, stdout=log, stderr=log)
        try:
            wait_until_up(self.port, self.process, timeout=180)
        except Exception:
            stop(self.process, signal.SIGTERM)
            print(self.log.read_text()[-3000:], file=sys.stderr)
            raise
        return self.process

    def __exit__(self, *exc) -> None:
        stop(self.process, signal.SIGTERM, timeout=40)


def log_in(base: str, email: str, password: str, totp_secret: str = "") -> Tenant:
    browser = Tenant()
    landed = browser.post(base, "/konto/login/", {"login": email, "password": password})
    if totp_secret:
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

        code = format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30))
        landed = browser.post(base, landed, {"code": code})
    if "/konto/" in landed:
        raise SystemExit(f"{email} could not log in (led to {landed})")
    return browser


def page_list(browsers: list[Tenant], customers: list[str], staff: Tenant) -> list[Page]:
    from django.urls import reverse

    from apps.sandbox.models import ErrandRow, Notice

    def each(route: str, own=None) -> tuple[tuple[str, Tenant], ...]:
        targets = []
        for browser, customer in zip(browsers, customers, strict=True):
            if own is None:
                targets.append((reverse(route), browser))
            elif (argument := own(customer)) is not None:
                targets.append((reverse(route, args=[argument]), browser))
        return tuple(targets)

    def notice(customer: str) -> str | None:
        found = Notice.objects.filter(customer__customer_number=customer).order_by("-due_date").first()
        return found.number if found else None

    def errand(customer: str) -> int | None:
        row = ErrandRow.objects.filter(errand__customer__customer_number=customer).first()
        return row.errand.pk if row else None

    work_order = ErrandRow.objects.order_by("pk").first().pk
    return [
        Page("trivial logged-in page", tuple(("/bench/ok/", b) for b in browsers), backend=False),
        Page("bare layout, kept", tuple(("/bench/layout/", b) for b in browsers), backend=False),
        Page("bare layout, rendered", tuple(("/bench/layout-rendered/", b) for b in browsers), backend=False),
        Page("overview", each("customer:overview")),
        Page("invoices", each("invoices:list")),
        Page("invoice", each("invoices:detail", notice)),
        Page("errands", each("faults:errands")),
        Page("errand", each("faults:errand", errand)),
        Page("documents", each("documents:list")),
        Page("temporary addresses", each("addresses:list")),
        Page("contact details", each("contacts:details")),
        Page("messages", each("inbox:list")),
        Page("staff: queue", ((reverse("staff:queue"), staff),), min_seconds=5),
        Page("staff: work order", ((reverse("staff:work_order", args=[work_order]), staff),), min_seconds=5),
    ]


def backend_calls(sandbox: str) -> int:
    return requests.get(f"{sandbox}/bench/backend-calls/", timeout=10).json()["backend_calls"]


def wrk(page: Page, base: str, scratch: Path, args, *, duration: int | None = None) -> dict:
    targets = scratch / "targets.tsv"
    targets.write_text("".join(f"{path}\t{cookie_header(browser)}\n" for path, browser in page.targets))
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{duration or args.duration}s", "--timeout", "30s"]
    command += ["-s", str(BENCH / "throughput.lua"), base, "--", str(targets)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def cookie_header(browser: Tenant) -> str:
    return "; ".join(f"{name}={value}" for name, value in browser.cookies.items())


def load(page: Page, base: str, sandbox: str, scratch: Path, args, *, duration: int) -> Load:
    before = backend_calls(sandbox)
    result = wrk(page, base, scratch, args, duration=duration)
    calls = backend_calls(sandbox) - before
    print(f"  {page.name}: {result['requests'] / result['seconds']:.0f} req/s", flush=True)
    # wrk stops with a request on each connection still being served: let them end, or the next
    # load (the trivial page's, say) would begin behind them.
    time.sleep(max(0.2, result["p50_ms"] / 1000))
    return Load(backend_calls=calls, **result)


def paired_loads(pages: list[Page], base: str, sandbox: str, scratch: Path, args) -> dict[str, Paired]:
    """Each page, --rounds times, right after a load of the trivial page: its ratio is to that one.

    This machine's other work comes in bursts that halve the req/s of everything for a minute:
    a page measured minutes after the trivial page would be compared with another machine.
    """
    trivial, others = pages[0], pages[1:]
    pairs: dict[str, list[tuple[Load, Load]]] = {page.name: [] for page in others}
    for number in range(1, args.rounds + 1):
        print(f" round {number}", flush=True)
        for page in others:
            duration = max(args.duration, page.min_seconds)
            before = load(trivial, base, sandbox, scratch, args, duration=duration)
            pairs[page.name].append((load(page, base, sandbox, scratch, args, duration=duration), before))

    def ratio(pair: tuple[Load, Load]) -> float:
        page_load, trivial_load = pair
        return page_load.per_second / max(trivial_load.per_second, 1e-9)  # a trivial load may finish none

    loads = {}
    for name, found in pairs.items():
        # The round whose ratio is the median: its own req/s, latencies and backend calls.
        median = sorted(found, key=ratio)[len(found) // 2]
        loads[name] = Paired(median[0], ratio(median))
    trivial_loads = sorted((pair[1] for found in pairs.values() for pair in found), key=lambda t: t.per_second)
    loads[trivial.name] = Paired(trivial_loads[len(trivial_loads) // 2], 1.0)
    return loads


def rss_after(gunicorn: subprocess.Popen, pages: list[Page], base: str, scratch: Path, args) -> list[dict]:
    """Each worker's resident size after 1,000 requests and after --memory-requests, the tenant pages in turn.

    wrk runs for a time, not a number of requests, so the load comes in short runs
    until the count is reached; the counts printed are the ones served.
    """
    mixed = Page("tenant pages in turn", tuple(target for page in pages for target in page.targets))
    served, sizes = 0, []
    for goal in (1000, args.memory_requests):
        while served < goal:
            served += wrk(mixed, base, scratch, args, duration=MEMORY_RUN_SECONDS)["requests"]
        sizes.append((served, {pid: rss_kib(pid) for pid in workers(gunicorn)}))
        print(f"  memory: {served} requests", flush=True)
    (first, after_first), (last, after_all) = sizes
    return [
        {"pid": pid, "first": first, "all": last, "rss_first": rss, "rss_all": after_all.get(pid)}
        for pid, rss in after_first.items()
    ]


def workers(gunicorn: subprocess.Popen) -> list[int]:
    children = Path(f"/proc/{gunicorn.pid}/task/{gunicorn.pid}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def rss_kib(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return None
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])


@dataclass(frozen=True)
class Visit:
    """One page (or the login to the overview) with the sandbox slowed down."""

    ms: float
    calls: int
    rounds: int  # the longest chain of calls each begun after the one before it ended


def backend_seen(sandbox: str) -> int:
    """How many backend calls the sandbox has finished: where the next visit's calls start."""
    return requests.get(f"{sandbox}/bench/backend-calls/", timeout=10).json()["ended"]


def visit(sandbox: str, action) -> Visit:
    """``action()`` timed, and the backend calls it made, as the sandbox saw them begin and end."""
    before = backend_seen(sandbox)
    started = time.perf_counter()
    action()
    elapsed = (time.perf_counter() - started) * 1000
    calls = requests.get(f"{sandbox}/bench/backend-calls/", params={"since": before}, timeout=10).json()
    intervals = [tuple(interval) for interval in calls["intervals"]]
    return Visit(elapsed, len(intervals), rounds(intervals))


def settle(sandbox: str, timeout: float = 60.0) -> None:
    """Wait until the sandbox has served every call begun and none came for a second.

    The load runs before leave the portal finishing requests wrk had already sent,
    and their backend calls would be counted as the next page's.
    """
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        served = requests.get(f"{sandbox}/bench/backend-calls/", timeout=10).json()
        now = (served["backend_calls"], served["ended"])
        if now == last and now[0] == now[1]:
            return
        last = now
        time.sleep(1)
    raise SystemExit("the sandbox was still answering backend calls a minute after the load")


def timed(browser: Tenant, base: str, path: str, sandbox: str) -> Visit:
    """One page, one request at a time: its milliseconds, backend calls and rounds."""

    def get() -> None:
        answer = browser.get(base, path)
        if answer.status_code != 200:
            raise SystemExit(f"{path} answered {answer.status_code}")

    return visit(sandbox, get)


def round_trips(pages: list[Page], base: str, sandbox: str, customer: str, latency_ms: int) -> dict[str, tuple]:
    """Each page once cold and WARM_ROUNDS times warm, one request at a time, with the sandbox slowed down."""
    from django.core.management import call_command

    from apps.customer.services import CustomerSession

    with open(os.devnull, "w") as quiet:
        call_command("sandbox_behaviour", latency_ms=latency_ms, stdout=quiet)
    try:
        settle(sandbox)
        trips = {}
        for page in pages:
            path, browser = page.targets[0]
            CustomerSession(None, customer).forget()  # the first tenant's cached session data
            forget_staff_lists()
            cold = timed(browser, base, path, sandbox)
            warm = [timed(browser, base, path, sandbox) for _ in range(WARM_ROUNDS)]
            trips[page.name] = (
                cold,
                Visit(
                    statistics.median(v.ms for v in warm),
                    max(v.calls for v in warm),
                    max(v.rounds for v in warm),
                ),
            )
        return trips
    finally:
        with open(os.devnull, "w") as quiet:
            call_command("sandbox_behaviour", reset=True, stdout=quiet)


def forget_staff_lists() -> None:
    """The staff pages' cached value lists, places and counts (``staff:*``), so their cold visit reads them."""
    import redis
    from django.core.cache import cache

    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(match=cache.make_key("staff:*"), count=1000):
        client.delete(key)


def login_round_trip(base: str, sandbox: str, email: str, customer: str, latency_ms: int) -> dict:
    """A login to the overview with the sandbox slowed down, against a failed login.

    A failed login costs the password hash and the login page, and no backend call:
    the difference is what the backend adds (the PM5 session opened at login, the
    overview's session data, not cached: as the first login after the cache let it go).
    Both are timed at the server, under the same load.
    """
    from django.core.management import call_command

    from apps.customer.services import CustomerSession

    with open(os.devnull, "w") as quiet:
        call_command("sandbox_behaviour", latency_ms=latency_ms, stdout=quiet)
    try:
        failed = []
        for _ in range(2):  # allauth allows 5 failures a key in 5 minutes
            browser = Tenant()
            token = CSRF_FIELD.search(browser.get(base, "/konto/login/").text).group(1)
            started = time.perf_counter()
            answer = browser.request(
                "POST", base, "/konto/login/", data={"csrfmiddlewaretoken": token, "login": email, "password": "wrong"}
            )
            failed.append((time.perf_counter() - started) * 1000)
            if answer.status_code != 200:
                raise SystemExit(f"a failed login answered {answer.status_code}")
        browser = Tenant()
        token = CSRF_FIELD.search(browser.get(base, "/konto/login/").text).group(1)
        CustomerSession(None, customer).forget()

        def log_in_to_the_overview() -> None:
            data = {"csrfmiddlewaretoken": token, "login": email, "password": PASSWORD}
            answer = browser.request("POST", base, "/konto/login/", data=data)
            overview = browser.get(base, answer.headers["Location"])
            if answer.status_code != 302 or overview.status_code != 200:
                raise SystemExit(f"login to the overview: {answer.status_code}, then {overview.status_code}")

        login = visit(sandbox, log_in_to_the_overview)
    finally:
        with open(os.devnull, "w") as quiet:
            call_command("sandbox_behaviour", reset=True, stdout=quiet)
    return {"visit": login, "hash_ms": min(failed)}


def print_results(pages, loads: dict[str, Paired], memory, trips, login, args) -> None:
    print()
    print(f"{'page':<26} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'calls/page':>10} {'ratio':>6} {'failed':>6}")
    print("-" * 75)
    for page in pages:
        result, ratio = loads[page.name]
        calls = result.backend_calls / result.requests if result.requests else 0
        print(
            f"{page.name:<26} {result.per_second:>7.0f} {result.p50_ms:>7.1f} {result.p99_ms:>7.1f} "
            f"{calls:>10.2f} {ratio:>6.2f} {result.not_ok + result.errors:>6}"
        )
    trip = args.latency_ms
    print()
    print(f"With the sandbox answering in {trip} ms (one round trip), one request at a time; rounds: the longest")
    print("chain of backend calls each begun after the one before it ended, as the sandbox saw them:")
    print(f"{'page':<26} {'cold ms':>8} {'calls':>6} {'rounds':>7} {'warm ms':>8} {'calls':>6} {'rounds':>7}")
    print("-" * 73)
    for page in pages:
        cold, warm = trips[page.name]
        print(
            f"{page.name:<26} {cold.ms:>8.0f} {cold.calls:>6} {cold.rounds:>7} "
            f"{warm.ms:>8.0f} {warm.calls:>6} {warm.rounds:>7}"
        )
    visit = login["visit"]
    print(
        f"login to the overview: {visit.ms:.0f} ms, {visit.calls} calls in {visit.rounds} rounds; a failed login "
        f"(the password hash and the login page, no call) {login['hash_ms']:.0f} ms"
    )
    print()
    print("Web workers' resident memory (VmRSS), the tenant pages in turn:")
    for worker in memory:
        first, last = worker["rss_first"], worker["rss_all"]
        change = f"{(last - first) / first:+.1%}" if first and last else "worker gone"
        print(
            f"  worker {worker['pid']}: {first / 1024:.1f} MiB after {worker['first']:,} requests, "
            f"{(last or 0) / 1024:.1f} MiB after {worker['all']:,} ({change})"
        )


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
