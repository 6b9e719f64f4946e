"""Never lose a report: submit it to the outbox, deliver it, retry until delivered.

Submitting is one transaction: the report and its photos become an outbox item
with an idempotency key, and the delivery task is queued once that has
committed. Delivery claims the item with a short lease (a conditional UPDATE,
so two workers, or a retry and the sweep, never send it at once), talks to the
backend outside any transaction, and records the outcome:

* delivered: the errand's id and number, the portal's photo copies removed;
* the backend is down, slow or answers 5xx: the item stays queued, due again
  after a backoff; the task retries then, and the periodic sweep redelivers
  anything due, so nothing depends on one in-flight retry;
* the backend's circuit breaker is open: nothing was sent, so it is no attempt
  and the backoff does not grow; the item is due again just after the breaker
  lets a probe through;
* the backend refuses it (4xx): the report becomes a draft again, intact, with
  the backend's reason for the tenant to correct.

PM5's create has no idempotency key (contract A09): after an attempt whose
outcome is unknown (it timed out or failed after sending), the session's
errands are read first, and an errand made from this report counts as delivered.
"""

import logging
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.backends.errors import (
    BackendError,
    BackendSessionExpired,
    BackendTimeout,
    BackendUnavailable,
    CircuitOpen,
)
from apps.backends.pm5 import SessionParts, get_client
from apps.backends.pm5.errands_types import FaultReportRequest, ReportContact, ReportPhoto, ReportRow
from apps.backends.pm5.general import GENERAL_ERRAND_TYPE
from apps.backends.pm5.types import Errand
from apps.faults.models import DELIVERED_RETENTION, DRAFT_LIFETIME, FaultReport
from apps.faults.services import drafts, photos
from portal import background

logger = logging.getLogger(__name__)

# The first retry waits up to settings.FAULT_RETRY_BASE_SECONDS (15 s), then up to twice as long
# each time, at most settings.FAULT_RETRY_MAX_SECONDS (30 min); each wait is drawn from the upper
# half of that, so reports that failed together (an outage) do not all come back at once.
# Longer than one attempt can take (four calls, each at most the connect and read timeouts):
# a worker that died mid-attempt frees the item after this.
LEASE = timedelta(minutes=5)
# Clocks of the portal and the backend differ a little: an errand received this long before
# the first attempt may still be this report's (A09).
CLOCK_SLACK = timedelta(minutes=10)
# The Celery task that delivers one report (apps.faults.tasks), sent by name: see portal.background.
DELIVER_TASK = "faults.deliver_fault_report"


class Incomplete(Exception):
    """The report misses an answer; the wizard shows the step that asks for it."""


@dataclass(frozen=True)
class Attempt:
    """What one delivery attempt came to. ``retry_at`` is set when it should be tried again."""

    delivered: bool = False
    retry_at: datetime | None = None


# --- submitting --------------------------------------------------------------------------------


def submit(draft: FaultReport, language: str) -> FaultReport:
    """Queue the draft for delivery. A second submit of the same report changes nothing."""
    if not drafts.is_complete(draft):
        raise Incomplete
    now = timezone.now()
    with transaction.atomic():
        # Only the request that turns the draft into an outbox item queues it: a double
        # click, or the same POST sent again, finds it queued already and does nothing.
        queued = FaultReport.objects.filter(pk=draft.pk, status=FaultReport.Status.DRAFT).update(
            status=FaultReport.Status.QUEUED,
            idempotency_key=uuid.uuid4(),
            language=language,
            submitted_at=now,
            updated_at=now,
            attempts=0,
            first_attempt_at=None,
            next_attempt_at=now,
            lease_until=None,
            outcome_unknown=False,
            last_error="",
        )
        if queued:
            background.send_on_commit(DELIVER_TASK, draft.pk, language)
    draft.refresh_from_db()
    return draft


def sweep(now: datetime | None = None) -> int:
    """Queue a delivery for every item that is due; the safety net under the task's own retries."""
    due = list(FaultReport.objects.due(now or timezone.now()).values_list("pk", "language"))
    for report_id, language in due:
        background.send(DELIVER_TASK, report_id, language)
    return len(due)


def purge_expired_drafts(now: datetime | None = None) -> int:
    """Drafts untouched for 30 days are deleted, with their photos; so are drafts of deleted accounts
    (a report delivered after its account went, then refused), which nobody can correct."""
    cutoff = (now or timezone.now()) - DRAFT_LIFETIME
    expired = FaultReport.objects.drafts().filter(Q(updated_at__lte=cutoff) | Q(user=None))
    count = 0
    for draft in expired.iterator():
        with transaction.atomic():
            drafts.discard(draft)
        count += 1
    return count


