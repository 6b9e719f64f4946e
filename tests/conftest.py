"""Personas and the live sandbox, shared by every test.

alice and bob are tenants (demo customers 1 and 2 of the sandbox), staff is a
landlord employee without a customer. Tests marked integration talk to the
sandbox over real HTTP through a live server, like production talks to PM5.
"""

import re
import socket
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.utils import translation

from apps.accounts.services import create_linked_account
from apps.backends.http import close_http_sessions

ALICE_CUSTOMER = "15555"


@pytest.fixture(autouse=True)
def _fresh_cache():
    _clear_this_runs_keys()
    yield
    _clear_this_runs_keys()


def _clear_this_runs_keys() -> None:
    # On Redis, clear() empties the whole database, another test run's keys too (two runs on
    # one machine): with a key prefix (CACHE_KEY_PREFIX), delete only this run's keys.
    if cache.key_prefix and isinstance(cache, RedisCache):
        client = cache._cache.get_client(write=True)
        for key in client.scan_iter(match=f"{cache.key_prefix}:*"):
            client.delete(key)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _each_test_starts_in_swedish():
    # A test that activates another language (directly, or through a task run in-process)
    # must not leave it to whichever test runs next in this thread.
    translation.activate("sv")
    yield
    translation.deactivate()


@pytest.fixture
def this_hour():
    """The clock of the hourly limits (portal.ratelimit), held in the middle of one hour."""
    from unittest import mock

    from portal import ratelimit

    with mock.patch.object(ratelimit, "now_seconds", return_value=1_800_000_000 + 1800) as clock:
        yield clock


class OutgoingCalls:
    """The backends a test may call: servers its fixtures started, nothing else.

    The test settings point every backend at an address that cannot resolve, so a
    test that forgot to point one at its live server would quietly test the
    "backend is down" path, or talk to whatever listens on the demo's port. Every
    HTTP request in this process (the live server's threads too) is checked here;
    one to an address no fixture allowed fails the test.
    """

    def __init__(self):
        self.allowed: set[str] = set()
        self.refused: list[str] = []

    def allow(self, url: str) -> None:
        self.allowed.add(_host_and_port(url))

    def check(self, url: str) -> None:
        if _host_and_port(url) not in self.allowed:
            self.refused.append(_host_and_port(url))
            raise AssertionError(f"an outgoing call to {_host_and_port(url)}, which no fixture of this test started")


