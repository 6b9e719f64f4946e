"""Never lost under load: 20 tenants send 100 fault reports to a failing backend; each becomes one errand.

    .venv/bin/python bench/never_lost.py [--tenants 20] [--reports 5] [--error-rate 0.2]
        [--outage-at 20] [--outage-after 10] [--outage-seconds 30] [--retry-base-seconds 3] [--retry-max-seconds 48] [--deadline 180]

What it does, all on 127.0.0.1 and in a scratch folder that it removes again:

1. Builds the full demo company in a fresh SQLite file (WAL, IMMEDIATE transactions:
   the embedded default) and links a portal account to each of the first --tenants
   demo customers, as the demo data and the tests do.
2. Starts the sandbox and the portal as two ``runserver`` processes (the portal's
   PM5_BASE_URL points at the sandbox) and one real Celery worker with beat (the outbox
   sweep every 30 s) on kombu's ``filesystem://`` transport, as ``make demo`` does.
3. Tells the sandbox to answer --error-rate of its requests with 500, for the whole run.
4. Each tenant, on a thread of its own with its own ``requests.Session``, logs in
   through the login form and walks the wizard over HTTP --reports times, every step a
   form POST with the CSRF token, and submits. The description carries a tag
   (``[never-lost 15555-3]``), so every errand in the sandbox can be traced back to the
   report it came from. A step the portal answers with a 5xx (its calm "try again"
   page) is tried again after a second, as a tenant would; so is the place step when
   PM5 did not answer its walk, three times, and then the tenant describes the place
   in words, as that page asks.
5. At --outage-at seconds, once --outage-after reports are submitted (so that some are in
   the outbox when it comes), the sandbox answers every request 503 for --outage-seconds.
   Once half of the reports are submitted a second worker starts (without beat).
6. When every submitted report is delivered, or at --deadline seconds after the last
   submission, it stops the workers and servers and counts, from the sandbox's own
   tables, the errands made from each report: delivered (the portal recorded an
   errand), duplicated (more than one errand), lost (none), and whether the errand the
   portal recorded is the report's own. It prints them, the time from the end of the
   outage to the last delivery and the machine's load; exit code 1 if a report was lost,
   duplicated, recorded with another report's errand, or still waiting.

Delivery keeps its real mechanics (the task retries after a backoff that doubles, jittered,
the sweep every 30 s, each backend's circuit breaker) but waits at most 3 s before the first
retry and at most 48 s before any (--retry-base-seconds, --retry-max-seconds; the portal's
own are 15 s and 30 min): the time until the last delivery is set by the unluckiest report's
run of failed attempts. The README's "Never lost under load" has the runs and what the worker
logs (--logs) showed.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
import requests.adapters

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared bench/processes.py, however this is loaded
from processes import free_port, server, stop  # noqa: E402

PASSWORD = "Never-lost-bench-1"
TAG = re.compile(r"\[never-lost (\d+-\d+)\]")
STEP_RETRY_SECONDS = 1.0
PLACE_TRIES = 3
STEP_TRIES = 3
LOGIN_TRIES = 5  # allauth allows 10 login attempts a minute from one address
DEBUG_PAGES: Path | None = None  # --logs: a page the tenant could not go on from is kept there
LOAD_SAMPLE_SECONDS = 5.0
HTTP_TIMEOUT = 60  # a loaded machine: a tenant waits a minute before pressing again


# --- counting (pure, unit-tested in tests/bench/test_never_lost.py) ------------------------------


@dataclass(frozen=True)
class Tally:
    submitted: int
    delivered: int  # the portal recorded an errand for it
    duplicated: int  # more than one errand in the backend
    lost: int  # no errand in the backend, and no longer in the outbox either
    waiting: int  # no errand yet, still in the outbox for a retry when the run stopped
    misrecorded: int  # the portal recorded an errand that is not this report's

    @property
    def sound(self) -> bool:
        return self.duplicated == self.lost == self.waiting == self.misrecorded == 0


def tags_in(descriptions: Iterable[tuple[int, str]]) -> dict[str, set[int]]:
    """Errand ids per report tag, from the backend's (errand id, row description) pairs."""
    errands: dict[str, set[int]] = {}
    for errand_id, description in descriptions:
        for tag in TAG.findall(description):
            errands.setdefault(tag, set()).add(errand_id)
    return errands