def purge_delivered_reports(now: datetime | None = None) -> int:
    """Reports delivered 90 days ago are deleted: the errand lives in the landlord's system.

    Until then the account's errand list and the receipt page lean on them (a
    delivered errand the cached session does not show yet, the receipt's link).
    A report whose account was deleted has nobody to show it to: it goes at once.
    """
    cutoff = (now or timezone.now()) - DELIVERED_RETENTION
    delivered = FaultReport.objects.filter(status=FaultReport.Status.DELIVERED)
    deleted, _ = delivered.filter(Q(delivered_at__lte=cutoff) | Q(user=None)).delete()
    return deleted


# --- delivering ------------------------------------------------------------------------------------


def deliver(report_id: int) -> Attempt:
    """One attempt to deliver one queued report; safe to call any number of times."""
    now = timezone.now()
    lease = now + LEASE
    claimed = (
        FaultReport.objects.due(now)
        .filter(pk=report_id)
        .update(
            lease_until=lease,
            attempts=F("attempts") + 1,
            first_attempt_at=Coalesce("first_attempt_at", now),
        )
    )
    if not claimed:  # delivered already, not due yet, or another worker holds it
        return Attempt()
    report = FaultReport.objects.get(pk=report_id)
    held = FaultReport.objects.filter(pk=report_id, status=FaultReport.Status.QUEUED, lease_until=lease)
    client = get_client()
    try:
        key = _once_more_if_it_fails(lambda: client.open_session(customer_number=report.customer_number))
        errand = _created_before(client, key, report) if report.outcome_unknown else None
        if errand is None:
            errand_id = _create(client, key, report)
            errand = _read_back(client, key, errand_id)
        else:
            errand_id = errand.errand_id
    except CircuitOpen as exc:
        return _wait_for_breaker(report, held, exc)
    except (BackendUnavailable, BackendSessionExpired) as exc:
        # Down, slow, 5xx, or our credentials refused: nothing the tenant can change. Wait and retry.
        return _postpone(report, held, exc)
    except BackendError as exc:
        if report.outcome_unknown:
            # An earlier attempt may have made the errand: handing the report back now could
            # make the tenant send it twice. Keep trying until the backend can tell.
            return _postpone(report, held, exc)
        _refuse(report, held, exc)
        return Attempt()
    except Exception:
        # Not the backend's answer (the database busy, the task's time limit, a bug): free the item now,
        # due after the usual wait, for the sweep to send again, instead of holding it for the whole lease.
        held.update(lease_until=None, next_attempt_at=timezone.now() + retry_wait(report.attempts))
        raise
    _delivered(report, errand_id, errand.number if errand else "")
    return Attempt(delivered=True)


def _once_more_if_it_fails[T](call: Callable[[], T]) -> T:
    """A call that makes nothing in PM5 (opening a session, reading one), asked once more at once
    when it failed with a 5xx or a lost connection: one stray failure should not cost the report a
    whole backoff. Not after a timeout (the attempt would only take twice as long), nor when the
    breaker refused it; never the create, which is not safe to repeat (A09)."""
    try:
        return call()
    except (CircuitOpen, BackendTimeout):
        raise
    except BackendUnavailable:
        return call()


def _create(client, key: str, report: FaultReport) -> int:
    try:
        return client.create_fault_report(key, request_for(report), idempotency_key=str(report.idempotency_key))
    except BackendUnavailable:
        # The request went out; whether PM5 made the errand is unknown until we look (A09).
        FaultReport.objects.filter(pk=report.pk).update(outcome_unknown=True)
        raise


def _read_back(client, key: str, errand_id: int) -> Errand | None:
    """The new errand, for its number; the receipt can do without it if PM5 does not answer now."""
    try:
        return client.get_errand(key, errand_id)
    except BackendError as exc:
        logger.info("Delivered errand could not be read back: %s", type(exc).__name__)
        return None


def _created_before(client, key: str, report: FaultReport) -> Errand | None:
    """An errand made from this report by an earlier attempt whose answer never came (A09):
    received after the first attempt, on exactly the report's node path, and not already
    another report's errand."""
    parts = SessionParts(customer=False, errands=True, errand_rows=True)
    session = _once_more_if_it_fails(lambda: client.get_session(key, parts))
    since = report.first_attempt_at - CLOCK_SLACK
    taken = set(
        FaultReport.objects.filter(customer_number=report.customer_number, errand_id__isnull=False).values_list(
            "errand_id", flat=True
        )
    )
    for errand in session.errands or ():
        if errand.errand_id in taken or errand.received_at is None or errand.received_at < since:
            continue
        if [row.path_string for row in errand.rows] == [report.node_path]:
            logger.info("Fault report %s was delivered by an earlier attempt", report.pk)
            return errand
    return None


