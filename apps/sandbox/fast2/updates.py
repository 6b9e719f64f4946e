"""The priority and planning of PUT /v1/arbetsorder/{id} (editing.py applies the whole body).

A null planering clears the booking; the booking is also the errand's planned
time in PM5, so the tenant sees it.
"""

from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from apps.sandbox.models import ErrandRow, Priority
from apps.sandbox.models.errands import OPEN_STATUSES


class UpdateRefused(Exception):
    """409: the work order is no longer updatable."""


class UpdateInvalid(Exception):
    """400: the body cannot be applied."""


def priority(value: Any) -> int:
    try:
        return Priority(int(str(value)))
    except ValueError:
        raise UpdateInvalid("prioKod ska vara 10 (Normal) eller 30 (Akut).") from None


def planning(value: Any) -> tuple[datetime | None, datetime | None]:
    """A planering object as its booked start and end; None clears the booking."""
    if value is None:
        return None, None
    if not isinstance(value, dict):
        raise UpdateInvalid("planering ska vara ett objekt.")
    try:
        day = date.fromisoformat(str(value.get("bokadDatum") or ""))
    except ValueError:
        raise UpdateInvalid("planering.bokadDatum ska vara ett datum, ÅÅÅÅ-MM-DD.") from None
    start = _clock(value.get("bokadFromTid"), "bokadFromTid") or time(0, 0)
    end = _clock(value.get("bokadTomTid"), "bokadTomTid")
    if end is not None and end <= start:
        raise UpdateInvalid("planering.bokadTomTid ska vara efter bokadFromTid.")
    zone = timezone.get_current_timezone()
    until = datetime.combine(day, end, tzinfo=zone) if end else None
    return datetime.combine(day, start, tzinfo=zone), until


def _clock(value: Any, name: str) -> time | None:
    if value in (None, ""):
        return None
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        raise UpdateInvalid(f"planering.{name} ska vara en tid, TT:MM.") from None


def planned_note(start: datetime | None, until: datetime | None) -> str:
    if start is None:
        return "Planeringen borttagen."
    local = timezone.localtime(start)
    window = local.strftime("%Y-%m-%d %H:%M")
    if until:
        window += "–" + timezone.localtime(until).strftime("%H:%M")
    return f"Planerad {window}."


def plan_errand(row: ErrandRow) -> None:
    """PM5's ÄrendePlaneradStart/Klar: the span of the open rows' bookings."""
    errand = row.errand
    open_rows = [r for r in errand.rows.all() if r.status in OPEN_STATUSES and r.planned_at]
    errand.planned_start = min((r.planned_at for r in open_rows), default=None)
    errand.planned_finish = max((r.planned_until or r.planned_at for r in open_rows), default=None)
    errand.save(update_fields=["planned_start", "planned_finish"])