def tally(
    submitted: Iterable[str], errands: Mapping[str, set[int]], outbox: Mapping[str, tuple[str, int | None]]
) -> Tally:
    """``outbox``: per tag, the portal's status of the report and the errand id it recorded."""
    counts = dict.fromkeys(("submitted", "delivered", "duplicated", "lost", "waiting", "misrecorded"), 0)
    for tag in submitted:
        made = errands.get(tag, set())
        status, errand_id = outbox.get(tag, ("", None))
        counts["submitted"] += 1
        counts["delivered"] += errand_id is not None
        counts["duplicated"] += len(made) > 1
        counts["lost"] += not made and status != "queued"
        counts["waiting"] += not made and status == "queued"
        counts["misrecorded"] += errand_id is not None and errand_id not in made
    return Tally(**counts)


# --- the run ---------------------------------------------------------------------------------


@dataclass
class Run:
    """What the tenants and the timeline share, behind one lock."""

    started: float = field(default_factory=time.monotonic)
    submitted: list[tuple[str, float]] = field(default_factory=list)  # (tag, seconds since start)
    failures: list[str] = field(default_factory=list)
    events: list[tuple[float, str]] = field(default_factory=list)
    outage: tuple[float, float] = (0.0, 0.0)  # when it began and ended, seconds since start
    loads: list[float] = field(default_factory=list)  # the machine's 1-minute load average, every few seconds
    lock: threading.Lock = field(default_factory=threading.Lock)

    def watch_load(self) -> None:
        """Samples the load for as long as the run goes (a daemon thread): the machine is shared."""
        while True:
            self.loads.append(os.getloadavg()[0])
            time.sleep(LOAD_SAMPLE_SECONDS)

    def now(self) -> float:
        return time.monotonic() - self.started

    def note(self, event: str) -> None:
        with self.lock:
            self.events.append((self.now(), event))
        print(f"{self.now():6.1f} s  {time.strftime('%H:%M:%S')}  {event}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tenants", type=int, default=20, help="concurrent demo tenants (default 20, at most 64)")
    parser.add_argument("--reports", type=int, default=5, help="fault reports per tenant (default 5)")
    parser.add_argument("--error-rate", type=float, default=0.2, help="share of backend requests answered 500")
    parser.add_argument("--outage-at", type=float, default=20.0, help="seconds into the run the outage starts")
    parser.add_argument(
        "--outage-after",
        type=int,
        default=10,
        help="... but not before this many reports are submitted (default 10; at the latest 120 s later)",
    )
    parser.add_argument("--outage-seconds", type=float, default=30.0, help="how long the backend answers only 503")
    parser.add_argument(
        "--retry-base-seconds",
        type=float,
        default=3.0,
        help="the outbox's first retry wait, FAULT_RETRY_BASE_SECONDS (default 3; the portal's own is 15)",
    )
    parser.add_argument(
        "--retry-max-seconds",
        type=float,
        default=48.0,
        help="the outbox's longest retry wait, FAULT_RETRY_MAX_SECONDS (default 48; the portal's own is 30 min)",
    )
    parser.add_argument("--deadline", type=float, default=180.0, help="seconds after the last submission to stop")
    parser.add_argument(
        "--logs",
        type=Path,
        help="keep each worker's log (at INFO: every attempt, retry and breaker change) in this folder",
    )
    args = parser.parse_args()

    global DEBUG_PAGES
    DEBUG_PAGES = args.logs
    # Stopped from outside (SIGTERM), it still stops every process it started and removes its folder.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    scratch = Path(tempfile.mkdtemp(prefix="mina-sidor-never-lost-"))
    env = os.environ | {
        "PORTAL_ENV": "demo",
        "DEBUG": "false",
        "PORTAL_VAR_DIR": str(scratch),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "LOG_LEVEL": "WARNING",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        env.pop(name, None)
    os.environ.clear()
    os.environ.update(env)  # this process reads and writes the same database through the ORM
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    try:
        with ExitStack() as processes:
            tenants = build(args.tenants)
            backend_port, portal_port = free_port(), free_port()
            env |= {
                "PM5_BASE_URL": f"http://127.0.0.1:{backend_port}/sandbox/pm5",
                "CELERY_BROKER_URL": "filesystem://",
                "FAULT_RETRY_BASE_SECONDS": str(args.retry_base_seconds),
                "FAULT_RETRY_MAX_SECONDS": str(args.retry_max_seconds),
            }
            processes.enter_context(server(env, backend_port))
            processes.enter_context(server(env, portal_port))
            set_behaviour(error_rate=args.error_rate)
            run = Run()
            threading.Thread(target=run.watch_load, daemon=True).start()
            processes.enter_context(worker(env, args.logs, "worker1", beat=True))
            run.note(f"sandbox fails {args.error_rate:.0%} of requests; worker 1 (with beat) running")
            second = threading.Event()
            timeline = threading.Thread(
                target=outage_and_second_worker,
                args=(run, args, env, processes, second, args.tenants * args.reports),
                daemon=True,
            )
            timeline.start()
            base = f"http://127.0.0.1:{portal_port}"
            with ThreadPoolExecutor(max_workers=len(tenants)) as pool:
                for number, (email, customer) in enumerate(tenants, start=2):
                    pool.submit(tenant, run, base, email, customer, args.reports, f"127.0.0.{number}")
            run.note(f"{len(run.submitted)} reports submitted")
            timeline.join()
            last_delivery = wait_for_deliveries(run, [tag for tag, _ in run.submitted], args.deadline)
        return report(run, args, last_delivery)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def build(count: int) -> list[tuple[str, str]]:
    from django.core.management import call_command

    from apps.accounts.models import CustomerLink
    from apps.accounts.services import create_linked_account
    from apps.sandbox.models import Customer

    print("Building the full demo company ...", flush=True)
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("sandbox_demo_data", size="full", stdout=quiet)
    linked = CustomerLink.objects.values_list("customer_number", flat=True)  # the demo's own accounts
    tenants = []
    for customer in Customer.objects.exclude(customer_number__in=linked).order_by("customer_number")[:count]:
        email = f"never-lost-{customer.customer_number}@example.se"
        create_linked_account(email=email, password=PASSWORD, customer_number=customer.customer_number)
        tenants.append((email, customer.customer_number))
    if len(tenants) < count:
        raise SystemExit(f"the demo has only {len(tenants)} customers without an account")
    return tenants


def set_behaviour(**options) -> None:
    from django.core.management import call_command

    with open(os.devnull, "w") as quiet:
        call_command("sandbox_behaviour", stdout=quiet, **options)


def outage_and_second_worker(run, args, env, processes, second, total) -> None:
    """The outage once its time has come and reports are in the outbox, and the second worker
    once half the reports are in."""
    in_outage = outage_over = False
    while not (outage_over and second.is_set()):
        with run.lock:
            submitted = len(run.submitted)
        # On a loaded machine the first reports can take longer than --outage-at: an outage before
        # any is queued would test only the wizard, not the outbox (the runs before 2026-12-03 did).
        due = run.now() >= args.outage_at and (submitted >= args.outage_after or run.now() >= args.outage_at + 120)
        if not in_outage and not outage_over and due:
            set_behaviour(outage=True)
            in_outage = True
            run.outage = (run.now(), run.now() + args.outage_seconds)
            run.note(f"outage: the sandbox answers every request 503 for {args.outage_seconds:.0f} s")
        if in_outage and run.now() >= run.outage[1]:
            set_behaviour(outage=False)
            in_outage, outage_over = False, True
            run.note("outage over")
        # Tenants who got stuck must not keep the second worker away for ever.
        if not second.is_set() and (submitted >= total / 2 or (outage_over and run.now() > run.outage[1] + 120)):
            processes.enter_context(worker(env, args.logs, "worker2", beat=False))
            second.set()
            run.note("worker 2 started")
        time.sleep(0.2)


# --- a tenant ------------------------------------------------------------------------------------


def tenant(run: Run, base: str, email: str, customer: str, reports: int, address: str) -> None:
    try:
        browser = log_in(base, email, address)
        for number in range(1, reports + 1):
            tag = f"{customer}-{number}"
            report_fault(browser, base, tag, number)
            with run.lock:
                run.submitted.append((tag, run.now()))
    except Exception as exc:  # one tenant's trouble is reported, the others go on
        with run.lock:
            run.failures.append(f"{customer}: {exc}")
        print(f"{run.now():6.1f} s  tenant {customer} stopped: {exc}", flush=True)


class FromAddress(requests.adapters.HTTPAdapter):
    """Connections from one loopback address of 127.0.0.0/8, so each tenant has an IP of its own,
    as real tenants do: allauth limits failed logins to 10 a minute per IP, counting every attempt."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def log_in(base: str, email: str, address: str) -> requests.Session:
    browser = requests.Session()
    browser.mount("http://", FromAddress(address))
    for _ in range(LOGIN_TRIES):
        page, _ = get(browser, base, "/konto/login/")
        try:
            response = browser.post(
                f"{base}/konto/login/",
                data={"login": email, "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(page)},
                headers={"Referer": f"{base}/konto/login/"},
                timeout=HTTP_TIMEOUT,
            )
        except requests.Timeout:
            continue  # 20 logins at once on a loaded machine: the tenant tries again
        if "/konto/login/" not in response.url:
            return browser
    raise RuntimeError("could not log in")


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def report_fault(browser: requests.Session, base: str, tag: str, number: int) -> None:
    """Walk the wizard as a tenant would, picking different places for different reports, and submit."""
    url = post(browser, base, f"{base}/felanmalan/", {})
    if not url:
        raise RuntimeError("the fault report could not be started")
    asked = 0  # how often the place step has been asked again
    answered_again = 0  # how often a step came back with an error instead of leading on
    while not url.endswith("/kvitto/"):
        page, url = get(browser, base, url)  # a place with nothing below it redirects to the next step
        step = url.rstrip("/").split("/")[-1] if "/plats/" not in url else "plats"
        if step == "objekt":
            data = {"object": options(page, "object")[0]}
        elif step == "plats":
            if ('name="where"' in page or 'name="node"' not in page) and asked < PLACE_TRIES:
                asked += 1  # PM5 did not answer the walk: "try again", a few times, as a tenant would
                time.sleep(STEP_RETRY_SECONDS)
                continue
            if 'name="where"' in page:  # PM5 did not answer the walk: the place in words, as the page asks
                data = {"where": f"Vid ytterdörren, rapport {number}"}
            else:
                nodes = options(page, "node")
                data = {"node": nodes[number % len(nodes)]}
        elif step == "fel":
            data = {"description": f"Trasigt. [never-lost {tag}]"}
            if 'name="fault_type"' in page:  # not asked for a place described in words
                data["fault_type"] = options(page, "fault_type")[0]
        elif step == "tilltrade":
            data = {"key_note": "", "has_pets": "no"}
            if 'name="key_handling"' in page:  # not asked when PM5 is down and the object's list was never fetched
                data["key_handling"] = options(page, "key_handling")[0]
        elif step == "kontakt":
            data = {"contact": "customer"}
        elif step == "bilder":
            data = {"done": "1"}
        elif step == "kontrollera":
            url = url.replace("/kontrollera/", "/skicka/")
            data = {}
        else:
            raise RuntimeError(f"an unexpected step: {url}")
        leads_to = post(browser, base, base + url, data)
        if not leads_to:
            answered_again += 1
            if answered_again > STEP_TRIES or step == "kontrollera":
                raise RuntimeError(f"{url} kept showing the step again")
            continue  # the tenant reads the step again and answers it again
        url, asked, answered_again = leads_to, 0, 0


def options(page: str, name: str) -> list[str]:
    found = re.findall(rf'name="{name}" value="([^"]+)"', page)
    if not found:
        if DEBUG_PAGES:
            (DEBUG_PAGES / f"no-{name}-{time.monotonic_ns()}.html").write_text(page)
        raise RuntimeError(f"no choices for {name}")
    return found


def get(browser: requests.Session, base: str, url: str) -> tuple[str, str]:
    """GET a step (a path), following redirects: the page, and the path it ended on."""
    while True:
        try:
            response = browser.get(base + url, timeout=HTTP_TIMEOUT)
        except requests.Timeout:
            continue  # the loaded machine's portal did not answer in time: the tenant reloads
        if response.status_code < 500:
            response.raise_for_status()
            return response.text, response.url.removeprefix(base)
        time.sleep(STEP_RETRY_SECONDS)  # the calm "try again in a while" page


def post(browser: requests.Session, base: str, url: str, data: dict) -> str:
    """POST a step; returns where it leads (a path). A 5xx is tried again, as a tenant would."""
    while True:
        try:
            response = browser.post(
                url,
                data=data,
                headers={"X-CSRFToken": browser.cookies["csrftoken"], "Referer": url},
                allow_redirects=False,
                timeout=HTTP_TIMEOUT,
            )
        except requests.Timeout:
            # The tenant presses again; every step is safe to repeat (a second submit queues nothing more).
            continue
        if response.status_code == 302:
            return response.headers["Location"].removeprefix(base)
        if response.status_code == 200:  # the step again, with what was wrong (the page changed meanwhile)
            if DEBUG_PAGES:
                (DEBUG_PAGES / f"again-{time.monotonic_ns()}.html").write_text(response.text)
            return ""
        if response.status_code < 500:
            raise RuntimeError(f"{url} answered {response.status_code}")
        time.sleep(STEP_RETRY_SECONDS)


# --- waiting and counting --------------------------------------------------------------------


def outbox() -> dict[str, tuple[str, int | None, object, int]]:
    """Per tag: the portal's status of the report, the errand id, when it was delivered, attempts."""
    from apps.faults.models import FaultReport

    rows = FaultReport.objects.filter(description__contains="[never-lost ").values_list(
        "description", "status", "errand_id", "delivered_at", "attempts"
    )
    return {TAG.search(row[0]).group(1): row[1:] for row in rows}


def wait_for_deliveries(run: Run, tags: list[str], deadline: float):
    """Until every submitted report is delivered, or --deadline seconds; returns the last delivery's time."""
    give_up = time.monotonic() + deadline
    while True:
        reports = outbox()
        waiting = [tag for tag in tags if reports.get(tag, ("", None, None, 0))[1] is None]
        if not waiting:
            run.note("every report delivered")
            break
        if time.monotonic() > give_up:
            run.note(f"deadline: {len(waiting)} reports not delivered yet")
            break
        time.sleep(1)
    times = [at for _, _, at, _ in reports.values() if at is not None]
    return max(times) if times else None


def waiting_state(tag: str) -> str:
    """What the outbox knows of one undelivered report: to read its story in the worker logs (--logs)."""
    from apps.faults.models import FaultReport

    report = FaultReport.objects.get(description__contains=f"[never-lost {tag}]")
    return (
        f"report {report.pk}, {report.status}, {report.attempts} attempts, last error {report.last_error or '-'}, "
        f"next attempt {report.next_attempt_at:%H:%M:%S}, outcome unknown {report.outcome_unknown}"
    )


def report(run: Run, args, last_delivery) -> int:
    from django.utils import timezone

    from apps.sandbox.models.errands import ErrandRow

    errands = tags_in(
        ErrandRow.objects.filter(description__contains="[never-lost ").values_list("errand_id", "description")
    )
    reports = outbox()
    tags = [tag for tag, _ in run.submitted]
    counted = tally(tags, errands, {tag: (status, errand_id) for tag, (status, errand_id, _, _) in reports.items()})
    attempts = sorted(reports[tag][3] for tag in tags if tag in reports)
    print()
    print(f"tenants {args.tenants} × reports {args.reports}; sandbox errors {args.error_rate:.0%}, ", end="")
    print(f"outage {args.outage_seconds:.0f} s from {run.outage[0]:.0f} s; 2 workers (the second from halfway)")
    print(f"submitted   {counted.submitted}")
    print(f"delivered   {counted.delivered}")
    print(f"duplicated  {counted.duplicated}")
    print(f"lost        {counted.lost}")
    print(f"waiting     {counted.waiting}  (no errand yet, still queued for a retry when the run stopped)")
    print(f"misrecorded {counted.misrecorded}  (the portal recorded another report's errand)")
    if attempts:
        print(
            f"attempts per report: median {attempts[len(attempts) // 2]}, most {attempts[-1]}; "
            f"first retry after {args.retry_base_seconds:.0f} s, doubling, at most {args.retry_max_seconds:.0f} s"
        )
    for tag in tags:
        if reports.get(tag, ("", None))[1] is None:
            print(f"still waiting: {tag}: {waiting_state(tag)}")
    if run.loads:
        loads = sorted(run.loads)
        print(
            f"machine load (1-minute average, {os.cpu_count()} cores) during the run: "
            f"{loads[0]:.1f} to {loads[-1]:.1f}, median {loads[len(loads) // 2]:.1f}"
        )
    if run.failures:
        print(f"tenants who could not finish: {len(run.failures)}: {'; '.join(run.failures)}")
    if last_delivery is not None and run.submitted:
        # delivered_at is wall-clock time; the run's clock is monotonic: bring them together once.
        seconds_ago = (timezone.now() - last_delivery).total_seconds()
        at = run.now() - seconds_ago
        last_submission = max(seconds for _, seconds in run.submitted)
        outage_end = run.outage[1]
        print(
            f"last delivery {at:.0f} s into the run: {at - last_submission:.0f} s after the last submission "
            f"({last_submission:.0f} s), {at - outage_end:.0f} s after the outage ended"
        )
    return 0 if counted.sound and not run.failures else 1


# --- processes ---------------------------------------------------------------------------------


@contextmanager
def worker(env: dict, logs: Path | None, name: str, *, beat: bool):
    """A Celery worker (one task at a time, as in ``make demo``); its log kept in ``logs`` if given."""
    command = [PYTHON, "-m", "celery", "-A", "portal", "worker", "--pool=solo", "--loglevel=INFO", "-n", f"{name}@%h"]
    if beat:
        command.append("--beat")
    with ExitStack() as files:
        output = subprocess.DEVNULL
        if logs is not None:
            logs.mkdir(parents=True, exist_ok=True)
            output = files.enter_context(open(logs / f"{name}.log", "w"))
            env = env | {"LOG_LEVEL": "INFO"}
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            stop(process, signal.SIGTERM)  # a warm shutdown: the task at hand is finished first


if __name__ == "__main__":
    sys.exit(main())
