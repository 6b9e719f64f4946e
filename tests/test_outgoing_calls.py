"""The suite's guard: a test talks only to servers its own fixtures started (tests/conftest.py)."""

import pytest
import requests


def test_a_call_to_an_address_no_fixture_started_fails_the_test(outgoing_calls):
    # The demo's address, which `make` exports: a test must never reach a demo running there.
    with pytest.raises(AssertionError, match="127.0.0.1:8000"):
        requests.get("http://127.0.0.1:8000/sandbox/pm5/session", timeout=1)
    assert outgoing_calls.refused == ["127.0.0.1:8000"]
    outgoing_calls.refused.clear()  # refused on purpose here; elsewhere it fails the test at teardown


def test_an_unreachable_backend_refuses_connections_at_once(unreachable):
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{unreachable}/pm5/session", timeout=1)


@pytest.mark.integration
def test_the_live_sandbox_is_allowed_for_every_backend(live_sandbox, settings, live_server):
    for url in (settings.PM5_BASE_URL, settings.FAST2_BASE_URL, settings.ERRANDS_BASE_URL):
        assert url.startswith(live_server.url)
    assert requests.get(f"{live_server.url}/sandbox/pm5/session/unknown", timeout=5).status_code == 401
