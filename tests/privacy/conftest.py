"""Fixtures of the privacy tests: alice with something of everything the portal keeps, and carol,
another tenant with the same kinds of things, who must never show up in alice's export or lose anything."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts.models import LinkAttempt, PendingLink
from apps.accounts.services import create_linked_account
from apps.contacts.models import EmailChange
from apps.faults.models import FaultReport
from apps.faults.services import photos
from tests.contacts.conftest import reauthenticated  # noqa: F401
from tests.faults.conftest import _photos_in_a_temporary_folder, deliveries, image_bytes, upload, wizard  # noqa: F401


@dataclass(frozen=True)
class Held:
    draft: FaultReport
    queued: FaultReport
    delivered: FaultReport


def keep_something_of_everything(user, customer_number: str, words: str) -> Held:
    """A draft with a photo, a queued report, a delivered one, an e-mail change, a link code and an attempt."""
    draft = FaultReport.objects.create(user=user, customer_number=customer_number, description=f"{words} utkast")
    photos.add(draft, [upload("kran.png", image_bytes("PNG", size=(40, 30)))])
    queued = FaultReport.objects.create(
        user=user,
        customer_number=customer_number,
        description=f"{words} i kön",
        status=FaultReport.Status.QUEUED,
        next_attempt_at=timezone.now() + timedelta(hours=1),
    )
    photos.add(queued, [upload("golv.png", image_bytes("PNG", size=(40, 30)))])
    delivered = FaultReport.objects.create(
        user=user,
        customer_number=customer_number,
        description=f"{words} levererad",
        status=FaultReport.Status.DELIVERED,
        errand_number="R-2612-0042",
        delivered_at=timezone.now(),
    )
    EmailChange.objects.create(user=user, customer_number=customer_number, email=f"{words}@nytt.example")
    PendingLink.objects.create(
        user=user,
        customer_number=customer_number,
        channel="email",
        masked_address="k***@example.se",
        code_hash="c0de" * 16,
        expires_at=timezone.now(),
    )
    LinkAttempt.objects.create(
        user=user, customer_number=customer_number, outcome="linked", ip="192.0.2.7", personnummer_hash="feed" * 16
    )
    return Held(draft=draft, queued=queued, delivered=delivered)


@pytest.fixture
def carol(db):
    return create_linked_account(email="carol@example.se", password="Carol-password-1", customer_number="20002")


@pytest.fixture
def alices_things(alice) -> Held:
    return keep_something_of_everything(alice, alice.customer_link.customer_number, "alice")


@pytest.fixture
def carols_things(carol) -> Held:
    return keep_something_of_everything(carol, "20002", "carol")
