"""The tenant's cached session data is read from the cache and decoded at most once per request."""

from dataclasses import replace
from unittest import mock

import pytest
from django.core.cache import cache

from apps.backends.pm5.types import PortalSession
from apps.customer import services
from apps.customer.services import STANDARD_PARTS, CustomerSession
from apps.invoices.services import parts


@pytest.fixture
def cached():
    session = PortalSession(None, None, None, None, None, None, objects=())
    cache.set(CustomerSession(None, "15555")._cache_key(STANDARD_PARTS), services.CachedSession.packing(session))
    return session


def test_the_cached_data_is_read_once_however_often_the_page_asks(rf, cached):
    request = rf.get("/")
    with mock.patch.object(services, "cache", wraps=cache) as spy:
        first = CustomerSession(request, "15555").data()
        again = CustomerSession(request, "15555").data()  # another part of the same page

    assert first == again == cached
    assert spy.get_many.call_count == 1


def test_another_request_reads_it_again(rf, cached):
    with mock.patch.object(services, "cache", wraps=cache) as spy:
        CustomerSession(rf.get("/"), "15555").data()
        CustomerSession(rf.get("/"), "15555").data()

    assert spy.get_many.call_count == 2


def test_after_a_change_the_same_request_reads_anew(rf, cached):
    request = rf.get("/")
    customer = CustomerSession(request, "15555")
    customer.data()

    customer.forget()

    with mock.patch.object(customer, "call", return_value=cached) as fetched:
        customer.data()
    fetched.assert_called_once()


def test_other_parts_are_read_on_their_own(rf, cached):
    other = PortalSession(None, None, None, None, None, None, objects=None)
    cache.set(CustomerSession(None, "15555")._cache_key(parts(24)), services.CachedSession.packing(other))
    customer = CustomerSession(rf.get("/"), "15555")

    assert customer.data() == cached
    assert customer.data(parts(24)) == other


def test_a_part_the_page_does_not_read_is_never_decoded(rf):
    session = PortalSession(None, ("contact",), ("economy",), (), ("document",), ("errand",), objects=())
    customer = CustomerSession(rf.get("/"), "15555")
    cache.set(customer._cache_key(STANDARD_PARTS), services.CachedSession.packing(session))

    read = customer.data()

    assert read.contact_details == ("contact",)
    assert set(vars(read)) == {"_packed", "contact_details"}  # not the economy, documents or errands
    assert read == session  # and each of the others when it is read


def test_every_part_comes_back_from_the_cache_as_it_went_in(rf):
    # A part with a default (messages) is a class attribute of the dataclass: reading it must not
    # fall back to that default instead of the cached value.
    from apps.backends.pm5.messages_types import Message

    message = Message(message_id=7, channels=(), attachments=())
    session = PortalSession(None, None, None, None, None, None, objects=(), messages=(message,))
    cache.set(CustomerSession(None, "15555")._cache_key(STANDARD_PARTS), services.CachedSession.packing(session))

    cached = CustomerSession(rf.get("/"), "15555").data()

    assert cached.messages == (message,)
    assert cached == session


def test_the_next_request_finds_the_parts_already_decoded(rf):
    from apps.backends.pm5.messages_types import Message

    session = PortalSession(
        None, None, None, None, None, None, objects=(), messages=(Message(message_id=8, channels=(), attachments=()),)
    )
    cache.set(CustomerSession(None, "15555")._cache_key(STANDARD_PARTS), services.CachedSession.packing(session))
    assert CustomerSession(rf.get("/"), "15555").data().messages == session.messages

    with mock.patch.object(services, "pickle", wraps=services.pickle) as decoding:
        again = CustomerSession(rf.get("/"), "15555").data()
        assert again.messages == session.messages

    decoding.loads.assert_not_called()


def test_refreshed_data_is_read_as_refreshed_not_as_the_process_decoded_it_before(rf):
    from apps.backends.pm5.messages_types import Message

    key = CustomerSession(None, "15555")._cache_key(STANDARD_PARTS)
    before = PortalSession(
        None, None, None, None, None, None, objects=(), messages=(Message(message_id=1, channels=(), attachments=()),)
    )
    cache.set(key, services.CachedSession.packing(before))
    assert CustomerSession(rf.get("/"), "15555").data().messages == before.messages

    after = replace(before, messages=(Message(message_id=2, channels=(), attachments=()),))
    cache.set(key, services.CachedSession.packing(after))

    assert CustomerSession(rf.get("/"), "15555").data().messages == after.messages


def test_a_change_drops_what_the_process_decoded_of_the_old_data(rf):
    from apps.backends.pm5.messages_types import Message

    session = PortalSession(
        None, None, None, None, None, None, objects=(), messages=(Message(message_id=9, channels=(), attachments=()),)
    )
    cache.set(CustomerSession(None, "15555")._cache_key(STANDARD_PARTS), services.CachedSession.packing(session))
    customer = CustomerSession(rf.get("/"), "15555")
    digest = customer.data()._packed["messages"][0]
    assert customer.data().messages == session.messages
    assert digest in services.decoded._parts

    customer.forget()

    assert digest not in services.decoded._parts


def test_a_process_keeps_a_bounded_number_of_decoded_parts():
    import pickle

    kept = services.DecodedParts(size=3)
    for n in range(10):
        data = pickle.dumps(n)
        assert kept.get(bytes([n]), data) == n

    assert len(kept) == 3
    assert kept.get(bytes([9]), b"not read: kept") == 9


def test_data_cached_before_the_digests_is_still_read(rf):
    import pickle

    session = PortalSession(None, None, None, None, None, None, objects=())
    bare = {name: pickle.dumps(value) for name, value in vars(session).items()}
    cache.set(CustomerSession(None, "15555")._cache_key(STANDARD_PARTS), services.CachedSession._of(bare))

    assert CustomerSession(rf.get("/"), "15555").data() == session
