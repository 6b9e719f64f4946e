"""Kobo's unit and what hangs on it, with English names; read-only, as the client parsed them."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from apps.backends.kobo.codes import NoticeActor, NoticePeriod, UnitStatus, UnitType


@dataclass(frozen=True)
class Address:
    street: str
    house_number: int | None
    house_letter: str | None
    postal_code: str
    town: str | None

    def __str__(self) -> str:
        return f"{self.street} {self.house_number or ''}{self.house_letter or ''}".strip()


@dataclass(frozen=True)
class Reservation:
    case_reference: str
    reserved_on: date | None


@dataclass(frozen=True)
class Allocation:
    case_reference: str
    allocated_at: datetime | None


@dataclass(frozen=True)
class Notice:
    """A registered notice of termination (its fields on the lease)."""

    actor: NoticeActor | None
    received_on: date | None
    effective_from: date | None  # oppsagtFraDato: the day the notice takes effect, the lease's last day
    planned_move_out: date | None


@dataclass(frozen=True)
class Lease:
    kobo_id: str | None
    case_reference: str | None
    start: date | None
    expires: date | None  # kontraktUtlopsdato; None for an open-ended lease
    open_ended: bool
    notice_period: NoticePeriod | None  # None: the lease says nothing of its own
    other_notice_period: str | None  # the period in words when notice_period is OTHER
    notice: Notice | None
    moved_out_on: date | None = None
    ended_on: date | None = None


@dataclass(frozen=True)
class Unit:
    kobo_id: str
    supplier_id: str  # leverandorBoligId: the landlord's object number
    status: UnitStatus | None
    status_date: date | None
    unit_type: UnitType | None
    address: Address | None
    bedrooms: int | None
    area: Decimal | None
    floor: int | None
    monthly_rent: Decimal | None
    reservations: tuple[Reservation, ...]
    allocation: Allocation | None
    lease: Lease | None
    previous_leases: tuple[Lease, ...]
    free_from: date | None
    household_size: int | None  # adults and children on the case linked to the unit
    changed_at: datetime | None


@dataclass(frozen=True)
class NoticeRequest:
    """LeieforholdOppsigelseTO: what the portal sends to register or change a notice."""

    actor: NoticeActor
    period: NoticePeriod
    received_on: date
    effective_from: date
    planned_move_out: date
    other_period: str | None = None


@dataclass(frozen=True)
class LeaseTerms:
    """LeieforholdOpprettOppdaterTO."""

    start: date
    open_ended: bool
    expires: date | None = None


@dataclass(frozen=True)
class UnitRegistration:
    """The part of KoboboligTilKoboTO the portal can send: a unit as the landlord's system knows it."""

    supplier_id: str
    address: Address
    unit_type: UnitType
    status: UnitStatus
    bedrooms: int | None = None
    area: Decimal | None = None
    floor: int | None = None
