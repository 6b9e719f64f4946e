"""A call asked beside the session data: at once when the data is not cached, never looked at unless taken."""

import threading
from unittest import mock

import pytest

from apps.backends.download import Download
from apps.backends.errors import BackendSessionExpired, BackendUnavailable
from apps.backends.pm5.types import PortalSession
from apps.customer import services
from apps.customer.services import SESSION_KEY_NAME, CustomerSession

SESSION = PortalSession(None, None, None, None, None, None, objects=())


class FakePm5:
    """PM5 as a CustomerSession sees it: keys, the session data, and a file."""

    def __init__(self):
        self.opened: list[str] = []
        self.expired: set[str] = set()
        self.files: list[str] = []  # the keys each file call was sent with
        self.session_error: Exception | None = None
        self.file_sent = threading.Event()
        self.download = Download(mock.Mock(headers={}), where="PM5 test file")

    def open_session(self, *, customer_number):
        self.opened.append(f"key-{len(self.opened) + 1}")
        return self.opened[-1]

    def get_session(self, key, parts):
        self.file_sent.wait(timeout=5)  # the file is asked at the same time, not after
        if key in self.expired:
            raise BackendSessionExpired("PM5 get session: 401")
        if self.session_error:
            raise self.session_error
        return SESSION

    def document_file(self, key, file_id):
        self.files.append(key)
        self.file_sent.set()
        if key in self.expired:
            raise BackendSessionExpired("PM5 get document: 401")
        return self.download


@pytest.fixture
def pm5(monkeypatch):
    fake = FakePm5()
    monkeypatch.setattr(services, "get_client", lambda: fake)
    return fake


@pytest.fixture
def customer(rf):
    request = rf.get("/")
    request.session = {SESSION_KEY_NAME: "key-0"}
    return CustomerSession(request, "15555")


def file_beside(customer):
    return customer.data_beside(lambda client, key: client.document_file(key, 7))


def test_cold_the_file_is_asked_beside_the_data_with_the_same_key(pm5, customer):
    session, file = file_beside(customer)

    assert session == SESSION
    assert pm5.files == ["key-0"], "sent before the session data answered"
    assert file.result() is pm5.download
    assert pm5.opened == []


def test_warm_the_file_is_not_asked_until_taken(pm5, customer):
    pm5.file_sent.set()
    customer.data()  # read (and cached) earlier
    pm5.files.clear()

    session, file = file_beside(customer)
    assert pm5.files == []
    with file:
        pass  # not the tenant's: never taken

    assert pm5.files == [], "another tenant's id costs no call"


def test_a_file_not_taken_is_closed(pm5, customer):
    closed = threading.Event()
    with mock.patch.object(pm5.download, "close", side_effect=closed.set) as close:
        session, file = file_beside(customer)
        with file:
            pass  # the caller found the id is not the tenant's
        closed.wait(timeout=5)  # closed on the pool's thread once it has arrived

    close.assert_called_once()


def test_when_the_data_fails_the_file_is_dropped_and_the_error_raised(pm5, customer):
    pm5.session_error = BackendUnavailable("PM5 get session: 503")

    closed = threading.Event()
    with mock.patch.object(pm5.download, "close", side_effect=closed.set) as close:
        with pytest.raises(BackendUnavailable):
            file_beside(customer)
        closed.wait(timeout=5)

    close.assert_called_once()


def test_without_a_key_one_is_opened_for_both(pm5, customer):
    customer.request.session.clear()

    file_beside(customer)[1].result()

    assert pm5.opened == ["key-1"]
    assert pm5.files == ["key-1"]


def test_an_expired_key_is_renewed_once_and_the_file_asked_again_with_it(pm5, customer):
    pm5.expired = {"key-0"}

    session, file = file_beside(customer)

    assert file.result() is pm5.download
    assert pm5.opened == ["key-1"], "the data's call renewed it; the file's used the new one"
    assert pm5.files == ["key-0", "key-1"]


def test_a_dropped_call_is_never_asked_afterwards(pm5, customer):
    pm5.file_sent.set()
    customer.data()
    session, file = file_beside(customer)
    file.discard()

    with pytest.raises(RuntimeError):
        file.result()
    assert pm5.files == []


def test_an_entry_cached_beside_the_data_is_read_with_it_in_one_cache_read(pm5, customer, rf, cache_reads):
    from django.core.cache import cache

    pm5.file_sent.set()
    customer.data()  # cached
    cache.set("the-pages-own", "kept")
    request = rf.get("/")
    request.session = customer.request.session
    next_page = CustomerSession(request, "15555")
    cache_reads.clear()

    assert next_page.cached_beside("the-pages-own") == "kept"
    assert next_page.data() == SESSION
    assert len(cache_reads) == 1 and "the-pages-own" in cache_reads[0], "data() found the data read already"
