"""What the staff pages ask of FAST2, and the audit log of what staff did.

The queue pages the backend's offset/limit list. FAST2 has no free-text search,
so a query with text reads up to SCAN_LIMIT matching work orders and filters
here; counts per status are one read of at most SCAN_LIMIT, cached briefly and
dropped whenever a member of staff changes a status.
"""

from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial
from urllib.parse import quote
from uuid import uuid4

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext

from apps.backends import fast2, parallel
from apps.backends.download import Download
from apps.backends.errors import BackendNotFound
from apps.backends.fast2.types import WorkOrderFile
from apps.staff import time_reporting
from apps.staff.audit import audit
from apps.staff.errand_rows import ErrandRows, for_work_order
from apps.staff.models import AuditEntry
from apps.staff.refusals import ActionRefused, refusable

PAGE_SIZE = 25
SCAN_LIMIT = 1000
COUNTS_KEY = "staff:status-counts"
COUNTS_GENERATION_KEY = "staff:status-counts-generation"
COUNTS_SECONDS = 30
EVENT_TYPES_KEY = "staff:event-types"
# An objekt's utrymmen, an utrymme's enheter, an enhet's fraser: FAST2's structure, which staff
# do not change from the portal and which changes rarely; kept a few minutes for every work order.
PLACES_KEY = "staff:places:{level}:{parent}"
PLACES_SECONDS = 10 * 60
PLACE_LEVELS = ("rooms", "units", "phrases")


@dataclass(frozen=True)
class QueueFilters:
    status: str = ""
    priority: str = ""
    object_id: str = ""
    created_after: date | None = None
    modified_after: date | None = None
    text: str = ""
    performer: str = ""  # a FAST2 resource id: only the work orders it is utförare of

    def query(self) -> fast2.WorkOrderQuery:
        return fast2.WorkOrderQuery(
            performers=(self.performer,) if self.performer else (),
            statuses=(self.status,) if self.status else (),
            priorities=(self.priority,) if self.priority else (),
            object_id=self.object_id,
            created_after=self.created_after,
            # Staff pick a day; FAST2 wants a moment (RFC 3339): that day's local midnight.
            modified_after=_start_of(self.modified_after),
        )


@dataclass(frozen=True)
class QueuePage:
    work_orders: list[fast2.WorkOrder]
    number: int
    has_next: bool


@dataclass(frozen=True)
class StatusCounts:
    counts: list[tuple[str, str, int]]  # (code, label, count) in life-cycle order
    capped: bool  # SCAN_LIMIT reached: the counts are "at least"


@dataclass(frozen=True)
class WorkOrderPage:
    work_order: fast2.WorkOrder
    events: list[fast2.Event]
    status_choices: list[fast2.Status]
    event_types: list[fast2.EventType]
    sla: fast2.Sla
    contacts: list[fast2.Contact]
    audit: list[AuditEntry]
    errand_rows: ErrandRows = ErrandRows()
    times: time_reporting.TimeSheet = time_reporting.TimeSheet()
    activities: tuple[fast2.Activity, ...] = ()
    places: "Places | None" = None  # an open work order's choices of utrymme, enhet and fras


@dataclass(frozen=True)
class Places:
    """Where an open work order may be moved: the objekt's utrymmen, its utrymme's enheter, its enhet's fraser."""

    rooms: tuple = ()
    units: tuple = ()
    phrases: tuple = ()


def queue(filters: QueueFilters, page: int) -> QueuePage:
    client = fast2.get_client()
    if filters.text:
        needle = filters.text.casefold()
        found = [wo for wo in client.work_orders(filters.query(), limit=SCAN_LIMIT) if needle in _haystack(wo)]
        start = (page - 1) * PAGE_SIZE
        return QueuePage(found[start : start + PAGE_SIZE], page, len(found) > start + PAGE_SIZE)
    # One more than a page tells whether there is a next page; the list has no total (contract 17).
    orders = client.work_orders(filters.query(), offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE + 1)
    return QueuePage(orders[:PAGE_SIZE], page, len(orders) > PAGE_SIZE)


def queue_and_counts(filters: QueueFilters, page: int) -> tuple[QueuePage, StatusCounts]:
    """The queue's page and the counts per status (all, or one resource's): one round, cached counts or not.

    The counts are cached until a status changes; when they are not, they are read
    at the same time as the page.
    """
    # The generation changes with every status change, so every resource's counts go at once.
    generation = cache.get_or_set(COUNTS_GENERATION_KEY, lambda: uuid4().hex, None)
    key = f"{COUNTS_KEY}:{generation}:{filters.performer}"
    counts = cache.get(key)
    if counts is not None:
        return queue(filters, page), counts
    counting = parallel.read(_count, key, filters.performer)
    return queue(filters, page), counting.result()


