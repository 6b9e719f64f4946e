"""What the FAST2 tider endpoints take and answer, in English and typed."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Activity:
    """An aktivitet from the value list: what the time was spent on."""

    id: int
    text: str


@dataclass(frozen=True)
class TimeEntry:
    id: int
    work_order_id: int | None
    resource_id: str | None
    hours: int
    minutes: int
    start_time: str | None
    end_time: str | None
    date_from: date | None
    date_to: date | None
    activity: str | None
    activity_id: int | None
    price: Decimal | None
    running: bool  # the sandbox's "pagar"; a backend without it never reports a running timer

    @property
    def total_minutes(self) -> int:
        return self.hours * 60 + self.minutes


@dataclass(frozen=True)
class TimeInput:
    """What the portal sends to book or change a Tid (TidInput)."""

    hours: int = 0
    minutes: int = 0
    start_time: str | None = None
    end_time: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    activity_id: int | None = None
    price: Decimal | None = None
    resource_id: str | None = None  # None: the logged-in resource