def request_for(report: FaultReport) -> FaultReportRequest:
    storage = report.photos.model._meta.get_field("image").storage
    contact = None
    if report.contact == FaultReport.Contact.OTHER:
        contact = ReportContact(
            first_name=report.contact_first_name,
            last_name=report.contact_last_name,
            phone=report.contact_phone,
            email=report.contact_email,
        )
    row = ReportRow(
        path=report.node_path,
        description=description_for(report),
        key_handling_id=report.key_handling_id,
        key_note=report.key_note or None,
        fault_type_id=report.fault_type_id,
        photos=tuple(
            ReportPhoto(size=photo.size, open=partial(storage.open, photo.image.name, "rb"))
            for photo in report.photos.all()
        ),
    )
    if report.is_general:  # a disturbance or a request: its class, and when it happened
        return FaultReportRequest(
            head_node_id=report.head_node_id,
            rows=(replace(row, times=general_times(report)),),
            contact=contact,
            pets=None,
            errand_type=GENERAL_ERRAND_TYPE,
            usage=report.errand_class,
        )
    return FaultReportRequest(
        head_node_id=report.head_node_id,
        rows=(row,),
        contact=contact,
        pets=report.pets if report.has_pets else None,  # null when there are none, as the seed says
    )


def general_times(report: FaultReport) -> tuple[tuple[int, datetime], ...]:
    return tuple((int(type_id), datetime.fromisoformat(at)) for type_id, at in sorted(report.times.items()))


def description_for(report: FaultReport) -> str:
    """The tenant's description; a place described in words (PM5 was down) first, where the handler looks.

    In Swedish whatever the tenant's language: it is read in the landlord's system, like the node names.
    """
    if not report.place_in_words:
        return report.description
    return f"Plats: {report.place_in_words}\n\n{report.description}"


def backoff(attempts: int) -> timedelta:
    """The longest wait after ``attempts`` failed attempts: the first wait, doubled each time, capped."""
    wait = settings.FAULT_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(wait, settings.FAULT_RETRY_MAX_SECONDS))


def retry_wait(attempts: int) -> timedelta:
    """The wait before the next attempt: a random point in the upper half of the backoff."""
    longest = backoff(attempts).total_seconds()
    return timedelta(seconds=random.uniform(longest / 2, longest))


def _postpone(report: FaultReport, held: Any, exc: BackendError) -> Attempt:
    retry_at = timezone.now() + retry_wait(report.attempts)
    logger.warning(
        "Fault report %s not delivered (attempt %s, %s); next try at %s",
        report.pk,
        report.attempts,
        # An unavailable backend's text names only the backend, the call and the status (apps.backends.errors).
        exc if isinstance(exc, BackendUnavailable) else type(exc).__name__,
        retry_at.isoformat(timespec="seconds"),
    )
    held.update(lease_until=None, next_attempt_at=retry_at, last_error=type(exc).__name__)
    return Attempt(retry_at=retry_at)


def _wait_for_breaker(report: FaultReport, held: Any, exc: CircuitOpen) -> Attempt:
    """The breaker refused the call, so nothing was sent: not an attempt, and no longer a wait.

    Due again just after the breaker lets its probe through, spread over the upper half of the
    first wait, so a report is there to be the probe and the rest follow once it has answered.
    """
    first = settings.FAULT_RETRY_BASE_SECONDS
    retry_at = timezone.now() + timedelta(seconds=exc.retry_after + random.uniform(first / 2, first))
    logger.info(
        "Fault report %s waits for the breaker (%s); next try at %s",
        report.pk,
        exc,
        retry_at.isoformat(timespec="seconds"),
    )
    held.update(lease_until=None, next_attempt_at=retry_at, attempts=F("attempts") - 1, last_error=type(exc).__name__)
    return Attempt(retry_at=retry_at)


def _refuse(report: FaultReport, held: Any, exc: BackendError) -> None:
    """Back to the tenant: a draft again, every answer and photo kept, with the backend's reason."""
    logger.info("Fault report %s refused by the backend: %s", report.pk, type(exc).__name__)
    held.update(
        lease_until=None,
        status=FaultReport.Status.DRAFT,
        refused_at=timezone.now(),
        refusal=getattr(exc, "message", "") or "",
        last_error=type(exc).__name__,
        idempotency_key=None,
        next_attempt_at=None,
        updated_at=timezone.now(),
    )


@transaction.atomic
def _delivered(report: FaultReport, errand_id: int, number: str) -> None:
    # Recorded even if the lease ran out meanwhile: the errand exists, whoever holds the item now.
    FaultReport.objects.filter(pk=report.pk, status=FaultReport.Status.QUEUED).update(
        lease_until=None,
        status=FaultReport.Status.DELIVERED,
        errand_id=errand_id,
        errand_number=number,
        delivered_at=timezone.now(),
        next_attempt_at=None,
        outcome_unknown=False,
        last_error="",
    )
    photos.delete_files_of(report)  # PM5 has them now
