"""A client made in a request and used on the read threads (apps.backends.parallel) shares no requests.Session."""

from concurrent.futures import ThreadPoolExecutor

from apps.backends.breaker import BREAKERS, Breaker
from apps.backends.transport import Transport


def test_each_thread_sends_through_its_own_session(monkeypatch):
    monkeypatch.setattr("apps.backends.breaker.BREAKERS", dict(BREAKERS))  # no breaker left behind
    transport = Transport(Breaker("threads", "Threads"), base_url="http://backend.invalid", timeout=(1, 2))
    here = transport.http

    with ThreadPoolExecutor(max_workers=1) as other:
        there = other.submit(lambda: transport.http).result()

    assert here is transport.http  # a thread keeps its session, and with it its pooled connections
    assert there is not here
