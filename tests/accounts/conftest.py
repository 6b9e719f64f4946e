"""Fixtures of the accounts tests: signup input, and no backend unless a test brings one."""

from unittest import mock

import pytest

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
    """The backend says the customer number and the personnummer belong together."""
    with mock.patch("apps.accounts.services.verify_customer", return_value=True) as verify:
        yield verify


@pytest.fixture
def backend_refuses():
    """The backend says the customer number and the personnummer do not belong together."""
    with mock.patch("apps.accounts.services.verify_customer", return_value=False) as verify:
        yield verify
