"""The Redis session store (portal/sessions.py): an unchanged session is saved by moving its expiry only."""

from unittest import mock

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.core.cache import caches

from portal.sessions import SessionStore


@pytest.fixture(autouse=True)
def _sessions_in_the_cache(settings):
    # The test profile's cache is local memory; the store speaks only the cache API, as on Redis.
    settings.SESSION_CACHE_ALIAS = "default"
    settings.SESSION_COOKIE_AGE = 600


def saved_session(**data) -> str:
    store = SessionStore()
    store.update(data)
    store.save(must_create=True)
    return store.session_key


def test_an_unchanged_session_moves_its_expiry_without_writing_it_again():
    key = saved_session(pm5_session_key="k1")
    store = SessionStore(key)
    assert store["pm5_session_key"] == "k1"

    with (
        mock.patch.object(store._cache, "set") as written,
        mock.patch.object(store._cache, "touch", wraps=store._cache.touch) as touched,
    ):
        store.save()

    written.assert_not_called()
    touched.assert_called_once_with(store.cache_key, 600)


def test_it_keeps_what_another_request_of_the_same_browser_saved_meanwhile():
    key = saved_session(pm5_session_key="k1")
    reading = SessionStore(key)
    assert reading["pm5_session_key"] == "k1"
    renewing = SessionStore(key)
    renewing["pm5_session_key"] = "k2"  # the backend key renewed by a request running alongside
    renewing.save()

    reading.save()  # the first request ends, having changed nothing

    assert SessionStore(key)["pm5_session_key"] == "k2"


def test_a_session_deleted_meanwhile_is_not_brought_back():
    key = saved_session(pm5_session_key="k1")
    store = SessionStore(key)
    assert store["pm5_session_key"] == "k1"
    caches["default"].delete(store.cache_key)  # logged out in another tab

    with pytest.raises(UpdateError):
        store.save()

    assert not SessionStore().exists(key)


def test_a_changed_session_is_written():
    key = saved_session(pm5_session_key="k1")
    store = SessionStore(key)
    store["pm5_session_key"] = "k2"

    store.save()

    assert SessionStore(key)["pm5_session_key"] == "k2"
