"""An errand's page and photo, cold: the session data and the errand asked at once, never another tenant's shown."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from apps.customer.services import SESSION_KEY_NAME, CustomerSession
from tests.conftest import CallsInFlight
from tests.faults.test_errands import ERRANDS, alices_errand_with_photo, errand_url

ERRAND_CALL = r"/session/[^/]+/arende/\d+"


def cold(customer_number: str) -> None:
    """The tenant's session data no longer cached, as after CUSTOMER_SESSION_CACHE_SECONDS."""
    CustomerSession(None, customer_number).forget()


def going_cold(client, customer_number: str, calls) -> None:
    """A backend session key, as after login, no session data cached, and the calls counted from now."""
    client.get(ERRANDS)
    cold(customer_number)
    calls.reset()


def everything_cached() -> bytes:
    """Every value in the cache, as stored (pickled), to look for what must not be there."""
    store = getattr(cache, "_cache", None)
    if isinstance(store, dict):  # locmem
        return b"".join(store.values())
    client = cache._cache.get_client(None, write=False)  # Redis
    return b"".join(client.get(key) or b"" for key in client.scan_iter(f"{cache.key_prefix}*"))


@pytest.mark.integration
def test_the_cold_errand_page_asks_for_the_session_data_and_the_errand_at_once(logged_in, live_sandbox, pm5_in_flight):
    errand_id, _, _ = alices_errand_with_photo()
    going_cold(logged_in, live_sandbox.alice.number, pm5_in_flight)

    response = logged_in.get(errand_url(errand_id))

    assert response.status_code == 200
    key = logged_in.session[SESSION_KEY_NAME]
    assert sorted(pm5_in_flight.paths()) == [f"GET /session/{key}", f"GET /session/{key}/arende/{errand_id}"]
    assert pm5_in_flight.most == 2, "the two calls were under way together: one round trip"


@pytest.mark.integration
def test_the_warm_errand_page_makes_one_call(logged_in, live_sandbox, pm5_in_flight):
    errand_id, _, _ = alices_errand_with_photo()
    logged_in.get(ERRANDS)  # the session data, now cached
    pm5_in_flight.reset()

    assert logged_in.get(errand_url(errand_id)).status_code == 200
    assert len(pm5_in_flight.calls) == 1 and "/arende/" in pm5_in_flight.calls[0][1]


@pytest.mark.integration
def test_both_cold_calls_share_one_session_key(logged_in, live_sandbox, pm5_in_flight):
    errand_id, _, _ = alices_errand_with_photo()
    cold(live_sandbox.alice.number)
    session = logged_in.session
    session.pop(SESSION_KEY_NAME, None)  # no key yet: opened once, before either call goes out
    session.save()
    pm5_in_flight.reset()

    assert logged_in.get(errand_url(errand_id)).status_code == 200

    methods = [method for method, _ in pm5_in_flight.calls]
    assert methods == ["POST", "GET", "GET"], "one key, opened first"
    key = logged_in.session[SESSION_KEY_NAME]
    assert all(f"/session/{key}" in url for _, url in pm5_in_flight.calls[1:])


@pytest.mark.integration
def test_an_expired_key_is_renewed_once_for_both_cold_calls(logged_in, live_sandbox, pm5_in_flight):
    errand_id, _, _ = alices_errand_with_photo()
    cold(live_sandbox.alice.number)
    session = logged_in.session
    session[SESSION_KEY_NAME] = "expired-key"
    session.save()
    pm5_in_flight.reset()

    response = logged_in.get(errand_url(errand_id))

    assert response.status_code == 200
    assert [method for method, _ in pm5_in_flight.calls].count("POST") == 1, "one new key for both"
    assert logged_in.session[SESSION_KEY_NAME] != "expired-key"


@pytest.mark.integration
def test_another_tenants_errand_is_not_found_cold_and_nothing_of_it_is_kept(
    client, alice, bob, live_sandbox, pm5_in_flight
):
    from apps.sandbox.models import Errand

    errand_id, _, _ = alices_errand_with_photo()
    alices = Errand.objects.get(pk=errand_id)
    client.force_login(bob)
    going_cold(client, live_sandbox.bob.number, pm5_in_flight)

    response = client.get(errand_url(errand_id))

    assert response.status_code == 404
    assert alices.number not in response.text
    assert len(pm5_in_flight.calls) == 2, "bob's session data, and the errand beside it"
    cached = everything_cached()
    assert live_sandbox.bob.number.encode() in cached, "bob's own session data is, so the search finds what is there"
    assert alices.number.encode() not in cached, "nothing of alice's errand is cached"
    # And warm, it costs no call at all.
    pm5_in_flight.reset()
    assert client.get(errand_url(errand_id)).status_code == 404
    assert pm5_in_flight.calls == []


@pytest.mark.integration
@pytest.mark.parametrize("failing", [ERRAND_CALL, CallsInFlight.SESSION_DATA])
def test_either_cold_call_failing_shows_the_calm_page(logged_in, live_sandbox, pm5_in_flight, failing):
    errand_id, _, _ = alices_errand_with_photo()
    going_cold(logged_in, live_sandbox.alice.number, pm5_in_flight)
    pm5_in_flight.fail = (failing,)

    response = logged_in.get(errand_url(errand_id))

    assert response.status_code == 503
    assert "Vi kan inte visa dina ärenden just nu" in response.text
    assert "Traceback" not in response.text


@pytest.mark.integration
def test_another_tenants_errand_is_not_found_even_when_its_call_fails(client, alice, bob, live_sandbox, pm5_in_flight):
    errand_id, _, _ = alices_errand_with_photo()
    client.force_login(bob)
    going_cold(client, live_sandbox.bob.number, pm5_in_flight)
    pm5_in_flight.fail = (ERRAND_CALL,)

    assert client.get(errand_url(errand_id)).status_code == 404, "what the errand's call did is not looked at"


@pytest.mark.integration
def test_the_cold_photo_asks_for_the_session_data_and_the_photo_at_once(logged_in, live_sandbox, pm5_in_flight):
    errand_id, row_id, file_id = alices_errand_with_photo()
    going_cold(logged_in, live_sandbox.alice.number, pm5_in_flight)

    response = logged_in.get(reverse("faults:errand_photo", args=[errand_id, row_id, file_id]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert len(pm5_in_flight.calls) == 2 and pm5_in_flight.most == 2


@pytest.mark.integration
def test_another_tenants_photo_is_not_found_cold(client, alice, bob, live_sandbox, pm5_in_flight):
    errand_id, row_id, file_id = alices_errand_with_photo()
    client.force_login(bob)
    going_cold(client, live_sandbox.bob.number, pm5_in_flight)

    response = client.get(reverse("faults:errand_photo", args=[errand_id, row_id, file_id]))

    assert response.status_code == 404
    assert b"PNG" not in response.content
