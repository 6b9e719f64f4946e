"""Time booked on a work order (FAST2 tider): the sheet the page shows, and the staff actions on it.

Every time id from the browser is looked up among the work order's own tider
first, so a form cannot change or delete time on another work order. Each
change is written to the staff audit log, like every other staff action.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext

from apps.backends import fast2
from apps.backends.errors import BackendNotFound
from apps.backends.fast2.times import Activity, TimeEntry, TimeInput
from apps.staff.audit import audit
from apps.staff.models import AuditEntry
from apps.staff.refusals import refusable

ACTIVITIES_KEY = "staff:time-activities"
# The FAST2 wire name a refusal starts with (the sandbox's reasons do) → the form field it belongs to.
WIRE_FIELDS = {
    "timmar": "hours",
    "minuter": "minutes",
    "starttid": "start_time",
    "sluttid": "end_time",
    "datumFom": "day",
    "datumTom": "day",
    "frasId": "activity",
}


@dataclass(frozen=True)
class TimeSheet:
    entries: tuple[TimeEntry, ...] = ()

    @property
    def total_minutes(self) -> int:
        return sum(entry.total_minutes for entry in self.entries if not entry.running)

    @property
    def running(self) -> TimeEntry | None:
        return next((entry for entry in self.entries if entry.running), None)


def sheet(work_order_id: int) -> TimeSheet:
    return TimeSheet(tuple(fast2.get_client().times(work_order_id)))


def activities() -> list[Activity]:
    """The aktiviteter time is booked on; a value list that changes rarely, cached for an hour."""
    found = cache.get(ACTIVITIES_KEY)
    if found is None:
        found = fast2.get_client().activities()
        cache.set(ACTIVITIES_KEY, found, 60 * 60)
    return found


def entry_of(work_order_id: int, time_id: int) -> TimeEntry:
    """The tid, if it is booked on this work order; BackendNotFound (a 404) otherwise."""
    for entry in fast2.get_client().times(work_order_id):
        if entry.id == time_id:
            return entry
    raise BackendNotFound("FAST2 tid: not on this work order")


def add(work_order_id: int, entry: TimeInput, *, by) -> None:
    _refusable(lambda: fast2.get_client().add_time(work_order_id, entry))
    audit(work_order_id, AuditEntry.Action.TIME_ADDED, by, before="", after=describe(entry))


def change(work_order_id: int, time_id: int, entry: TimeInput, *, by) -> None:
    before = entry_of(work_order_id, time_id)
    _refusable(lambda: fast2.get_client().update_time(time_id, entry))
    audit(work_order_id, AuditEntry.Action.TIME_CHANGED, by, before=describe(before), after=describe(entry))


def delete(work_order_id: int, time_id: int, *, by) -> None:
    before = entry_of(work_order_id, time_id)
    _refusable(lambda: fast2.get_client().delete_time(time_id))
    audit(work_order_id, AuditEntry.Action.TIME_REMOVED, by, before=describe(before), after="")


def start_timer(work_order_id: int, *, by) -> None:
    _refusable(lambda: fast2.get_client().start_timer(work_order_id))
    audit(work_order_id, AuditEntry.Action.TIMER_STARTED, by, before="", after=gettext("Pågår"))


def stop_timer(work_order_id: int, *, by) -> None:
    _refusable(lambda: fast2.get_client().stop_timer(work_order_id))
    audit(work_order_id, AuditEntry.Action.TIMER_STOPPED, by, before=gettext("Pågår"), after=gettext("Stoppad"))


def describe(entry: TimeEntry | TimeInput) -> str:
    """What the audit log keeps of a tid: day, duration and activity (its id when the text is not at hand)."""
    parts = [entry.date_from.isoformat() if entry.date_from else ""]
    parts.append(f"{entry.hours} h {entry.minutes} min")
    if entry.start_time and entry.end_time:
        parts.append(f"{entry.start_time}–{entry.end_time}")
    activity = getattr(entry, "activity", None) or _activity_text(entry.activity_id)
    parts.append(activity)
    return ", ".join(p for p in parts if p)[:200]


def _activity_text(activity_id: int | None) -> str:
    """A new tid's activity as its text: the value list is cached, so this costs no call."""
    if activity_id is None:
        return ""
    return next((a.text for a in activities() if a.id == activity_id), str(activity_id))


def _refusable(call) -> None:
    refusable(call, gettext("Tiden kunde inte sparas."), WIRE_FIELDS)
