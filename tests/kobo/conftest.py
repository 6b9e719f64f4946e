"""Kobo personas: the portal registered with the sandbox's Kobo, its copy filled by Kobo's own messages."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from apps.kobo.models import UnitCopy

ALICE_PASSWORD = "Alice-password-1"
KALLE_OBJECT = "142-043-01"  # alice's apartment: a lease without an agreed notice period (the law's)
ANNA_OBJECT = "142-041-01"  # bob's apartment: one month agreed


@pytest.fixture
def kobo_copy(in_process_tasks, live_sandbox):
    """Register the webhook key: the sandbox then delivers its waiting messages and the copy fills."""
    call_command("kobo_register_webhook")
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
