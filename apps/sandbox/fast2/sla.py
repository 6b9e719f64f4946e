"""SLA of a work order (seed 7.8), as the contract reads it (ambiguity 21).

Start is the registration; the agreed end follows from the priority (the
sandbox's own agreement: Akut within a day, Normal within two weeks); the
actual end is set by "Avsluta SLA". slaDiff is in minutes, agreed end minus
actual end (or minus now while open): negative means overdue.
"""

from datetime import datetime, timedelta

from django.utils import timezone

from apps.sandbox.fast2.wire import moment
from apps.sandbox.models import ErrandRow, ErrandRowHistoryEntry, Priority

AGREED = {Priority.AKUT: timedelta(hours=24), Priority.NORMAL: timedelta(days=14)}


def iso_duration(span: timedelta) -> str:
    """prioSla as ISO 8601: P14D for whole days beyond one, else hours (PT24H)."""
    if span > timedelta(days=1) and span % timedelta(days=1) == timedelta(0):
        return f"P{span.days}D"
    return f"PT{int(span.total_seconds() // 3600)}H"


def agreed_end(row: ErrandRow) -> datetime:
    return row.registered_at + AGREED.get(row.priority, AGREED[Priority.NORMAL])


def sla(row: ErrandRow, now: datetime | None = None) -> dict:
    end = agreed_end(row)
    actual = row.sla_closed_at
    diff = end - (actual or now or timezone.now())
    return {
        "slaStart": moment(row.registered_at),
        "slaAvtalatSlut": moment(end),
        "slaFaktisktSlut": moment(actual),
        "slaDiff": int(diff.total_seconds() // 60),
    }


def close(row: ErrandRow, *, by: str) -> None:
    """A second call changes nothing (contract ambiguity 21)."""
    updated = ErrandRow.objects.filter(pk=row.pk, sla_closed_at__isnull=True).update(sla_closed_at=timezone.now())
    if updated:
        ErrandRowHistoryEntry.objects.create(row=row, label="SLA avslutad", at=timezone.now(), user=by)
