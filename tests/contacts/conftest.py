"""Fixtures of the contact-details tests: alice's details and a recording backend, a
password just given again, and the sandbox's own fixtures for its endpoint tests."""

import re

import pytest
from django.urls import reverse

from apps.backends.pm5.codes import ContactKind
from apps.backends.pm5.types import ContactDetail, CustomerInfo, PortalSession
from tests.sandbox.conftest import pm5, settings_for_sandbox, small_demo  # noqa: F401

ALICE_PASSWORD = "Alice-password-1"
LINK = re.compile(r"https?://[^/\s]+(/kontaktuppgifter/bekrafta/[^/\s]+/)")


def detail(kind: ContactKind, value: str) -> ContactDetail:
    return ContactDetail(kind=kind, label=None, value=value, verified=True)


@pytest.fixture
def session_data() -> PortalSession:
    return PortalSession(
        customer=CustomerInfo(first_name="Kalle", last_name="Andersson", customer_number="15555"),
        contact_details=(
            detail(ContactKind.EMAIL, "kalle.andersson@example.se"),
            detail(ContactKind.MOBILE, "070-174 06 18"),
            detail(ContactKind.PHONE, "08-465 004 63"),
        ),
        economy=None,
        temporary_addresses=(),
        documents=None,
        errands=None,
        objects=None,
    )


@pytest.fixture
def reauthenticated(logged_in):
    """Logged in, and the password given again just now (allauth's reauthentication)."""
    response = logged_in.post(reverse("account_reauthenticate"), {"password": ALICE_PASSWORD})
    assert response.status_code == 302
    return logged_in


def link_in(message: str) -> str:
    """The path of the confirmation link in an e-mail."""
    return LINK.search(message).group(1)
