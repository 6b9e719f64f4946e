"""Tasks sent by name: once the transaction has committed, never after a rollback."""

from unittest import mock

import pytest
from celery.exceptions import NotRegistered
from django.db import transaction

from portal import background

SWEEP = "faults.sweep_outbox"


@pytest.mark.django_db
def test_a_task_is_sent_by_its_name_once_the_transaction_has_committed(django_capture_on_commit_callbacks):
    with mock.patch.object(background.registered(SWEEP), "delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            background.send_on_commit(SWEEP)
            delay.assert_not_called()
        delay.assert_called_once_with()


@pytest.mark.django_db
def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            background.send_on_commit(SWEEP)
            raise RuntimeError("rolled back")
    assert callbacks == []


def test_a_name_no_task_has_is_an_error_not_a_silent_loss():
    with pytest.raises(NotRegistered):
        background.send("faults.no_such_task")
