"""An errand's rows as the portal reads them from Errands v2: frozen, English names.

Every part but the ids may be missing (contract ambiguity 3): what was not
asked for, or not sent, is None or empty.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

RENTABLE_TYPE = "rentalObject"


@dataclass(frozen=True)
class Parts:
    """What to ask for: the flags of GET /v2/errands/{id}, all on by default."""

    rows: bool = True
    accounting: bool = True
    coding: bool = True
    vat: bool = True
    incoming_invoices: bool = True
    primary_object: bool = True
    participants: bool = True
    entity_path: bool = True


@dataclass(frozen=True)
class Status:
    created: datetime | None
    closed: datetime | None
    label: str | None


@dataclass(frozen=True)
class Address:
    street: str | None
    postcode: str | None
    city: str | None


@dataclass(frozen=True)
class PrimaryObject:
    id: str | None
    type_id: str | None
    type_label: str | None
    type_class: str | None  # e.g. Lägenhet, Parkeringsplats
    name: str | None
    address: Address | None

    @property
    def rentable(self) -> bool:
        # Only rentalObject is documented; any other type is read as not rentable (ambiguity 19).
        return self.type_id == RENTABLE_TYPE


@dataclass(frozen=True)
class Participant:
    type_id: str | None  # manager, supplier, orderer, contact, ... (an open list)
    type_label: str | None
    actor_id: str | None
    name: str


@dataclass(frozen=True)
class CodingPart:
    label: str | None  # the dimension's header, e.g. Konto
    dimension: str | None  # the dimension's number, e.g. 22
    value: str | None  # the coded value, e.g. 4657


@dataclass(frozen=True)
class CodingRow:
    debit: bool | None  # None when not sent
    parts: tuple[CodingPart, ...]

    @property
    def distinct_parts(self) -> tuple[CodingPart, ...]:
        """The parts with exact repeats left out (the seed's third row lists each twice, ambiguity 12)."""
        return tuple(dict.fromkeys(self.parts))


@dataclass(frozen=True)
class Invoice:
    id: str | None
    number: str | None


@dataclass(frozen=True)
class IncomingReference:
    reference: str | None  # the IB number
    guid: str | None
    invoices: tuple[Invoice, ...]


@dataclass(frozen=True)
class Accounting:
    estimated_cost: Decimal | None
    vat_registered: bool | None
    coding: tuple[CodingRow, ...]
    incoming: IncomingReference | None


@dataclass(frozen=True)
class ErrandRow:
    id: str
    number: str | None
    status: Status | None
    description: str | None
    specification: str | None
    primary_object: PrimaryObject | None
    entity_path: tuple[str, ...]
    participants: tuple[Participant, ...]
    accounting: Accounting | None


@dataclass(frozen=True)
class Errand:
    id: str
    number: str | None
    name: str | None
    type_label: str | None
    status: Status | None
    rows: tuple[ErrandRow, ...]