def _host_and_port(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


@pytest.fixture(autouse=True)
def outgoing_calls(request, monkeypatch) -> OutgoingCalls:
    from requests.adapters import HTTPAdapter

    calls = OutgoingCalls()
    if "live_server" in request.fixturenames:
        calls.allow(request.getfixturevalue("live_server").url)
    real_send = HTTPAdapter.send

    def checked_send(self, prepared, *args, **kwargs):
        calls.check(prepared.url)
        return real_send(self, prepared, *args, **kwargs)

    monkeypatch.setattr(HTTPAdapter, "send", checked_send)
    yield calls
    # A call refused on a live server's thread ends as a calm error page there; fail here too.
    assert not calls.refused, f"outgoing calls to addresses no fixture started: {sorted(set(calls.refused))}"


@pytest.fixture
def unreachable(outgoing_calls) -> str:
    """The base URL of a backend that is down: a port this test holds, where nothing listens."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))  # bound, never listening: every connection is refused at once
        url = f"http://127.0.0.1:{held.getsockname()[1]}"
        outgoing_calls.allow(url)
        yield url


@pytest.fixture
def alice(db):
    return create_linked_account(email="alice@example.se", password="Alice-password-1", customer_number=ALICE_CUSTOMER)


@pytest.fixture
def logged_in(client, alice):
    """alice's browser, logged in. Add live_sandbox for pages that reach the backend."""
    client.force_login(alice)
    return client


@pytest.fixture
def staff(db):
    return create_linked_account(
        email="staff@example.se", password="Staff-password-1", customer_number="", is_staff=True
    )


@dataclass(frozen=True)
class DemoCustomer:
    number: str
    personnummer: str
    email: str  # the e-mail the landlord has on file: where a link code goes


@dataclass(frozen=True)
class Sandbox:
    base_url: str
    alice: DemoCustomer
    bob: DemoCustomer
    unlinked: DemoCustomer


@pytest.fixture
def live_sandbox(live_server, settings, transactional_db) -> Sandbox:
    """The sandbox with the small demo company, reached over HTTP by every backend client."""
    from apps.sandbox.demo import build_demo
    from apps.sandbox.models import ContactDetail, Customer

    build_demo(size="small")
    # Every backend the portal has, so no page quietly tests a "backend is down" path instead.
    settings.PM5_BASE_URL = f"{live_server.url}/sandbox/pm5"
    settings.FAST2_BASE_URL = f"{live_server.url}/sandbox/fast2"
    settings.ERRANDS_BASE_URL = f"{live_server.url}/sandbox/errands"
    settings.CASHSERVICES_BASE_URL = f"{live_server.url}/sandbox/cashservices"
    settings.KOBO_BASE_URL = f"{live_server.url}/sandbox/kobo"
    settings.KOBO_TOKEN_URL = f"{live_server.url}/sandbox/kobo/token"
    settings.KOBO_WEBHOOK_URL = f"{live_server.url}/kobo/webhook/"
    customers = list(Customer.objects.order_by("pk"))
    emails = dict(ContactDetail.objects.filter(kind=ContactDetail.Kind.EPOST).values_list("customer_id", "value"))

    def as_demo(customer) -> DemoCustomer:
        return DemoCustomer(customer.customer_number, customer.personnummer, emails.get(customer.pk, ""))

    linked = {ALICE_CUSTOMER}
    alice = next(c for c in customers if c.customer_number == ALICE_CUSTOMER)
    bob = next(c for c in customers if c.customer_number not in linked)
    unlinked = next(c for c in customers if c.customer_number not in linked | {bob.customer_number})
    yield Sandbox(base_url=settings.PM5_BASE_URL, alice=as_demo(alice), bob=as_demo(bob), unlinked=as_demo(unlinked))
    # A kept-alive connection would outlive the live server's thread.
    close_http_sessions()


@pytest.fixture
def sandbox_behaviour(live_sandbox):
    """Set the sandbox's failure injection for every API (apps/sandbox/behaviour.py), as its command does."""
    from apps.sandbox.models import SandboxBehaviour

    def behave(**fields) -> None:
        defaults = {"latency_ms": 0, "error_rate": 0.0, "outage": False, "outage_path": ""} | fields
        SandboxBehaviour.objects.update_or_create(pk=SandboxBehaviour.SINGLETON_PK, defaults=defaults)

    yield behave
    behave()


@pytest.fixture
def bob(live_sandbox):
    return create_linked_account(
        email="bob@example.se", password="Bob-password-1", customer_number=live_sandbox.bob.number
    )


@dataclass
class RecordingBackend:
    """Stands in for the PM5 client behind a CustomerSession: records each call, answers or raises as told.

    The `backend` fixture puts it in place, with the session data of the test's own
    `session_data` fixture standing in for the cached session.
    """

    calls: list[tuple[str, object]] = field(default_factory=list)
    error: Exception | None = None
    addresses: tuple = ()
    permanent: tuple = ()

    def calls_to(self, name: str) -> list:
        return [argument for called, argument in self.calls if called == name]

    def _record(self, name: str, argument: object = None) -> None:
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
def backend(monkeypatch, session_data) -> RecordingBackend:
    """The tenant's session data is known (as if cached) and every backend operation is recorded."""
    from apps.customer.services import Beside, CustomerSession

    recorder = RecordingBackend()
    monkeypatch.setattr(CustomerSession, "data", lambda self, parts=None: session_data)
    # As with the data cached: the operation beside it is asked when taken.
    monkeypatch.setattr(
        CustomerSession, "data_beside", lambda self, operation, parts=None: (session_data, Beside(self, operation))
    )
    monkeypatch.setattr(CustomerSession, "call", lambda self, operation: operation(recorder, "session-key"))
    return recorder


class BackendCalls:
    """Counts the HTTP requests the portal sends to backends during a test."""

    def __init__(self):
        self.calls: list[tuple[str, str]] = []

    def __len__(self) -> int:
        return len(self.calls)

    def reset(self) -> None:
        self.calls.clear()


@pytest.fixture
def cache_reads(monkeypatch) -> list[list[str]]:
    """The keys of each read of the default cache from now on (get, get_many), one list a read."""
    reads, in_get_many = [], []
    real_get, real_get_many = cache.get, cache.get_many

    def get(key, *args, **kwargs):
        if not in_get_many:  # local memory's get_many asks get for each key
            reads.append([key])
        return real_get(key, *args, **kwargs)

    def get_many(keys, *args, **kwargs):
        reads.append(list(keys))
        in_get_many.append(True)
        try:
            return real_get_many(keys, *args, **kwargs)
        finally:
            in_get_many.pop()

    monkeypatch.setattr(cache, "get", get)
    monkeypatch.setattr(cache, "get_many", get_many)
    return reads


@pytest.fixture
def backend_calls(monkeypatch) -> BackendCalls:
    import requests

    spy = BackendCalls()
    real_request = requests.Session.request

    def counting_request(self, method, url, *args, **kwargs):
        spy.calls.append((method, url))
        return real_request(self, method, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "request", counting_request)
    return spy


class CallsInFlight:
    """PM5 reads sent at once: each GET waits (up to a bound) until ``together`` are under way.

    A page whose calls go out together finds them all in flight and loses no time; a
    page that sends them one after another waits out the bound at each call and shows
    ``most == 1``. What counts is ``most``, never a time. ``fail`` names the calls that
    fail as if the backend could not be reached: patterns the whole path must match, after
    /sandbox/pm5 and without the query (``SESSION_DATA``, or the errand's ``/session/[^/]+/arende/[0-9]+``).
    """

    SESSION_DATA = r"/session/[^/]+"

    def __init__(self, together: int = 2):
        self.together = together
        self.calls: list[tuple[str, str]] = []
        self.fail: tuple[str, ...] = ()
        self.now = self.most = 0
        self._lock = threading.Lock()
        self._all_sent = threading.Event()

    def reset(self) -> None:
        self.calls.clear()
        self.most = 0
        self._all_sent.clear()

    def paths(self) -> list[str]:
        return [f"{method} {_pm5_path(url)}" for method, url in self.calls]


def _pm5_path(url: str) -> str:
    return url.split("/sandbox/pm5", 1)[-1].split("?")[0]


@pytest.fixture
def pm5_in_flight(monkeypatch, live_sandbox) -> CallsInFlight:
    import requests

    spy = CallsInFlight()
    real_request = requests.Session.request

    def held_request(self, method, url, *args, **kwargs):
        if "/sandbox/pm5" not in url:
            return real_request(self, method, url, *args, **kwargs)
        if method != "GET":  # a key being opened goes before the reads, alone
            spy.calls.append((method, url))
            return real_request(self, method, url, *args, **kwargs)
        with spy._lock:
            spy.calls.append((method, url))
            spy.now += 1
            spy.most = max(spy.most, spy.now)
            if spy.now >= spy.together:
                spy._all_sent.set()
        try:
            spy._all_sent.wait(timeout=5)  # a bound, not a measurement: alone, a call goes on after it
            if any(re.fullmatch(pattern, _pm5_path(url)) for pattern in spy.fail):
                raise requests.ConnectionError("the backend is down (CallsInFlight.fail)")
            return real_request(self, method, url, *args, **kwargs)
        finally:
            with spy._lock:
                spy.now -= 1

    monkeypatch.setattr(requests.Session, "request", held_request)
    return spy


class Mailbox:
    """The e-mails the portal sent, however they were sent.

    On the embedded defaults Celery runs tasks in-process and mail lands in
    Django's locmem outbox; on the production path a real worker (outside the
    test environment) writes it to EMAIL_FILE_PATH, so wait for the file. The
    files outlive a test: only messages written since this test began count (an
    earlier test's code to the same address is not this test's).
    """

    def __init__(self, settings):
        self.settings = settings
        self.already_there = {} if settings.CELERY_TASK_ALWAYS_EAGER else self._files()

    @staticmethod
    def _files() -> dict:
        import os
        from pathlib import Path

        return {
            path: list(_messages_in(path.read_text(encoding="utf-8", errors="replace")))
            for path in sorted(Path(os.environ["EMAIL_FILE_PATH"]).glob("*.log"))
        }

    def wait_for(self, to: str, timeout: float = 30.0) -> str:
        import time

        from django.core import mail

        deadline = time.monotonic() + timeout
        while True:
            if self.settings.CELERY_TASK_ALWAYS_EAGER:
                for message in getattr(mail, "outbox", []):
                    if to in message.to:
                        return message.subject + "\n" + message.body
            else:
                for path, messages in self._files().items():
                    for message in messages[len(self.already_there.get(path, [])) :]:
                        if to in message["To"]:
                            return str(message["Subject"]) + "\n" + _body(message)
            if time.monotonic() > deadline:
                raise AssertionError(f"no e-mail to {to} within {timeout} s")
            time.sleep(0.2)


@pytest.fixture
def mailbox(settings) -> Mailbox:
    return Mailbox(settings)


def _messages_in(log: str):
    """The messages in one file of Django's file e-mail backend, separated by lines of dashes."""
    from email import message_from_string, policy

    for chunk in log.split("-" * 79):
        if chunk.strip():
            yield message_from_string(chunk.strip() + "\n", policy=policy.default)


def _body(message) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part else ""
