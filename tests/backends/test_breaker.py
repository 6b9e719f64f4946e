"""The shared transport's circuit breaker, with a fake HTTP session: no network, no clock."""

import io
import logging
from collections.abc import Iterator

import pytest
import requests

from apps.backends import breaker as breaker_module
from apps.backends.breaker import Breaker, backend_states
from apps.backends.errors import BackendNotFound, BackendTimeout, BackendUnavailable, CircuitOpen
from apps.backends.transport import Transport


class FakeHttp:
    """Answers each request with the next status (or raises the next exception), and counts them."""

    def __init__(self):
        self.answers: list[int | Exception] = []
        self.sent = 0

    def request(self, method, url, **kwargs):
        self.sent += 1
        answer = self.answers.pop(0) if self.answers else 200
        if isinstance(answer, Exception):
            raise answer
        response = requests.Response()
        response.status_code = answer
        response._content = b"{}"
        response.raw = io.BytesIO()
        return response


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(breaker_module, "_now", clock)
    return clock


@pytest.fixture
def backend(settings, monkeypatch) -> Iterator[tuple[Transport, FakeHttp]]:
    settings.BACKEND_BREAKER_FAILURES = 3
    settings.BACKEND_BREAKER_COOLDOWN_SECONDS = 30
    transport = Transport(Breaker("test", "Test"), base_url="http://backend.invalid", timeout=(1, 2))
    http = FakeHttp()
    monkeypatch.setattr("apps.backends.transport.http_session", lambda name: http)
    yield transport, http
    breaker_module.BREAKERS.pop("test")


def fail(transport: Transport, times: int) -> None:
    for _ in range(times):
        with pytest.raises(BackendUnavailable):
            transport.json("GET", "/x", "x")


def test_it_opens_after_consecutive_failures_and_then_sends_nothing(backend, clock, caplog):
    transport, http = backend
    http.answers = [requests.ConnectionError("down"), 503, requests.ConnectTimeout("slow")]
    with caplog.at_level(logging.WARNING, logger="apps.backends.breaker"):
        fail(transport, 3)
    assert transport.breaker.state() == "open"
    assert "Test circuit open after 3 consecutive failures" in caplog.text

    fail(transport, 5)
    assert http.sent == 3, "an open breaker sends nothing"


def test_an_answer_between_failures_starts_the_count_again(backend, clock):
    transport, http = backend
    http.answers = [503, 503, 200, 503, 503]
    fail(transport, 2)
    transport.json("GET", "/x", "x")
    fail(transport, 2)
    assert transport.breaker.state() == "closed"


def test_a_refusal_is_an_answer_not_a_failure(backend, clock):
    transport, http = backend
    http.answers = [404, 404, 404, 404]
    for _ in range(4):
        with pytest.raises(BackendNotFound):
            transport.json("GET", "/x", "x")
    assert transport.breaker.state() == "closed"


def test_after_the_cool_down_one_probe_closes_it(backend, clock, caplog):
    transport, http = backend
    http.answers = [503, 503, 503]
    fail(transport, 3)
    clock.now += 31
    assert transport.breaker.state() == "half-open"
    with caplog.at_level(logging.INFO, logger="apps.backends.breaker"):
        assert transport.json("GET", "/x", "x") == {}
    assert transport.breaker.state() == "closed"
    assert "half-open" in caplog.text and "closed" in caplog.text
    assert http.sent == 4


def test_a_failed_probe_opens_it_for_another_cool_down(backend, clock):
    transport, http = backend
    http.answers = [503, 503, 503, 503]
    fail(transport, 3)
    clock.now += 31
    fail(transport, 1)
    assert transport.breaker.state() == "open"
    fail(transport, 3)
    assert http.sent == 4
    clock.now += 31
    transport.json("GET", "/x", "x")
    assert transport.breaker.state() == "closed"


def test_while_one_probe_is_out_the_others_fail_at_once(backend, clock):
    transport, http = backend
    http.answers = [503, 503, 503]
    fail(transport, 3)
    clock.now += 31
    passage = transport.breaker.before_call()  # the probe, not yet back
    assert passage.probe
    fail(transport, 2)
    assert http.sent == 3


def test_an_open_breaker_says_that_it_sent_nothing_and_when_a_probe_may_go(backend, clock):
    transport, http = backend
    http.answers = [503, 503, 503]
    fail(transport, 3)
    clock.now += 10

    with pytest.raises(CircuitOpen) as refused:
        transport.json("GET", "/x", "x")

    assert isinstance(refused.value, BackendUnavailable), "callers that only know BackendUnavailable still catch it"
    assert refused.value.retry_after == pytest.approx(20)
    assert http.sent == 3


def test_while_another_callers_probe_is_out_there_is_no_wait_to_name(backend, clock):
    transport, http = backend
    http.answers = [503, 503, 503]
    fail(transport, 3)
    clock.now += 31
    transport.breaker.before_call()  # another caller's probe, not yet back

    with pytest.raises(CircuitOpen) as refused:
        transport.json("GET", "/x", "x")

    assert refused.value.retry_after == 0


def test_a_failed_call_is_not_a_refusal(backend, clock):
    transport, http = backend
    http.answers = [503]
    with pytest.raises(BackendUnavailable) as failed:
        transport.json("GET", "/x", "x")
    assert not isinstance(failed.value, CircuitOpen)


def test_a_timeout_is_a_timeout_and_names_no_url(backend, clock):
    transport, http = backend
    http.answers = [requests.ReadTimeout("http://backend.invalid/session/SECRET-KEY")]
    with pytest.raises(BackendTimeout) as timed_out:
        transport.json("GET", "/session/SECRET-KEY", "get session")
    assert str(timed_out.value) == "Test get session: ReadTimeout"


def test_it_reports_every_backends_state(backend, clock):
    transport, http = backend
    http.answers = [503, 503, 503]
    fail(transport, 3)
    states = backend_states()
    assert states["test"] == "open"
    assert {"pm5", "fast2", "errands"} <= states.keys()
