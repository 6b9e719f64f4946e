from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts import services
from apps.accounts.models import LinkAttempt, PendingLink
from apps.accounts.tasks import purge_expired_pending_links_task, purge_old_link_attempts_task

pytestmark = pytest.mark.django_db


def pending(expired_ago: timedelta) -> PendingLink:
    return PendingLink.objects.create(
        customer_number="20001",
        channel="email",
        masked_address="k***@example.se",
        code_hash="x" * 64,
        expires_at=timezone.now() - expired_ago,
    )


def test_pending_links_are_deleted_a_day_after_their_code_expired():
    pending(timedelta(days=1, minutes=1))
    kept = pending(timedelta(hours=23))

    assert services.purge_expired_pending_links() == 1

    assert list(PendingLink.objects.all()) == [kept]


def test_the_task_purges_them_every_day(settings):
    pending(timedelta(days=2))
    purge_expired_pending_links_task.delay()
    assert not PendingLink.objects.exists()
    schedule = settings.CELERY_BEAT_SCHEDULE["accounts-purge-expired-pending-links"]
    assert schedule == {"task": "accounts.purge_expired_pending_links", "schedule": 24 * 60 * 60.0}


def attempt_made(ago: timedelta) -> LinkAttempt:
    made = LinkAttempt.objects.create(customer_number="20001", outcome=LinkAttempt.Outcome.MISMATCH)
    LinkAttempt.objects.filter(pk=made.pk).update(created_at=timezone.now() - ago)
    return made


def test_link_attempts_are_kept_a_year_then_deleted_every_day(settings):
    attempt_made(timedelta(days=366))
    kept = attempt_made(timedelta(days=364))

    purge_old_link_attempts_task.delay()

    assert list(LinkAttempt.objects.all()) == [kept]
    schedule = settings.CELERY_BEAT_SCHEDULE["accounts-purge-old-link-attempts"]
    assert schedule == {"task": "accounts.purge_old_link_attempts", "schedule": 24 * 60 * 60.0}
