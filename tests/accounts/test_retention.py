from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts import services
from apps.accounts.models import PendingLink
from apps.accounts.tasks import purge_expired_pending_links_task

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
