"""Changing and deleting a händelse of a work order; adding one is in services.py.

Every händelse id from the browser is looked up among the work order's own
händelser first (404 otherwise). FAST2's own system händelser (a status change)
are the work order's history: staff change and delete only the other kinds.
"""

from django.utils.translation import gettext

from apps.backends import fast2
from apps.backends.errors import BackendNotFound
from apps.staff.audit import audit
from apps.staff.models import AuditEntry
from apps.staff.refusals import ActionRefused, refusable

# FAST2's reasons name the field first ("rubrik krävs …"): the form field to show them at.
WIRE_FIELDS = {
    "rubrik": "title",
    "text": "text",
    "typKod": "type_code",
    "aktivFrom": "active_from",
    "aktivTom": "active_to",
}


def event_of(work_order_id: int, event_id: int) -> fast2.Event:
    """The händelse, if it is this work order's and not the system's; BackendNotFound (a 404) otherwise."""
    for event in fast2.get_client().events(work_order_id):
        if event.id == event_id and not event.is_system:
            return event
    raise BackendNotFound("FAST2 händelse: not on this work order")


def change(work_order_id: int, event_id: int, change: fast2.EventChange, *, by) -> None:
    before = event_of(work_order_id, event_id)
    refusable(
        lambda: fast2.get_client().update_event(event_id, change),
        gettext("Händelsen kunde inte ändras."),
        WIRE_FIELDS,
    )
    audit(work_order_id, AuditEntry.Action.EVENT_CHANGED, by, before=describe(before), after=describe(change))


def delete(work_order_id: int, event_id: int, *, by) -> None:
    before = event_of(work_order_id, event_id)
    refusable(lambda: fast2.get_client().delete_event(event_id), gettext("Händelsen kunde inte tas bort."))
    audit(work_order_id, AuditEntry.Action.EVENT_REMOVED, by, before=describe(before), after="")


def describe(event: fast2.Event | fast2.EventChange) -> str:
    """Its title, and the days it is active when they end (FAST2 reads every händelse as active from its day)."""
    text = event.title
    if event.active_to:
        start = event.active_from.isoformat() if event.active_from else ""
        end = event.active_to.isoformat() if event.active_to else ""
        text += f" ({start}–{end})"
    return text


__all__ = ["ActionRefused", "change", "delete", "describe", "event_of"]
