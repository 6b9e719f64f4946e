"""What the cash-services register says, as frozen dataclasses with English names.

Amounts are whole kronor, percentages Decimal percent (1.5 = 1.5 %), x/y
SWEREF 99 TM easting/northing in metres (contract A2). None is "not given".
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from apps.backends.cashservices.codes import ServiceForm, ServiceType


@dataclass(frozen=True)
class ServiceTypeRef:
    id: int
    name: str
    kind: ServiceType | None  # None: a type this portal does not know


@dataclass(frozen=True)
class ServiceFormRef:
    id: int
    service_type_id: int | None
    name: str
    kind: ServiceForm | None
    description: str | None


@dataclass(frozen=True)
class Organisation:
    id: int
    name: str


@dataclass(frozen=True)
class Provider:
    """A service point (serviceplats)."""

    id: int
    name: str
    code: str | None
    x: Decimal
    y: Decimal
    visiting_address: str
    postal_code: str
    post_town: str


@dataclass(frozen=True)
class Service:
    id: int
    provider_id: int
    principal_id: int
    service_type_id: int
    forms: tuple[str, ...]
    active: bool
    year: int
    updated_on: date | None
    external_id: str | None
    procured_by_county: bool | None  # lst
    tickets_required: bool | None


@dataclass(frozen=True)
class Terms:
    """Opening hours, fees and access of a template or an adaptation."""

    open_hours_per_week: int | None
    closed_weeks_per_year: int | None
    opening_hours_note: str | None
    min_flat_fee: int | None
    max_flat_fee: int | None
    min_percentage_fee: Decimal | None
    max_percentage_fee: Decimal | None
    fee_note: str | None
    access_barrier: bool | None
    access_barrier_note: str | None


@dataclass(frozen=True)
class Template:
    id: int
    principal_id: int
    service_type_id: int
    service_form_id: int
    terms: Terms


@dataclass(frozen=True)
class Adaptation:
    id: int
    service_id: int
    service_form_id: int
    terms: Terms


@dataclass(frozen=True)
class FeeModel:
    id: int
    supplier_id: int
    principal_id: int
    service_type_id: int
    service_form_id: int
    min_flat_fee: int
    max_flat_fee: int
    min_percentage_fee: Decimal
    max_percentage_fee: Decimal
    note: str | None
    included_service_ids: tuple[int, ...]  # empty: every service of the principal (contract A18)
