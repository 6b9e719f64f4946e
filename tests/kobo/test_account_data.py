"""The tenant's notices in the export, on account deletion, and deleted when their time is up."""

import uuid
from datetime import date, timedelta

import pytest
from django.utils import timezone

from apps.kobo.models import Notice
from apps.kobo.services import account_data
from apps.privacy import export

pytestmark = pytest.mark.django_db


def notice(user, status, **fields) -> Notice:
    values = {
        "user": user,
        "customer_number": "15555",
        "object_number": f"142-0{uuid.uuid4().hex[:2]}-01",
        "kobo_id": uuid.uuid4(),
        "status": status,
        "received_on": date(2026, 12, 3),
        "effective_from": date(2027, 3, 31),
        "period": "MND3",
    } | fields
    return Notice.objects.create(**values)


def test_the_export_holds_the_tenants_notices_and_nobody_elses(alice, staff):
    notice(alice, Notice.Status.REGISTERED)
    notice(staff, Notice.Status.REGISTERED)

    held = export.document(alice)["notices_of_termination"]

    assert len(held) == 1
    assert held[0]["last_day_of_lease"] == date(2027, 3, 31) and held[0]["status"] == "Registrerad"


def test_deleting_the_account_keeps_only_what_is_on_its_way_to_kobo(alice):
    queued = notice(alice, Notice.Status.QUEUED)
    withdrawing = notice(alice, Notice.Status.WITHDRAWING)
    notice(alice, Notice.Status.REGISTERED)
    notice(alice, Notice.Status.REFUSED)

    account_data.release(alice)
    alice.delete()

    assert set(Notice.objects.values_list("pk", flat=True)) == {queued.pk, withdrawing.pk}
    assert not Notice.objects.exclude(user=None).exists()


def test_settled_notices_go_after_their_time_and_live_ones_stay(alice):
    now = timezone.now()
    old_refused = notice(alice, Notice.Status.REFUSED)
    Notice.objects.filter(pk=old_refused.pk).update(updated_at=now - timedelta(days=91))
    ended = notice(alice, Notice.Status.REGISTERED, effective_from=(now - timedelta(days=91)).date())
    running = notice(alice, Notice.Status.REGISTERED, effective_from=(now - timedelta(days=10)).date())
    fresh_withdrawn = notice(alice, Notice.Status.WITHDRAWN)
    queued = notice(alice, Notice.Status.QUEUED, effective_from=(now - timedelta(days=200)).date())

    assert account_data.purge_old(now) == 2

    left = set(Notice.objects.values_list("pk", flat=True))
    assert left == {running.pk, fresh_withdrawn.pk, queued.pk}
    assert old_refused.pk not in left and ended.pk not in left


def test_the_privacy_page_says_how_long_a_notice_is_kept(client, settings):
    assert "tas bort 90 dagar efter hyresavtalets sista dag" in client.get("/integritet/").text
    assert "kobo.purge_old_notices" in {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
