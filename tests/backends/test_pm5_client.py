"""The PM5 client against the sandbox over real HTTP."""

import logging

import pytest

from apps.backends.errors import BackendNotFound, BackendSessionExpired, BackendUnavailable
from apps.backends.pm5 import SessionParts, get_client

pytestmark = pytest.mark.integration

EVERYTHING = SessionParts(
    customer=True,
    contact_details=True,
    economy=True,
    notices=True,
    temporary_addresses=True,
    documents=True,
    errands=True,
    errand_rows=True,
    objects=True,
    maintenance=True,
    meter_data=True,
)


def test_it_opens_a_session_and_reads_the_customer(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    session = client.get_session(key, EVERYTHING)
    assert session.customer.customer_number == live_sandbox.alice.number
    assert session.customer.first_name
    assert session.economy.notices, "demo customer 1 has a year of notices"
    assert session.errands, "demo customer 1 has errands"
    assert any(o.can_report_fault for o in session.objects)
    assert session.temporary_addresses is not None
    assert session.contact_details


def test_it_checks_the_personnummer_when_given(live_sandbox):
    client = get_client()
    assert client.open_session(customer_number=live_sandbox.alice.number, personnummer=live_sandbox.alice.personnummer)
    with pytest.raises(BackendNotFound):
        client.open_session(customer_number=live_sandbox.alice.number, personnummer=live_sandbox.bob.personnummer)


def test_an_unknown_customer_is_not_found(live_sandbox):
    with pytest.raises(BackendNotFound):
        get_client().open_session(customer_number="99999999")


def test_it_asks_only_for_the_parts_it_needs(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    session = client.get_session(key, SessionParts(customer=True))
    assert session.customer is not None
    assert session.economy is None
    assert session.errands is None
    assert session.objects is None


def test_it_reports_an_unknown_key_as_expired(live_sandbox):
    with pytest.raises(BackendSessionExpired):
        get_client().get_session("not-a-real-key", SessionParts())


def test_it_reports_an_unreachable_backend_as_unavailable(settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    with pytest.raises(BackendUnavailable):
        get_client().open_session(customer_number="15555")


def test_it_reports_a_failing_backend_as_unavailable(live_sandbox):
    from apps.sandbox.models import SandboxBehaviour

    SandboxBehaviour.objects.update_or_create(pk=1, defaults={"outage": True})
    with pytest.raises(BackendUnavailable):
        get_client().open_session(customer_number=live_sandbox.alice.number)


def test_the_session_key_never_reaches_a_log_line(live_sandbox, caplog):
    caplog.set_level(logging.DEBUG)
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    client.get_session(key, SessionParts())
    with pytest.raises(BackendSessionExpired):
        client.get_session(key + "x", SessionParts())
    assert key not in caplog.text
