"""What the staff pages ask of FAST2, and the audit log of what staff did.

The queue pages the backend's offset/limit list. FAST2 has no free-text search,
so a query with text reads up to SCAN_LIMIT matching work orders and filters
here; counts per status are one read of at most SCAN_LIMIT, cached briefly and
dropped whenever a member of staff changes a status.
"""

from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date, datetime, time
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


def status_counts(performer: str = "") -> StatusCounts:
    """Work orders per status: all of them, or one resource's; cached until a status changes."""
    # The generation changes with every status change, so every resource's counts go at once.
    key = f"{COUNTS_KEY}:{cache.get_or_set(COUNTS_GENERATION_KEY, lambda: uuid4().hex, None)}:{performer}"
    cached = cache.get(key)
    if cached is not None:
        return cached
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
    """The work order first (an unknown id ends here), then the other six reads at once.

    Each read is a round trip to FAST2 or Errands v2 and none needs another's
    answer, so the page waits for the slowest of them rather than their sum.
    """
    client = fast2.get_client()
    work_order = client.work_order(work_order_id)
    events = parallel.read(client.events, work_order_id)
    status_choices = parallel.read(client.status_choices, work_order_id)
    sla = parallel.read(client.sla, work_order_id)
    contacts = parallel.read(client.contacts, work_order_id)
    errand_rows = parallel.read(for_work_order, work_order)
    times = parallel.read(time_reporting.sheet, work_order_id)
    # Read with the rest, so the edit form's choices cost no round trip of their own.
    places = _places(client, work_order) if work_order.is_open else None
    return WorkOrderPage(
        work_order=work_order,
        events=sorted(events.result(), key=lambda e: (e.registered_at is None, e.registered_at)),
        status_choices=status_choices.result(),
        event_types=event_types(),
        sla=sla.result(),
        contacts=contacts.result(),
        audit=list(AuditEntry.objects.filter(work_order_id=work_order_id).select_related("actor")),
        errand_rows=errand_rows.result(),
        times=times.result(),
        activities=tuple(time_reporting.activities()),
        places=Places(**{level: tuple(read.result()) for level, read in places.items()}) if places else None,
    )


def _places(client, work_order: fast2.WorkOrder) -> dict[str, Future]:
    reads = {"rooms": parallel.read(client.rooms, work_order.object_id)}
    if work_order.room_id:
        reads["units"] = parallel.read(client.units, work_order.room_id)
    if work_order.unit_id:
        reads["phrases"] = parallel.read(client.phrases, work_order.unit_id)
    return reads


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
