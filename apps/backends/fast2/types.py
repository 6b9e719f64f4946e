"""FAST2 work orders as the portal reads them: frozen, English names, no wire spelling."""

from dataclasses import dataclass, field
from datetime import date, datetime

# The status codes of seed 2.1, in their life-cycle order; the labels are the seed's.
STATUS_LABELS = {
    "REG": "Registrerad",
    "GODK": "Beställd",
    "PAGAR": "Accepterad",
    "UTFÖRD": "Utförd",
    "MAK": "Makulerad",
    "ÖVERF": "Fakturerad",
}
STATUS_CODES = tuple(STATUS_LABELS)
# Until UTFÖRD a work order can still be changed (seed 2.1).
OPEN_STATUSES = ("REG", "GODK", "PAGAR")


@dataclass(frozen=True)
class Status:
    code: str
    label: str


@dataclass(frozen=True)
class Planning:
    day: date | None
    from_time: str | None
    to_time: str | None


@dataclass(frozen=True)
class WorkOrder:
    id: int
    errand_number: str | None
    object_id: str
    customer_id: int | None
    status: str
    kind_code: str | None
    kind_label: str | None
    room: str | None
    unit: str | None
    unit_note: str | None
    phrase: str | None
    description: str | None
    comment: str | None
    remark: str | None
    action_taken: str | None
    access: str | None
    priority_code: str | None
    priority_label: str | None
    performer: str | None
    origin: str | None
    registered_at: datetime | None
    ordered_at: datetime | None
    accepted_at: datetime | None
    done_at: datetime | None
    modified_at: datetime | None
    planning: Planning | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class Sla:
    start: datetime | None
    agreed_end: datetime | None
    actual_end: datetime | None
    difference_minutes: int | None  # agreed end minus actual end (or now): negative is overdue

    @property
    def breached(self) -> bool:
        return self.difference_minutes is not None and self.difference_minutes < 0

    @property
    def closed(self) -> bool:
        return self.actual_end is not None


@dataclass(frozen=True)
class Event:
    id: int
    title: str
    text: str | None
    type_code: str | None
    type_label: str | None
    created_by: str | None
    registered_at: datetime | None


@dataclass(frozen=True)
class EventType:
    code: str
    label: str


@dataclass(frozen=True)
class WorkOrderQuery:
    """The filters of GET /v1/arbetsorder; empty means "any"."""

    statuses: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    object_id: str = ""
    created_after: date | None = None
    modified_after: datetime | None = None
    kinds: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Contact:
    """A kontaktperson of a work order; also what the portal sends to create or change one."""

    name: str
    email: str = ""
    mobile: str = ""
    other_phone: str = ""
    note: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    id: int | None = None
    work_order_id: int | None = None
