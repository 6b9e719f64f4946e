"""The portal's copy of the landlord's units in Kobo, kept by Kobo's webhook messages.

The endpoint only checks the key, records the message (its id makes a repeat a
no-op) and queues the refresh; the task reads the unit (GET /kobobolig/{koboId})
and writes the copy. A message whose refresh failed stays unprocessed and the
sweep queues it again.
"""

import hashlib
import hmac
import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from apps.backends.errors import BackendNotFound
from apps.backends.kobo import Unit, get_client
from apps.kobo.models import UnitCopy, WebhookMessage
from portal import background

logger = logging.getLogger(__name__)

REFRESH_TASK = "kobo.refresh_unit"
API_KEY_HEADER = "x-api-key"  # contract K3's reading
# A message not processed this long after it came (its task lost, Kobo down) is queued again by the sweep.
STALE = timedelta(minutes=1)


def key_is_valid(given: str) -> bool:
    """Constant-time, and never true while no key is configured."""
    expected = settings.KOBO_WEBHOOK_API_KEY
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


class BadMessage(Exception):
    """Not a message the portal can act on (no unit named)."""


def receive(body: object) -> bool:
    """Record one message and queue its refresh; False when it was received before (nothing to do)."""
    if not isinstance(body, dict):
        raise BadMessage
    try:
        kobo_id = uuid.UUID(str(body.get("koboBoligId") or body.get("koboId") or ""))
    except ValueError:
        raise BadMessage from None
    hint = str(body.get("hint") or "")[:40]
    # The sandbox's messages carry an id; without one, the same unit, hint and time is the same message.
    message_id = (
        str(body.get("meldingId") or "")
        or hashlib.sha256(f"{kobo_id}|{hint}|{body.get('tidspunkt')}".encode()).hexdigest()
    )
    try:
        with transaction.atomic():
            message = WebhookMessage.objects.create(message_id=message_id[:100], kobo_id=kobo_id, hint=hint)
            background.send_on_commit(REFRESH_TASK, message.pk)
    except IntegrityError:
        return False
    return True


def refresh(message_id: int) -> None:
    """Read the message's unit from Kobo and update the copy. A BackendUnavailable propagates (retry).

    The attempt is counted when it has ended, failed or not, so that a count says an attempt
    is over (another process, a test, can wait for it) and not that one may still be under way.
    """
    message = WebhookMessage.objects.filter(pk=message_id, processed_at=None).first()
    if message is None:
        return
    this_message = WebhookMessage.objects.filter(pk=message_id)
    try:
        try:
            unit = get_client().unit(str(message.kobo_id))
        except BackendNotFound:
            UnitCopy.objects.filter(kobo_id=message.kobo_id).update(deleted=True, refreshed_at=timezone.now())
        else:
            store(unit)
    except Exception:
        this_message.update(attempts=F("attempts") + 1)
        raise
    this_message.update(attempts=F("attempts") + 1, processed_at=timezone.now())


@transaction.atomic
def store(unit: Unit, now: datetime | None = None) -> UnitCopy:
    now = now or timezone.now()
    copy = UnitCopy.objects.select_for_update().filter(kobo_id=unit.kobo_id).first()
    allocation = unit.allocation.case_reference if unit.allocation else ""
    new_allocation = bool(allocation) and (copy is None or copy.allocation_case != allocation)
    notice = unit.lease.notice if unit.lease else None
    values = {
        "object_number": unit.supplier_id,
        "address": str(unit.address) if unit.address else "",
        "status": unit.status.value if unit.status else "",
        "status_date": unit.status_date,
        "free_from": unit.free_from,
        "reservations": [
            {"case": r.case_reference, "on": r.reserved_on.isoformat() if r.reserved_on else None}
            for r in unit.reservations
        ],
        "allocation_case": allocation,
        "allocated_at": unit.allocation.allocated_at if unit.allocation else None,
        "allocation_new": new_allocation or (bool(allocation) and copy is not None and copy.allocation_new),
        "lease_start": unit.lease.start if unit.lease else None,
        "lease_case": (unit.lease.case_reference or "") if unit.lease else "",
        "notice_received_on": notice.received_on if notice else None,
        "notice_effective_from": notice.effective_from if notice else None,
        "notice_by": notice.actor.value if notice and notice.actor else "",
        "household_size": unit.household_size,
        "deleted": False,
        "refreshed_at": now,
    }
    if copy is None:
        return UnitCopy.objects.create(kobo_id=unit.kobo_id, **values)
    for name, value in values.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def sweep(now: datetime | None = None) -> int:
    stale = WebhookMessage.objects.filter(processed_at=None, received_at__lte=(now or timezone.now()) - STALE)
    ids = list(stale.values_list("pk", flat=True))
    for message_id in ids:
        background.send(REFRESH_TASK, message_id)
    return len(ids)


def unit_of_object(object_number: str) -> UnitCopy | None:
    """The Kobo unit the landlord registered for this object, if any."""
    return UnitCopy.objects.filter(object_number=object_number, deleted=False).first()


def mark_allocation_seen(kobo_id: str) -> bool:
    return bool(UnitCopy.objects.filter(kobo_id=kobo_id, allocation_new=True).update(allocation_new=False))
