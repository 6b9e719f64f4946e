"""Fixtures of the address tests: alice's session data and a backend that only records, for
the tests that need no live sandbox; the live ones use live_sandbox from tests/conftest.py."""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.utils import timezone

from apps.backends.pm5.addresses_types import CustomerAddress
from apps.backends.pm5.types import CustomerInfo, PortalSession, TemporaryAddress
from apps.customer.services import CustomerSession
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


# alice's addresses in the recorded backend: one that applies now, one to come.
CURRENT = temporary(501, days(-20), days(10))
UPCOMING = temporary(502, days(40), days(60), street="Sjövägen 8")


@dataclass
class RecordingBackend:
    """Stands in for the PM5 client: records each call, answers or raises as told."""

    calls: list[tuple[str, object]] = field(default_factory=list)
    error: Exception | None = None
    addresses: tuple[TemporaryAddress, ...] = ()
    permanent: tuple[CustomerAddress, ...] = ()

    def _record(self, name: str, argument: object = None):
        self.calls.append((name, argument))
        if self.error is not None:
            raise self.error

    def save_temporary_address(self, key, address):
        self._record("save_temporary_address", address)

    def temporary_addresses(self, key, *, include_ended=False):
        self._record("temporary_addresses", include_ended)
        return self.addresses

    def customer_addresses(self, key):
        self._record("customer_addresses")
        return self.permanent

    def change_contact_details(self, key, change):
        self._record("change_contact_details", change)


@pytest.fixture
def session_data() -> PortalSession:
    return PortalSession(
        customer=CustomerInfo(first_name="Kalle", last_name="Andersson", customer_number="15555"),
        contact_details=(),
        economy=None,
        temporary_addresses=(CURRENT, UPCOMING),
        documents=None,
        errands=None,
        objects=None,
    )


@pytest.fixture
def backend(monkeypatch, session_data) -> RecordingBackend:
    """alice's session data is known (as if cached) and every backend operation is recorded."""
    recorder = RecordingBackend()
    monkeypatch.setattr(CustomerSession, "data", lambda self, parts=None: session_data)
    monkeypatch.setattr(CustomerSession, "call", lambda self, operation: operation(recorder, "session-key"))
    return recorder


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client
