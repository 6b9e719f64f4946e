"""The landlord as payee, and demo customer 1's notices read straight from the sandbox's tables."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

LANDLORD_NAME = "Bostads AB Tallbacken"  # the sandbox's demo company (apps/sandbox/demo/catalogue.py)
LANDLORD_ORGANISATION_NUMBER = "556677-8899"


@pytest.fixture(autouse=True)
def landlord(settings):
    """The payee of the QR code, as the lead's settings give it (LANDLORD_NAME, LANDLORD_ORGANISATION_NUMBER)."""
    settings.LANDLORD_NAME = LANDLORD_NAME
    settings.LANDLORD_ORGANISATION_NUMBER = LANDLORD_ORGANISATION_NUMBER
    return settings


@pytest.fixture
def logged_in_alice(client, alice, live_sandbox):
    client.force_login(alice)
    return client


class Notices:
    """Demo customer 1's notices in the sandbox, one per case the demo shows."""

    def __init__(self, customer_number: str):
        from apps.sandbox.models import Notice

        self.all = list(
            Notice.objects.filter(customer__customer_number=customer_number).prefetch_related(
                "payments", "periods__rows", "distributions"
            )
        )
        self.today = timezone.localdate()

    def avis(self):
        return [n for n in self.all if n.kind == "Avi"]

    def invoices(self):
        return [n for n in self.all if n.kind == "Faktura"]

    def paid(self):
        return next(n for n in self.avis() if n.remaining == 0 and n.due_date >= self.today - timedelta(days=200))

    def partly_paid(self):
        return next(n for n in self.avis() if 0 < n.paid < n.gross)

    def overdue(self):
        return next(n for n in self.avis() if not n.paid and n.due_date < self.today and not self.collected(n))

    def debt_collection(self):
        return next(n for n in self.all if self.collected(n) and n.remaining > 0)

    def credit(self):
        return next(n for n in self.invoices() if n.gross < 0)

    def repair(self):
        return next(n for n in self.invoices() if n.vat > 0 and n.remaining > 0)

    def several_periods(self):
        return next(n for n in self.avis() if len({p.period_start for p in n.periods.all()}) > 1)

    def older_than(self, months: int):
        from apps.sandbox.dates import add_months

        cutoff = add_months(self.today, -months)
        return next(n for n in self.all if n.due_date < cutoff)

    @staticmethod
    def collected(notice) -> bool:
        return any(p.sent_to_collection_on for p in notice.periods.all())


@pytest.fixture
def notices(live_sandbox) -> Notices:
    return Notices(live_sandbox.alice.number)


@pytest.fixture
def bobs_notice(live_sandbox):
    from apps.sandbox.models import Notice

    return Notice.objects.filter(customer__customer_number=live_sandbox.bob.number).order_by("-due_date").first()


def detail_url(number: str, **query) -> str:
    url = reverse("invoices:detail", args=[number])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def yyyymmdd(day: date) -> str:
    return f"{day:%Y%m%d}"
