"""What the notices of termination hold about one account: for the export, on account deletion, and how long.

A notice on its way to Kobo (queued, or a withdrawal queued) keeps going without the
account, as a fault report does: it needs only the customer number. The rest is
Kobo's now and the portal's copy goes with the account, or NOTICE_RETENTION after
it was settled (after the lease's last day, for a registered one).
"""

from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from apps.kobo.models import NOTICE_RETENTION, Notice

ON_THEIR_WAY = (Notice.Status.QUEUED, Notice.Status.WITHDRAWING)


def held_for(user) -> list[dict]:
    return [
        {
            "object": notice.object_number,
            "given_on": notice.received_on,
            "last_day_of_lease": notice.effective_from,
            "status": notice.get_status_display(),
            "registered_at": notice.registered_at,
            "withdrawn_at": notice.withdrawn_at,
            "kobo_said": notice.refusal,
        }
        for notice in Notice.objects.filter(user=user)
    ]


def release(user) -> None:
    """Before the account is deleted (in its transaction)."""
    Notice.objects.filter(user=user).exclude(status__in=ON_THEIR_WAY).delete()


def purge_old(now: datetime | None = None) -> int:
    now = now or timezone.now()
    cutoff = now - NOTICE_RETENTION
    settled = Q(status__in=(Notice.Status.REFUSED, Notice.Status.WITHDRAWN), updated_at__lte=cutoff)
    past = Q(status=Notice.Status.REGISTERED, effective_from__lte=cutoff.date())
    deleted, _ = Notice.objects.filter(settled | past).delete()
    return deleted
