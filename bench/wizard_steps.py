"""Backend calls and htmx bytes per step of the fault-report wizard.

    .venv/bin/python bench/wizard_steps.py

Builds the small demo company in a throwaway SQLite database, serves the sandbox
on a local port, and walks the wizard as demo customer 15555 would, to the seed's
freezer (n245612-n512431-n188452-n422831), with one photo. For every step it
counts the HTTP calls the portal makes to PM5:

* forward: the step's POST and the GET of the page it leads to (at most 1);
* back: the step's page again, as the back link or a breadcrumb asks for it (0);

and the bytes of the step as htmx swaps it in (the partial, not the page).
Delivery is counted apart: it happens in a Celery worker, not in a request.
"""

import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["PORTAL_VAR_DIR"] = tempfile.mkdtemp(prefix="bench-wizard-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from backend_calls import Calls  # noqa: E402  (bench/ is the script's folder on sys.path)
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.testcases import LiveServerThread, _StaticFilesHandler  # noqa: E402
from django.urls import reverse  # noqa: E402
from PIL import Image  # noqa: E402

FREEZER = ["n512431", "n188452", "n422831"]
HTMX = {"HX-Request": "true"}


def main() -> None:
    call_command("migrate", verbosity=0)
    from apps.accounts.services import create_linked_account
    from apps.faults.models import FaultReport
    from apps.faults.services import delivery
    from apps.sandbox.demo import build_demo

    build_demo(size="small")
    server = LiveServerThread("127.0.0.1", _StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    settings.PM5_BASE_URL = f"http://127.0.0.1:{server.port}/sandbox/pm5"
    settings.MEDIA_ROOT = Path(os.environ["PORTAL_VAR_DIR"]) / "media"
    queued = []
    delivery._enqueue = lambda report_id, language: queued.append(report_id)  # the worker's part, counted apart

    user = create_linked_account(email="bench@example.se", password="Bench-password-1", customer_number="15555")
    client = Client()
    client.force_login(user)
    calls = Calls()
    rows: list[tuple[str, int, None, int | None]] = []

    overview, _ = calls.during(lambda: client.get(reverse("customer:overview")))
    rows.append(("overview (the tenant comes from here)", overview, None, None))

    def step(name: str, url: str, data: dict | None, files: dict | None = None, htmx: bool = True) -> str:
        """POST the step, GET where it leads (as htmx swaps it in, or as a whole page); returns that URL."""

        def forward():
            response = client.post(url, {**(data or {}), **(files or {})})
            assert response.status_code == 302, (name, response.status_code)
            return response["Location"]

        used, location = calls.during(forward)
        get_calls, page = calls.during(lambda: client.get(location, headers=HTMX if htmx else {}))
        rows.append((name, used + get_calls, None, len(page.content)))
        return location

    start_url = reverse("faults:start")
    location = step("start → which object", start_url, {})
    report = FaultReport.objects.get(user=user)
    location = step("object → place, level 1", location, {"object": "n245612"})
    for level, node in enumerate(FREEZER, start=1):
        location = step(
            f"place, level {level} → {'level ' + str(level + 1) if level < 3 else 'fault'}", location, {"node": node}
        )
    report.refresh_from_db()
    fault_type = report.catalogue["fault_types"][report.node_path][0]["value"]
    key = report.catalogue["key_handling"]["n245612"][0]["value"]
    location = step("fault → access", location, {"fault_type": fault_type, "description": "Frysen kyler inte."})
    location = step("access → contact", location, {"key_handling": key, "has_pets": "no"})
    location = step("contact → photos", location, {"contact": "customer"})
    photo = io.BytesIO()
    Image.new("RGB", (3000, 2000), (120, 160, 200)).save(photo, format="JPEG")
    photo.seek(0)
    photo.name = "frys.jpg"
    step("photos: add one (3000×2000 JPEG)", location, {}, {"photos": photo})
    location = step("photos → check", location, {"done": "1"})
    # Submitting is a whole-page POST: the receipt is a page of its own, not a step.
    step("check → submit → receipt (whole page)", reverse("faults:submit", args=[report.public_id]), {}, htmx=False)

    worker_calls, _ = calls.during(lambda: [delivery.deliver(report_id) for report_id in queued])
    rows.append(("delivery, in the worker (session, create, read back)", worker_calls, None, None))

    # Back: every page again, as the back links and breadcrumbs lead (a fresh draft, same answers).
    FaultReport.objects.filter(pk=report.pk).update(status=FaultReport.Status.DRAFT)
    back_pages = [
        ("check", reverse("faults:check", args=[report.public_id])),
        ("photos", reverse("faults:photos", args=[report.public_id])),
        ("contact", reverse("faults:contact", args=[report.public_id])),
        ("access", reverse("faults:access", args=[report.public_id])),
        ("fault", reverse("faults:fault", args=[report.public_id])),
        *[(f"place, level {level}", reverse("faults:place", args=[report.public_id, level])) for level in (3, 2, 1)],
        ("object", reverse("faults:object", args=[report.public_id])),
    ]
    back = {}
    for name, url in back_pages:
        used, response = calls.during(lambda url=url: client.get(url, headers=HTMX))
        assert response.status_code == 200, (name, response.status_code)
        back[name] = used

    print(f"{'forward: step and the page it leads to':<56} {'calls':>5} {'htmx bytes':>10}")
    print("-" * 73)
    for name, forward, _, size in rows:
        print(f"{name:<56} {forward:>5} {'' if size is None else size:>10}")
    print()
    print(f"{'back: the page again (back link, breadcrumb)':<56} {'calls':>5}")
    print("-" * 62)
    for name, used in back.items():
        print(f"{name:<56} {used:>5}")
    server.terminate()


if __name__ == "__main__":
    main()
