"""The permanent addresses beside the temporary ones: kept with the page's content, never stale, never a round trip too many.

The page's content is kept per process ({% kept %}) under the session data, today and the
permanent addresses' digest; the addresses are read with the session data, in one cache read
when both are cached and asked beside it when neither is.
"""

from dataclasses import replace

import pytest
from django.core.cache import cache
from django.urls import reverse

from apps.addresses import services
from apps.backends.errors import BackendUnavailable
from apps.customer.services import SESSION_KEY_NAME, CachedSession, CustomerSession
from apps.customer.templatetags.kept_pages import kept_pages
from tests.addresses.conftest import POSTAL
from tests.conftest import CallsInFlight

LIST = reverse("addresses:list")
UNAVAILABLE = "Vi kan inte visa din vanliga adress just nu."
PERMANENT_CALL = r"/session/[^/]+/kund/adresser/"


@pytest.fixture
def session_data(session_data):
    """alice's session data as the cache gives it, with its digest: the page's content is kept."""
    return CachedSession.packing(session_data)


@pytest.fixture(autouse=True)
def nothing_kept():
    kept_pages.clear()


def permanent_addresses_expire(customer_number: str) -> None:
    """As after CUSTOMER_SESSION_CACHE_SECONDS: the next page reads them from the backend."""
    cache.delete(services._cache_key(customer_number))


def kept_addresses_pages() -> list[str]:
    return [html for key, html in kept_pages.items() if key[0] == "addresses"]


def test_a_changed_permanent_address_shows_on_the_next_page(logged_in, alice, backend):
    backend.permanent = (POSTAL,)
    logged_in.get(LIST)
    assert "Storgatan 16" in logged_in.get(LIST).text
    assert len(kept_addresses_pages()) == 1, "the content is kept"

    backend.permanent = (replace(POSTAL, street="Kyrkogatan 3"),)
    permanent_addresses_expire(alice.customer_link.customer_number)
    page = logged_in.get(LIST).text

    assert "Kyrkogatan 3" in page and "Storgatan 16" not in page
    assert "Strandvägen 4" in page, "the temporary addresses as before"


def test_permanent_addresses_the_backend_cannot_give_are_unavailable_and_never_kept(logged_in, alice, backend):
    backend.permanent = (POSTAL,)
    logged_in.get(LIST)  # kept with the addresses
    permanent_addresses_expire(alice.customer_link.customer_number)
    backend.error = BackendUnavailable("PM5 get customer addresses: 503")

    for _ in range(2):
        response = logged_in.get(LIST)
        assert response.status_code == 200
        assert UNAVAILABLE in response.text and "Storgatan 16" not in response.text
        assert "Strandvägen 4" in response.text, "the rest of the page as usual"
    assert not any(UNAVAILABLE in html for html in kept_addresses_pages())

    backend.error = None
    page = logged_in.get(LIST).text
    assert "Storgatan 16" in page and UNAVAILABLE not in page


def test_the_ended_addresses_are_never_kept(logged_in, backend):
    logged_in.get(LIST + "?avslutade=1")
    logged_in.get(LIST + "?avslutade=1")
    assert kept_addresses_pages() == []
    assert backend.calls_to("temporary_addresses") == [True, True], "read anew each time"


# --- round trips, against the live sandbox -----------------------------------------------------------


def going_cold(client, customer_number: str, calls: CallsInFlight) -> None:
    """A backend session key, as after login, neither the session data nor the permanent addresses cached."""
    client.get(LIST)
    CustomerSession(None, customer_number).forget()
    permanent_addresses_expire(customer_number)
    calls.reset()


@pytest.mark.integration
def test_the_cold_page_asks_for_the_session_data_and_the_permanent_addresses_at_once(
    logged_in, live_sandbox, pm5_in_flight
):
    going_cold(logged_in, live_sandbox.alice.number, pm5_in_flight)

    response = logged_in.get(LIST)

    assert response.status_code == 200 and "Besöksadress" in response.text
    key = logged_in.session[SESSION_KEY_NAME]
    assert sorted(pm5_in_flight.paths()) == [f"GET /session/{key}", f"GET /session/{key}/kund/adresser/"]
    assert pm5_in_flight.most == 2, "the two calls were under way together: one round trip"


@pytest.mark.integration
def test_the_cold_page_without_its_permanent_addresses_says_so(logged_in, live_sandbox, pm5_in_flight):
    going_cold(logged_in, live_sandbox.alice.number, pm5_in_flight)
    pm5_in_flight.fail = (PERMANENT_CALL,)

    response = logged_in.get(LIST)

    assert response.status_code == 200
    assert UNAVAILABLE in response.text and "Strandvägen 4" in response.text


@pytest.mark.integration
def test_the_cold_page_without_its_session_data_is_the_calm_page(logged_in, live_sandbox, pm5_in_flight):
    going_cold(logged_in, live_sandbox.alice.number, pm5_in_flight)
    pm5_in_flight.fail = (CallsInFlight.SESSION_DATA,)

    response = logged_in.get(LIST)

    assert response.status_code == 503
    assert "Vi kan inte visa dina adresser just nu" in response.text


@pytest.mark.integration
def test_the_warm_page_reads_the_session_data_and_the_permanent_addresses_in_one_cache_read(
    logged_in, live_sandbox, backend_calls, cache_reads
):
    logged_in.get(LIST)  # both cached
    cache_reads.clear()
    backend_calls.reset()

    assert "Besöksadress" in logged_in.get(LIST).text

    of_the_page = ("customer-session-parts:", "customer-addresses")
    ours = [keys for keys in cache_reads if any(key.startswith(of_the_page) for key in keys)]
    assert len(ours) == 1, ours
    assert all(any(key.startswith(prefix) for key in ours[0]) for prefix in of_the_page), ours
    assert len(backend_calls) == 0
