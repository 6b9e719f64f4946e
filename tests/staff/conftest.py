"""Staff personas: a staff member with TOTP (may use /personal/), and the FAST2 sandbox over HTTP."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret


@pytest.fixture
def staff_with_totp(staff):
    TOTP.activate(staff, generate_totp_secret())
    return staff


@pytest.fixture
def staff_client(client, staff_with_totp):
    client.force_login(staff_with_totp)
    return client


def a_row(status: str):
    """A demo work order in the given status (read from the sandbox's tables, as a test may)."""
    from apps.sandbox.models import ErrandRow

    return ErrandRow.objects.filter(status=status, errand__rows__isnull=False).order_by("pk").first()
