"""Backend calls, server time and bytes of every page, for a tenant and for staff.

    .venv/bin/python bench/pages.py [--rounds 20]

Builds the small demo company in a throwaway SQLite database, serves the sandbox on
a local port (PM5, FAST2 and Errands v2, reached over HTTP as in production), and
opens each page as demo customer 15555, or as a staff member with TOTP:

* cold: the first visit after login, before anything is cached;
* warm: the same page again (the session data is cached): the rule is at most one call;
* median and 90th percentile of the server's time over --rounds warm visits, the
  sandbox's own time included (it answers in the same process, on another thread);
* the page's bytes.

The Django test client drives the portal in this process, so the numbers leave out
the network and the browser; they compare pages and catch a page that starts to
call the backend more often.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["PORTAL_VAR_DIR"] = tempfile.mkdtemp(prefix="bench-pages-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from backend_calls import Calls  # noqa: E402  (bench/ is the script's folder on sys.path)
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.testcases import LiveServerThread, _StaticFilesHandler  # noqa: E402
from django.urls import reverse  # noqa: E402


def measure(client: Client, calls: Calls, url: str, rounds: int) -> tuple[int, int, float, float, int]:
    cold, response = calls.during(lambda: client.get(url))
    assert response.status_code == 200, (url, response.status_code)
    warm, _ = calls.during(lambda: client.get(url))
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p90 = timings[max(int(len(timings) * 0.9) - 1, 0)]
    return cold, warm, statistics.median(timings), p90, len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from apps.accounts.services import create_linked_account
    from apps.sandbox.demo import build_demo
    from apps.sandbox.models import ErrandRow, Notice

    build_demo(size="small")
    server = LiveServerThread("127.0.0.1", _StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    base = f"http://127.0.0.1:{server.port}/sandbox"
    settings.PM5_BASE_URL = f"{base}/pm5"
    settings.FAST2_BASE_URL = f"{base}/fast2"
    settings.ERRANDS_BASE_URL = f"{base}/errands"
    calls = Calls()

    tenant = create_linked_account(email="bench@example.se", password="Bench-password-1", customer_number="15555")
    notice = Notice.objects.filter(customer__customer_number="15555").order_by("-due_date").first()
    errand = ErrandRow.objects.filter(errand__customer__customer_number="15555").first().errand
    tenant_pages = [
        ("overview", reverse("customer:overview")),
        ("invoices", reverse("invoices:list")),
        ("invoice", reverse("invoices:detail", args=[notice.number])),
        ("errands", reverse("faults:errands")),
        ("errand", reverse("faults:errand", args=[errand.pk])),
        ("documents", reverse("documents:list")),
        ("temporary addresses", reverse("addresses:list")),
        ("contact details", reverse("contacts:details")),
    ]
    staff = create_linked_account(
        email="staff@example.se", password="Bench-password-2", customer_number="", is_staff=True
    )
    TOTP.activate(staff, generate_totp_secret())
    work_order = ErrandRow.objects.order_by("pk").first()
    staff_pages = [
        ("queue", reverse("staff:queue")),
        ("queue, free text", reverse("staff:queue") + "?text=kyl"),
        ("work order", reverse("staff:work_order", args=[work_order.pk])),
    ]

    print(f"{'page':<28} {'cold':>5} {'warm':>5} {'median ms':>10} {'p90 ms':>8} {'bytes':>8}")
    print("-" * 68)
    for who, user, pages in (("tenant", tenant, tenant_pages), ("staff", staff, staff_pages)):
        client = Client()
        client.force_login(user)
        for name, url in pages:
            cold, warm, median, p90, size = measure(client, calls, url, args.rounds)
            print(f"{who + ': ' + name:<28} {cold:>5} {warm:>5} {median:>10.1f} {p90:>8.1f} {size:>8}")
    server.terminate()


if __name__ == "__main__":
    main()
