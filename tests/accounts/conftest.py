"""Fixtures of the accounts tests: signup input, and no backend unless a test brings one."""

from unittest import mock

import pytest

from apps.accounts.contacts_on_file import EMAIL, SMS, Contact
from apps.accounts.services import CustomerMismatch
from apps.accounts.sms import LocmemSmsSender

# What the landlord holds for customer 20001: where the code goes, never to what was typed.
LANDLORD_EMAIL = Contact(EMAIL, "karin.berg@example.se")
LANDLORD_MOBILE = Contact(SMS, "070-174 06 67")

# Tolvan Tolvansson, Skatteverket's test person: a valid personnummer that belongs to nobody.
PERSONNUMMER = "19121212-1212"
PERSONNUMMER_12 = "191212121212"


@pytest.fixture(autouse=True)
def _unreachable_backend(settings, unreachable):
    """PM5 refuses connections, so no test talks to a sandbox by accident (live_sandbox overrides this)."""
    settings.PM5_BASE_URL = f"{unreachable}/pm5"


@pytest.fixture
def signup_data() -> dict:
    return {
        "customer_number": "20001",
        "personnummer": PERSONNUMMER,
        "email": "carl@example.se",
        "password1": "Grön-tomat-på-balkongen",
        "password2": "Grön-tomat-på-balkongen",
    }


@pytest.fixture
def backend_confirms():
    """The backend says the customer number and the personnummer belong together; it has an e-mail on file."""
    with mock.patch("apps.accounts.services.verify_customer", return_value=LANDLORD_EMAIL) as verify:
        yield verify


@pytest.fixture
def backend_refuses():
    """The backend says the customer number and the personnummer do not belong together."""
    with mock.patch("apps.accounts.services.verify_customer", side_effect=CustomerMismatch) as verify:
        yield verify


@pytest.fixture
def sms_outbox():
    """The text messages sent, as (to, text), like mail.outbox."""
    LocmemSmsSender.outbox.clear()
    yield LocmemSmsSender.outbox
    LocmemSmsSender.outbox.clear()
