"""The tenant's notice of termination: which lease, from when, and never lost on its way to Kobo.

Giving notice saves a Notice (queued) and sends the task after commit; the task
registers it in Kobo (POST …/leieforhold/oppsigelse) and retries with the fault
outbox's backoff while Kobo is away; the beat sweep queues whatever is due.
Kobo's refusal (4xx) makes the notice refused, with Kobo's reason, and the page
offers the form again with the tenant's date kept. Withdrawing goes the same way
(DELETE …/oppsigelse) while Kobo still accepts it.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from apps.backends.errors import BackendError, BackendNotFound, BackendRefused, BackendUnavailable
from apps.backends.kobo import Lease, NoticeActor, NoticePeriod, NoticeRequest, Unit, get_client
from apps.backends.pm5.types import AvailableObject
from apps.customer.services import CustomerSession
from apps.faults.services.delivery import backoff
from apps.kobo import rules
from apps.kobo.models import Notice, UnitCopy
from apps.kobo.services import copy
from portal import background

logger = logging.getLogger(__name__)

DELIVER_TASK = "kobo.deliver_notice"
LEASE = timedelta(minutes=2)  # longer than one attempt (two calls at most) can take


# --- which lease ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TenantUnit:
    object: AvailableObject
    copy: UnitCopy


def tenant_units(customer: CustomerSession) -> list[TenantUnit]:
    """The tenant's own objects (PM5) that the landlord has registered in Kobo."""
    objects = customer.data().objects or ()
    found = []
    for obj in objects:
        unit = copy.unit_of_object(obj.number) if obj.number else None
        if unit is not None:
            found.append(TenantUnit(obj, unit))
    return found


def tenant_unit(customer: CustomerSession, object_number: str) -> TenantUnit | None:
    """The object only if it is this tenant's and in Kobo: the one check of an id from the browser."""
    return next((u for u in tenant_units(customer) if u.object.number == object_number), None)


# --- the page ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticePage:
    unit: TenantUnit
    lease: Lease | None
    period: rules.Period | None
    window: rules.Window | None
    today: date
    notice: Notice | None  # the portal's latest notice for this object, whatever became of it
    registered_elsewhere: bool  # Kobo has a notice the portal did not send (the landlord's, say)

    @property
    def active(self) -> bool:
        return self.notice is not None and self.notice.status in Notice.ACTIVE

    @property
    def can_give_notice(self) -> bool:
        return self.lease is not None and self.window is not None and not self.active and not self.registered_elsewhere

    @property
    def refused(self) -> Notice | None:
        return self.notice if self.notice is not None and self.notice.status == Notice.Status.REFUSED else None

    @property
    def can_withdraw(self) -> bool:
        return (
            self.notice is not None
            and self.notice.status == Notice.Status.REGISTERED
            and self.notice.effective_from >= self.today
        )


def page(unit: TenantUnit, customer_number: str, today: date | None = None) -> NoticePage:
    """One Kobo call: the unit with its lease as Kobo has it now."""
    today = today or timezone.localdate()
    live: Unit = get_client().unit(str(unit.copy.kobo_id))
    lease = live.lease
    latest = Notice.objects.filter(customer_number=customer_number, object_number=unit.object.number).first()
    elsewhere = bool(
        lease and lease.notice and lease.notice.received_on and not (latest and latest.status in Notice.ACTIVE)
    )
    return NoticePage(
        unit=unit,
        lease=lease,
        period=rules.period_of(lease) if lease else None,
        window=rules.window(lease, today) if lease else None,
        today=today,
        notice=latest,
        registered_elsewhere=elsewhere,
    )


# --- giving notice and withdrawing it ------------------------------------------------------------------


class AlreadyGiven(Exception):
    """This object has a notice on its way or registered already (a double submit)."""


def give(page: NoticePage, *, user, customer_number: str, end: date, language: str) -> Notice:
    """Save the notice and queue its registration; one active notice per object."""
    lease = page.lease
    period, other = _period_for_kobo(lease)
    now = timezone.now()
    try:
        with transaction.atomic():
            notice = Notice.objects.create(
                user=user,
                customer_number=customer_number,
                object_number=page.unit.object.number,
                kobo_id=page.unit.copy.kobo_id,
                received_on=page.today,
                effective_from=end,
                period=period.value,
                other_period=other or "",
                language=language,
                next_attempt_at=now,
            )
            background.send_on_commit(DELIVER_TASK, notice.pk, language)
    except IntegrityError:
        raise AlreadyGiven from None
    return notice


