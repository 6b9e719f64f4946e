"""Kobo personas: the portal registered with the sandbox's Kobo, its copy filled by Kobo's own messages.

The integration tests also run on the production path (PostgreSQL, Redis, a real Celery
worker outside the test process): there the worker delivers the sandbox's webhook messages
to the live server, refreshes the units and takes notices to Kobo, so a test waits for the
outcome in the shared database (``kobo_caught_up``, ``notice_settles``) instead of assuming
it is done. With tasks run in-process it is done already and the wait returns at once.
"""

import time
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.urls import reverse

from apps.kobo.models import Notice, UnitCopy, WebhookMessage

ALICE_PASSWORD = "Alice-password-1"
KALLE_OBJECT = "142-043-01"  # alice's apartment: a lease without an agreed notice period (the law's)
ANNA_OBJECT = "142-041-01"  # bob's apartment: one month agreed


def wait_for[T](what: str, found: Callable[[], T | None], timeout: float = 60.0) -> T:
    """What ``found`` answers, once it answers something (not None, not False)."""
    deadline = time.monotonic() + timeout
    while True:
        if result := found():
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.2)


def kobo_caught_up(timeout: float = 60.0) -> None:
    """Until Kobo has delivered every message it holds for the portal and the portal has refreshed each unit.

    Checked in that order: once the sandbox has a message's answer, the portal has recorded it.
    """
    from apps.sandbox.models import KoboMessage, KoboWebhook

    def done() -> bool:
        receivers = list(KoboWebhook.objects.exclude(url="").values_list("system_id", flat=True))
        if KoboMessage.objects.filter(delivered_at=None, system_id__in=receivers).exists():
            return False
        return not WebhookMessage.objects.filter(processed_at=None).exists()

    wait_for("Kobo's messages delivered and every unit refreshed", done, timeout)


def notice_attempted(timeout: float = 60.0) -> Notice:
    """The test's one notice, once an attempt to take it to Kobo has ended (whatever came of it)."""
    return wait_for(
        "an attempt to take the notice to Kobo",
        lambda: Notice.objects.filter(attempts__gte=1, lease_until=None).first(),
        timeout,
    )


def notice_settles(timeout: float = 60.0) -> Notice:
    """The test's one notice, once nothing is on its way to Kobo: registered, refused or withdrawn."""
    return wait_for(
        "the notice registered, refused or withdrawn in Kobo",
        lambda: (
            Notice.objects.exclude(status__in=(Notice.Status.QUEUED, Notice.Status.WITHDRAWING))
            .filter(lease_until=None)
            .first()
        ),
        timeout,
    )


@pytest.fixture
def kobo_copy(live_sandbox):
    """Register the webhook key: the sandbox then delivers its waiting messages and the copy fills."""
    call_command("kobo_register_webhook")
    kobo_caught_up()
    assert UnitCopy.objects.filter(object_number=KALLE_OBJECT).exists()
    return live_sandbox


@pytest.fixture
def reauthenticated(logged_in):
    """Logged in, and the password given again just now (allauth's reauthentication)."""
    response = logged_in.post(reverse("account_reauthenticate"), {"password": ALICE_PASSWORD})
    assert response.status_code == 302
    return logged_in


@pytest.fixture
def staff_client(client, staff):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)
    return client


def sandbox_unit(object_number: str):
    from apps.sandbox.models import KoboUnit

    return KoboUnit.objects.get(supplier_id=object_number, deleted=False)
