"""The portal with PM5 down or slow, over real HTTP to the sandbox: the breaker opens, pages stay calm.

No test times anything: that a page answered at once is shown by the breaker's
state and by no request reaching the backend while it is open.
"""

import pytest

from apps.backends.breaker import backend_states

pytestmark = pytest.mark.integration

# Every tenant page that reads PM5, and what it says while PM5 cannot answer.
CALM_PAGES = {
    "/": "Vi kan inte visa dina uppgifter just nu",
    "/fakturor/": "Vi kan inte visa dina fakturor just nu",
    "/dokument/": "Vi kan inte visa dina dokument just nu",
    "/arenden/": "Vi kan inte visa dina ärenden just nu",
    "/adresser/": "Vi kan inte visa dina adresser just nu",
    "/kontaktuppgifter/": "Vi kan inte visa dina kontaktuppgifter just nu",
}
# What every page has around its content: the menu and the footer.
REST_OF_THE_PAGE = ('aria-label="Huvudmeny"', 'href="/fakturor/"', 'class="site-footer"', 'href="/tillganglighet/"')


@pytest.fixture(autouse=True)
def _a_breaker_that_opens_after_two_failures(settings):
    settings.BACKEND_BREAKER_FAILURES = 2
    settings.BACKEND_BREAKER_COOLDOWN_SECONDS = 30


def open_the_breaker(logged_in) -> None:
    """Two failing page loads: the consecutive failures that open PM5's breaker."""
    for url in ("/", "/fakturor/"):
        assert logged_in.get(url).status_code == 503
    assert backend_states()["pm5"] == "open"


def assert_every_page_is_calm_without_asking_the_backend(logged_in, backend_calls) -> None:
    backend_calls.reset()
    for url, calm in CALM_PAGES.items():
        response = logged_in.get(url)
        page = response.content.decode()
        assert response.status_code == 503, url
        assert calm in page, url
        assert all(part in page for part in REST_OF_THE_PAGE), url
        assert "Traceback" not in page
    assert len(backend_calls) == 0, "an open breaker sends nothing to PM5"


def test_an_outage_opens_the_breaker_every_page_stays_calm_and_it_closes_after(
    logged_in, live_sandbox, sandbox_behaviour, backend_calls, breaker_clock
):
    sandbox_behaviour(outage=True)
    open_the_breaker(logged_in)

    assert_every_page_is_calm_without_asking_the_backend(logged_in, backend_calls)
    assert logged_in.get("/").headers["Retry-After"] == "30"

    sandbox_behaviour(outage=False)
    breaker_clock.skip(31)
    assert logged_in.get("/").status_code == 200, "the half-open probe finds PM5 back"
    assert backend_states()["pm5"] == "closed"
    assert logged_in.get("/fakturor/").status_code == 200


def test_a_backend_slower_than_the_read_timeout_is_treated_as_down(
    logged_in, live_sandbox, sandbox_behaviour, backend_calls, breaker_clock, settings
):
    settings.PM5_READ_TIMEOUT = 0.2
    sandbox_behaviour(latency_ms=500)
    open_the_breaker(logged_in)

    assert_every_page_is_calm_without_asking_the_backend(logged_in, backend_calls)

    sandbox_behaviour(latency_ms=0)
    # The sandbox may still be answering the slow requests it was sent: give it time to catch up.
    settings.PM5_READ_TIMEOUT = 10
    breaker_clock.skip(31)
    assert logged_in.get("/").status_code == 200
    assert backend_states()["pm5"] == "closed"


def test_a_probe_into_a_continuing_outage_keeps_the_breaker_open(
    logged_in, live_sandbox, sandbox_behaviour, backend_calls, breaker_clock
):
    sandbox_behaviour(outage=True)
    open_the_breaker(logged_in)
    breaker_clock.skip(31)

    backend_calls.reset()
    assert logged_in.get("/").status_code == 503
    assert len(backend_calls) >= 1, "the probe went out"
    assert backend_states()["pm5"] == "open"

    assert_every_page_is_calm_without_asking_the_backend(logged_in, backend_calls)