def _period_for_kobo(lease: Lease) -> tuple[NoticePeriod, str | None]:
    """oppsigelsestid is required: the lease's own, or the law's three months (MND3)."""
    if lease.notice_period is None:
        return NoticePeriod.THREE_MONTHS, None
    return lease.notice_period, lease.other_notice_period


def request_withdrawal(notice: Notice) -> bool:
    """Queue the withdrawal of a registered notice; False if it is not registered (any more)."""
    now = timezone.now()
    queued = Notice.objects.filter(pk=notice.pk, status=Notice.Status.REGISTERED).update(
        status=Notice.Status.WITHDRAWING, next_attempt_at=now, refusal="", last_error="", updated_at=now
    )
    if queued:
        background.send_on_commit(DELIVER_TASK, notice.pk, notice.language)
    return bool(queued)


# --- the outbox ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attempt:
    done: bool = False
    retry_at: datetime | None = None


def deliver(notice_id: int) -> Attempt:
    """One attempt at whatever the notice waits for (registering or withdrawing); safe to repeat."""
    now = timezone.now()
    lease_until = now + LEASE
    claimed = Notice.objects.due(now).filter(pk=notice_id).update(lease_until=lease_until, attempts=F("attempts") + 1)
    if not claimed:
        return Attempt()
    notice = Notice.objects.get(pk=notice_id)
    held = Notice.objects.filter(pk=notice_id, lease_until=lease_until)
    try:
        if notice.status == Notice.Status.QUEUED:
            _register(notice, held)
        else:
            _withdraw(notice, held)
    except BackendUnavailable as exc:
        return _postpone(notice, held, exc)
    return Attempt(done=True)


def _request(notice: Notice) -> NoticeRequest:
    return NoticeRequest(
        actor=NoticeActor.TENANT,
        period=NoticePeriod(notice.period),
        other_period=notice.other_period or None,
        received_on=notice.received_on,
        effective_from=notice.effective_from,
        planned_move_out=notice.effective_from,
    )


def _register(notice: Notice, held: Any) -> None:
    client = get_client()
    try:
        client.register_notice(str(notice.kobo_id), _request(notice))
    except BackendRefused as refused:
        if refused.status == 409 and _is_ours(client.unit(str(notice.kobo_id)), notice):
            logger.info("Notice %s was registered by an earlier attempt", notice.pk)
        else:
            _settle(held, Notice.Status.REFUSED, refusal=refused.message, error=refused)
            return
    except BackendNotFound as missing:
        _settle(held, Notice.Status.REFUSED, refusal="", error=missing)
        return
    _settle(held, Notice.Status.REGISTERED, registered_at=timezone.now())


def _is_ours(unit: Unit, notice: Notice) -> bool:
    """A notice Kobo holds that this one made: an earlier attempt whose answer was lost."""
    registered = unit.lease.notice if unit.lease else None
    return bool(
        registered
        and registered.actor is NoticeActor.TENANT
        and registered.received_on == notice.received_on
        and registered.effective_from == notice.effective_from
    )


def _withdraw(notice: Notice, held: Any) -> None:
    try:
        get_client().withdraw_notice(str(notice.kobo_id))
    except BackendNotFound:
        pass  # Kobo holds no notice: withdrawn (an earlier attempt, or the landlord) all the same
    except BackendRefused as refused:
        _settle(held, Notice.Status.REGISTERED, refusal=refused.message, error=refused)
        return
    _settle(held, Notice.Status.WITHDRAWN, withdrawn_at=timezone.now())


def _settle(held: Any, status: str, *, error: BackendError | None = None, **fields: Any) -> None:
    if error is not None:
        logger.info("Kobo refused a notice step: %s", type(error).__name__)
    held.update(
        status=status,
        lease_until=None,
        next_attempt_at=None,
        last_error=type(error).__name__ if error else "",
        updated_at=timezone.now(),
        **fields,
    )


def _postpone(notice: Notice, held: Any, exc: BackendError) -> Attempt:
    retry_at = timezone.now() + backoff(notice.attempts)
    logger.warning("Notice %s waits for Kobo (attempt %s, %s)", notice.pk, notice.attempts, type(exc).__name__)
    held.update(lease_until=None, next_attempt_at=retry_at, last_error=type(exc).__name__)
    return Attempt(retry_at=retry_at)


def sweep(now: datetime | None = None) -> int:
    due = list(Notice.objects.due(now or timezone.now()).values_list("pk", "language"))
    for notice_id, language in due:
        background.send(DELIVER_TASK, notice_id, language)
    return len(due)
