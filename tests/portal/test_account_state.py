"""What a page reads of an account's rows is remembered until one of them changes, however it changes."""

import pytest
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse

from apps.accounts.services import create_linked_account
from apps.contacts.models import EmailChange
from apps.faults.models import FaultReport
from apps.inbox.models import ReadMessage
from portal import account_state


class Reads:
    """The account's read messages as a page would remember them, counting the queries asked."""

    def __init__(self, user):
        self.user = user
        self.asked = 0

    def __call__(self) -> frozenset[int]:
        return account_state.remembered(self.user, "test-read", self._ask)

    def _ask(self) -> frozenset[int]:
        self.asked += 1
        return frozenset(ReadMessage.objects.filter(user=self.user).values_list("message_id", flat=True))


@pytest.fixture(autouse=True)
def _one_cache_for_every_process(settings):
    settings.CACHE_SHARED_BY_ALL_PROCESSES = True  # as with Redis in production


@pytest.fixture
def reads(alice) -> Reads:
    return Reads(alice)


@pytest.fixture
def bob_account(db):
    return create_linked_account(email="bob@example.se", password="Bob-password-1", customer_number="15556")


def test_what_was_read_is_remembered_while_nothing_changes(reads):
    assert reads() == frozenset() and reads() == frozenset()
    assert reads.asked == 1


def test_nothing_is_remembered_when_each_process_has_a_cache_of_its_own(reads, settings):
    # The demo's worker is a process of its own: its changes would never reach this process's stamp.
    settings.CACHE_SHARED_BY_ALL_PROCESSES = False
    reads()
    reads()
    assert reads.asked == 2


def test_none_is_remembered_too(alice):
    asked = []
    for _ in range(2):
        account_state.remembered(alice, "test-none", lambda: asked.append(1))
    assert asked == [1]


def test_a_row_saved_shows_at_once(reads, alice):
    reads()
    ReadMessage.objects.create(user=alice, message_id=7)
    assert reads() == {7}


def test_a_row_deleted_through_a_queryset_shows_at_once(reads, alice):
    ReadMessage.objects.create(user=alice, message_id=7)
    reads()
    ReadMessage.objects.filter(user=alice, message_id=7).delete()
    assert reads() == frozenset()


def test_a_queryset_update_shows_at_once(reads, alice):
    ReadMessage.objects.create(user=alice, message_id=7)
    reads()
    ReadMessage.objects.filter(user=alice).update(message_id=8)
    assert reads() == {8}


def test_an_update_that_moves_rows_to_another_account_shows_for_both(reads, alice, bob_account):
    ReadMessage.objects.create(user=bob_account, message_id=7)
    bobs = Reads(bob_account)
    assert reads() == frozenset() and bobs() == {7}
    ReadMessage.objects.filter(user=bob_account).update(user=alice)
    assert reads() == {7} and bobs() == frozenset()


def test_bulk_writes_show_at_once(reads, alice):
    reads()
    (row,) = ReadMessage.objects.bulk_create([ReadMessage(user=alice, message_id=7)])
    assert reads() == {7}
    row = ReadMessage.objects.get(user=alice)  # bulk_create on SQLite leaves no pk on the object
    row.message_id = 9
    ReadMessage.objects.bulk_update([row], ["message_id"])
    assert reads() == {9}


def test_another_accounts_change_keeps_what_was_read(reads, bob_account):
    reads()
    ReadMessage.objects.create(user=bob_account, message_id=7)
    reads()
    assert reads.asked == 1


def test_an_update_that_changes_nothing_keeps_what_was_read(reads, alice):
    reads()
    ReadMessage.objects.filter(user=alice, message_id=1).update(message_id=2)
    reads()
    assert reads.asked == 1


def test_the_stamp_is_replaced_again_when_the_change_commits(alice, django_capture_on_commit_callbacks):
    # A page in another process may read the stamp replaced at once, then the rows as they were
    # before the commit: what it remembers under that stamp must not outlive the commit.
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            ReadMessage.objects.create(user=alice, message_id=7)
            during = account_state.stamp(alice.pk)
    assert account_state.stamp(alice.pk) != during


@pytest.mark.parametrize("model", [FaultReport, ReadMessage, EmailChange])
def test_every_model_a_tenant_page_remembers_from_is_watched(model):
    assert issubclass(model.objects.all().__class__, account_state.WatchedQuerySet)
    assert post_save.has_listeners(model) and post_delete.has_listeners(model)


@pytest.mark.integration
def test_the_overview_stops_offering_a_draft_the_outbox_took(client, alice, live_sandbox):
    # The outbox worker writes reports with queryset updates, which send no signal.
    client.force_login(alice)
    client.post(reverse("faults:start"))  # starts a draft
    assert "Fortsätt din felanmälan" in client.get(reverse("customer:overview")).text

    FaultReport.objects.filter(user=alice).update(status=FaultReport.Status.QUEUED)

    assert "Fortsätt din felanmälan" not in client.get(reverse("customer:overview")).text


@pytest.mark.integration
def test_a_tenant_page_reads_the_stamp_once_with_the_session_data(client, alice, live_sandbox, cache_reads):
    client.force_login(alice)
    client.get(reverse("customer:overview"))  # the session data cached
    cache_reads.clear()

    client.get(reverse("customer:overview"))  # the draft to resume and the messages read: one stamp

    with_the_stamp = [keys for keys in cache_reads if any(key.startswith("account-stamp:") for key in keys)]
    assert len(with_the_stamp) == 1, with_the_stamp
    assert any(key.startswith("customer-session-parts:") for key in with_the_stamp[0])


def test_a_change_in_the_request_is_seen_by_the_rest_of_it(reads, alice):
    token = account_state._stamps_seen.set({})  # as StampsPerRequest does
    try:
        assert reads() == frozenset()
        ReadMessage.objects.create(user=alice, message_id=7)
        assert reads() == {7}
        assert reads.asked == 2
    finally:
        account_state._stamps_seen.reset(token)
