"""Fixtures of the address tests: alice's session data and a backend that only records, for
the tests that need no live sandbox; the live ones use live_sandbox from tests/conftest.py."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from apps.backends.pm5.addresses_types import CustomerAddress
from apps.backends.pm5.codes import AddressKind
from apps.backends.pm5.types import CustomerInfo, PortalSession, TemporaryAddress
from tests.sandbox.conftest import pm5, settings_for_sandbox, small_demo  # noqa: F401  (for test_sandbox_*.py)


def today() -> date:
    return timezone.localdate()


def days(n: int) -> date:
    return today() + timedelta(days=n)


def temporary(address_id: int, start: date, end: date, street: str = "Strandvägen 4") -> TemporaryAddress:
    return TemporaryAddress(
        address_id=address_id,
        valid_from=start,
        valid_to=end,
        name="Kalle Andersson",
        care_of=None,
        attention=None,
        street=street,
        street2=None,
        postal_code="80426",
        city="Gävle",
        country="Sverige",
        country_code="SE",
    )


# alice's addresses in the recorded backend: one that applies now, one to come. Made when a test
# asks, not when this module is imported: a run that crosses midnight would hold yesterday's.
def current() -> TemporaryAddress:
    return temporary(501, days(-20), days(10))


def upcoming() -> TemporaryAddress:
    return temporary(502, days(40), days(60), street="Sjövägen 8")


# A permanent postal address, as the backend gives it (SessionAdresserGet).
POSTAL = CustomerAddress(
    kind=AddressKind.POSTAL,
    kind_label="Postadress",
    name="Kalle Andersson",
    care_of=None,
    attention=None,
    street="Storgatan 16",
    street2="Lgh 1101",
    postal_code="80426",
    city="Gävle",
    country="Sverige",
    country_code="SE",
    full_address=None,
    valid_from=None,
    valid_to=None,
)


@pytest.fixture
def session_data() -> PortalSession:
    return PortalSession(
        customer=CustomerInfo(first_name="Kalle", last_name="Andersson", customer_number="15555"),
        contact_details=(),
        economy=None,
        temporary_addresses=(current(), upcoming()),
        documents=None,
        errands=None,
        objects=None,
    )