def _count(key: str, performer: str) -> StatusCounts:
    query = fast2.WorkOrderQuery(performers=(performer,) if performer else ())
    orders = fast2.get_client().work_orders(query, limit=SCAN_LIMIT)
    tally = Counter(wo.status for wo in orders)
    counts = StatusCounts(
        counts=[(code, label, tally.get(code, 0)) for code, label in fast2.STATUS_LABELS.items()],
        capped=len(orders) >= SCAN_LIMIT,
    )
    cache.set(key, counts, COUNTS_SECONDS)
    return counts


def work_order_page(work_order_id: int) -> WorkOrderPage:
    """The work order first (an unknown id ends here), then every other read at once: two rounds.

    Each read is a round trip to FAST2 or Errands v2 and none needs another's
    answer, so the page waits for the slowest of them rather than their sum. The
    value lists the forms offer come from the cache (one look-up for all of them),
    and only the ones not there are read, with the rest.
    """
    client = fast2.get_client()
    work_order = client.work_order(work_order_id)
    events = parallel.read(client.events, work_order_id)
    status_choices = parallel.read(client.status_choices, work_order_id)
    sla = parallel.read(client.sla, work_order_id)
    contacts = parallel.read(client.contacts, work_order_id)
    errand_rows = parallel.read(for_work_order, work_order)
    times = parallel.read(time_reporting.sheet, work_order_id)
    lists = _value_lists(client, work_order)
    places = {level: tuple(lists[level].result()) for level in PLACE_LEVELS if level in lists}
    return WorkOrderPage(
        work_order=work_order,
        events=sorted(events.result(), key=lambda e: (e.registered_at is None, e.registered_at)),
        status_choices=status_choices.result(),
        event_types=lists["event_types"].result(),
        sla=sla.result(),
        contacts=contacts.result(),
        audit=list(AuditEntry.objects.filter(work_order_id=work_order_id).select_related("actor")),
        errand_rows=errand_rows.result(),
        times=times.result(),
        activities=tuple(lists["activities"].result()),
        # An open work order's choices of where to move it: the edit form costs no round trip of its own.
        places=Places(**places) if work_order.is_open else None,
    )


def _value_lists(client, work_order: fast2.WorkOrder) -> dict[str, Future]:
    """The händelse types, the aktiviteter and an open work order's places: cached, or read now on the pool."""
    reads: dict[str, tuple[str, Callable[[], list]]] = {  # what → (its cache key, how to read it)
        "event_types": (EVENT_TYPES_KEY, event_types),
        "activities": (time_reporting.ACTIVITIES_KEY, time_reporting.activities),
    }
    if work_order.is_open:
        where = {"rooms": (client.rooms, work_order.object_id)}
        if work_order.room_id:
            where["units"] = (client.units, work_order.room_id)
        if work_order.unit_id:
            where["phrases"] = (client.phrases, work_order.unit_id)
        for level, (fetch, parent) in where.items():
            key = PLACES_KEY.format(level=level, parent=quote(str(parent), safe=""))
            reads[level] = (key, partial(_cached, key, PLACES_SECONDS, fetch, parent))
    cached = cache.get_many([key for key, _ in reads.values()])
    return {what: _known(cached[key]) if key in cached else parallel.read(read) for what, (key, read) in reads.items()}


def _cached[T](key: str, seconds: int, fetch: Callable[..., T], *args) -> T:
    found = fetch(*args)
    cache.set(key, found, seconds)
    return found


def _known[T](value: T) -> Future[T]:
    known: Future[T] = Future()
    known.set_result(value)
    return known


def move_status(work_order_id: int, target: str, *, by) -> fast2.Status:
    """Move the work order to ``target`` if the backend offers it now, and log who did it."""
    client = fast2.get_client()
    offered = {status.code: status for status in client.status_choices(work_order_id)}
    if target not in offered:
        raise ActionRefused(_refused_message())
    before = client.status(work_order_id)
    refusable(lambda: client.set_status(work_order_id, target), _refused_message())
    audit(work_order_id, AuditEntry.Action.STATUS, by, before=before.code, after=target)
    cache.delete(COUNTS_GENERATION_KEY)
    return offered[target]


def event_types() -> list[fast2.EventType]:
    """The händelse types staff may add; a value list that changes rarely, cached for an hour."""
    types = cache.get(EVENT_TYPES_KEY)
    if types is None:
        types = fast2.get_client().event_types()
        cache.set(EVENT_TYPES_KEY, types, 60 * 60)
    return types


