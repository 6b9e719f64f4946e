"""Fixtures of the fault-report tests: logged-in tenants, photos of every kind, and the outbox.

The integration tests also run on the production path (PostgreSQL, Redis, a real
Celery worker outside the test process): there a delivery happens in the
worker, so tests wait for it with ``deliveries.wait`` instead of assuming it is done.
"""

import io
import time

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from apps.faults.models import FaultReport
from apps.faults.services import delivery

FREEZER_PATH = "n245612-n512431-n188452-n422831"  # the seed's own example walk


@pytest.fixture(autouse=True)
def _photos_in_a_temporary_folder(settings, tmp_path):
    # On the production path the worker reads the photos too: keep the shared PORTAL_VAR_DIR there.
    if settings.CELERY_TASK_ALWAYS_EAGER:
        settings.MEDIA_ROOT = tmp_path / "media"


def set_behaviour(**fields) -> None:
    from apps.sandbox.models import SandboxBehaviour

    SandboxBehaviour.objects.update_or_create(pk=SandboxBehaviour.SINGLETON_PK, defaults=fields)


def jpeg_with_gps(size=(800, 600)) -> bytes:
    """A phone photo: camera make and model, and where it was taken."""
    image = Image.new("RGB", size, (120, 160, 200))
    exif = image.getexif()
    exif[ExifTags.Base.Make] = "Telefon"
    exif[ExifTags.Base.Model] = "Modell 15"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (60.0, 40.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (17.0, 8.0, 45.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def image_bytes(kind: str, size=(400, 300), mode="RGB") -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    image = Image.new(mode, size, (200, 80, 40, 128)[: len(mode)])
    out = io.BytesIO()
    image.save(out, format=kind)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


class Wizard:
    """Walks the wizard as a browser without JavaScript does: GET a step, POST its form, follow the redirect."""

    def __init__(self, client):
        self.client = client
        self.report: FaultReport | None = None

    def url(self, name: str, *args) -> str:
        return reverse(f"faults:{name}", args=[self.report.public_id, *args])

    def start(self):
        response = self.client.post(reverse("faults:start"))
        assert response.status_code == 302, response.content
        self.report = FaultReport.objects.filter(status=FaultReport.Status.DRAFT).latest("created_at")
        return response

    def walk_to_freezer(self):
        """The seed's example: Lägenhet → Kök → Kyl/Frys → Frys - Standard."""
        for level, node in enumerate(FREEZER_PATH.split("-")[1:], start=1):
            response = self.client.post(self.url("place", level), {"node": node})
            assert response.status_code == 302, response.content
        return response

    def answer_all(self, *, photo: bytes | None = None):
        self.start()
        self.client.post(self.url("object"), {"object": "n245612"})
        self.walk_to_freezer()
        self.report.refresh_from_db()
        fault_type = self.report.catalogue["fault_types"][FREEZER_PATH][0]["value"]
        self.client.post(self.url("fault"), {"fault_type": fault_type, "description": "Frysen håller inte kylan."})
        key = self.report.catalogue["key_handling"]["n245612"][0]["value"]
        self.client.post(self.url("access"), {"key_handling": key, "key_note": "", "has_pets": "no"})
        self.client.post(self.url("contact"), {"contact": "customer"})
        if photo:
            self.client.post(self.url("photos"), {"photos": upload("frys.jpg", photo)})
        response = self.client.post(self.url("photos"), {"done": "1"})
        assert response["Location"] == self.url("check"), "every answer is in"
        self.report.refresh_from_db()
        return self.report

    def submit(self):
        return self.client.post(self.url("submit"))


@pytest.fixture
def wizard(logged_in, live_sandbox) -> Wizard:
    return Wizard(logged_in)


class Deliveries:
    """Waits for the outbox, eager (done already) or in a real worker."""

    def wait(self, report: FaultReport, status=FaultReport.Status.DELIVERED, timeout: float = 60.0) -> FaultReport:
        deadline = time.monotonic() + timeout
        while True:
            report.refresh_from_db()
            if report.status == status:
                return report
            if time.monotonic() > deadline:
                raise AssertionError(f"report still {report.status} (attempts {report.attempts}) after {timeout} s")
            time.sleep(0.2)

    def wait_for_attempt(self, report: FaultReport, timeout: float = 60.0) -> FaultReport:
        """Until delivery was tried and the report put back: an attempt, or a call PM5's open breaker
        refused (no attempt, but first_attempt_at is set)."""
        deadline = time.monotonic() + timeout
        while True:
            report.refresh_from_db()
            if report.first_attempt_at is not None and report.lease_until is None:
                return report
            if time.monotonic() > deadline:
                raise AssertionError(f"no attempt within {timeout} s")
            time.sleep(0.2)

    def time_passes(self, report: FaultReport) -> int:
        """The backoff is over: the report is due again, and the sweep (beat, in production) queues it."""
        FaultReport.objects.filter(pk=report.pk).update(next_attempt_at=report.submitted_at)
        return delivery.sweep()


@pytest.fixture
def deliveries() -> Deliveries:
    return Deliveries()


def real_worker() -> bool:
    return not django_settings.CELERY_TASK_ALWAYS_EAGER
