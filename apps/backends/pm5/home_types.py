"""The home in PM5's session: planned maintenance, meter data, and answers to maintenance offers.

SessionUnderhåll and SessionMätdataAnläggning hang under each SessionTillgängligtObjekt
(filled only with HämtaUnderhåll / HämtaMätdata); an offer is an Ärende with an
UnderhållsErbjudande, whose rows are what the tenant may accept (contract A47).
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class Maintenance:
    """SessionUnderhåll: one line of the object's maintenance plan."""

    action: str | None  # "Bytes", "Målas"
    target: str | None  # "Badrum 1 / Handukstork"
    planned_on: date | None
    ordered_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class MeterReading:
    """SessionMätdata: one period's value (contract A46)."""

    consumption: Decimal | None
    reading: Decimal | None
    unit: str | None
    period_end: date | None  # "T o m": the last day the value covers
    read_at: datetime | None
    cost: Decimal | None
    unit_price: Decimal | None
    charged: bool


@dataclass(frozen=True)
class Meter:
    """SessionMätare."""

    usage: str | None  # "Varmvatten"
    label: str | None
    readings: tuple[MeterReading, ...]


@dataclass(frozen=True)
class MeterInstallation:
    """SessionMätdataAnläggning: e.g. an apartment's water installation with its meters."""

    usage: str | None  # "Vatten"
    label: str | None
    meters: tuple[Meter, ...]


@dataclass(frozen=True)
class OfferAnswer:
    """SparaUnderhållErbjudandeRad: a row accepted on ``accepted_on``, or None to withdraw an acceptance (A47)."""

    row_id: int
    accepted_on: date | None