def add_event(work_order_id: int, *, title: str, text: str, type_code: str, by) -> None:
    refusable(
        lambda: fast2.get_client().add_event(work_order_id, title=title, text=text, type_code=type_code),
        gettext("Händelsen kunde inte sparas."),
    )
    audit(work_order_id, AuditEntry.Action.EVENT, by, before="", after=title)


def change_priority(work_order_id: int, code: str, *, by) -> None:
    client = fast2.get_client()
    before = client.work_order(work_order_id).priority_code or ""
    if before == code:
        return
    _updated(lambda: client.set_priority(work_order_id, code))
    audit(work_order_id, AuditEntry.Action.PRIORITY, by, before=before, after=code)


def plan(work_order_id: int, planning: fast2.Planning | None, *, by) -> None:
    client = fast2.get_client()
    before = describe_planning(client.work_order(work_order_id).planning)
    _updated(lambda: client.set_planning(work_order_id, planning))
    audit(work_order_id, AuditEntry.Action.PLANNING, by, before=before, after=describe_planning(planning))


def close_sla(work_order_id: int, *, by) -> None:
    client = fast2.get_client()
    if client.sla(work_order_id).closed:
        raise ActionRefused(gettext("SLA:n är redan avslutad."))
    _updated(lambda: client.close_sla(work_order_id))
    audit(work_order_id, AuditEntry.Action.SLA, by, before=gettext("Pågår"), after=gettext("Avslutad"))


def contact_of(work_order_id: int, contact_id: int) -> fast2.Contact:
    """The contact person, if it belongs to this work order; BackendNotFound (a 404) otherwise.

    The id comes from the browser: it is looked up among the work order's own
    contacts before anything is changed, so a form cannot reach another order's.
    """
    for contact in fast2.get_client().contacts(work_order_id):
        if contact.id == contact_id:
            return contact
    raise BackendNotFound("FAST2 kontaktperson: not on this work order")


def open_file(work_order_id: int, file_id: int) -> tuple[WorkOrderFile, Download]:
    """One of the work order's files and its bytes, opened for streaming; BackendNotFound if not its own.

    The id comes from the browser: it is looked up among the work order's own
    files first, so another order's file is never fetched. The caller hands the
    download on or closes it.
    """
    client = fast2.get_client()
    for found in client.work_order(work_order_id).files:
        if found.id == file_id:
            return found, client.file(found.id)
    raise BackendNotFound("FAST2 file: not on this work order")


def add_contact(work_order_id: int, contact: fast2.Contact, *, by) -> None:
    _updated(lambda: fast2.get_client().add_contact(work_order_id, contact))
    audit(work_order_id, AuditEntry.Action.CONTACT_ADDED, by, before="", after=describe_contact(contact))


def change_contact(work_order_id: int, contact_id: int, contact: fast2.Contact, *, by) -> None:
    before = contact_of(work_order_id, contact_id)
    _updated(lambda: fast2.get_client().update_contact(contact_id, contact))
    audit(
        work_order_id,
        AuditEntry.Action.CONTACT_CHANGED,
        by,
        before=describe_contact(before),
        after=describe_contact(contact),
    )


def remove_contact(work_order_id: int, contact_id: int, *, by) -> None:
    before = contact_of(work_order_id, contact_id)
    _updated(lambda: fast2.get_client().delete_contact(contact_id))
    audit(work_order_id, AuditEntry.Action.CONTACT_REMOVED, by, before=describe_contact(before), after="")


def describe_contact(contact: fast2.Contact) -> str:
    parts = [contact.name, contact.mobile, contact.other_phone, contact.email]
    return ", ".join(p for p in parts if p)[:200]


def describe_planning(planning: fast2.Planning | None) -> str:
    if planning is None or planning.day is None:
        return ""
    text = planning.day.isoformat()
    if planning.from_time:
        text += f" {planning.from_time}"
        if planning.to_time:
            text += f"–{planning.to_time}"
    return text


def _updated(update) -> None:
    refusable(update, gettext("Arbetsordern kunde inte ändras."))


def _refused_message() -> str:
    return gettext("Statusen kan inte ändras så. Sidan visar nu de steg som är möjliga.")


def _haystack(wo: fast2.WorkOrder) -> str:
    parts = (wo.errand_number, wo.object_id, wo.room, wo.unit, wo.phrase, wo.description, wo.comment, str(wo.id))
    return " ".join(p for p in parts if p).casefold()


def _start_of(day: date | None) -> datetime | None:
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.min))
