"""What the fault-report endpoints take and answer, in English and typed.

Errand, ErrandRow and NodeStep (what Hämta ett ärende answers) live in types.py
with the rest of the session; this module holds what only the fault report uses.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from apps.backends.pm5.types import NodeStep


@dataclass(frozen=True)
class Choice:
    """ÄrendeFelbeskrivningTyp or ÄrendeNyckelhanteringTyp: an id to send back, and its label."""

    choice_id: int
    label: str


@dataclass(frozen=True)
class NodeChoices:
    """ÄrendeAvserVäljareInställningar: the node walk's answer for one path.

    ``levels`` holds one list per node of the path, the last being the children
    of the path's last node. A list not asked for is None.
    """

    levels: tuple[tuple[NodeStep, ...], ...] | None
    fault_types: tuple[Choice, ...] | None
    key_handling: tuple[Choice, ...] | None

    @property
    def children(self) -> tuple[NodeStep, ...]:
        return self.levels[-1] if self.levels else ()


@dataclass(frozen=True)
class ReportContact:
    """SparaÄrendeKontakt: somebody other than the customer to contact about the fault."""

    first_name: str
    last_name: str
    phone: str
    email: str

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class ReportPhoto:
    """A photo to send with a row: its exact size, and how to open it (it is read while sending)."""

    size: int
    open: Callable[[], BinaryIO]
    note: str | None = None


@dataclass(frozen=True)
class ReportRow:
    """SparaÄrendeRad: one fault, on the full joined node path (A03)."""

    path: str
    description: str
    key_handling_id: int | None
    key_note: str | None
    fault_type_id: int | None
    specification: str | None = None
    photos: tuple[ReportPhoto, ...] = ()
    # A general errand's points in time: (ÄrendeKlassTidpunktTyp id, when), e.g. when it happened.
    times: tuple[tuple[int, datetime], ...] = ()


@dataclass(frozen=True)
class FaultReportRequest:
    """Skapa felanmälan: the object reported on (its head node, A03) and its rows."""

    head_node_id: str
    rows: tuple[ReportRow, ...]
    contact: ReportContact | None  # None: the customer is the contact
    pets: str | None  # None: no pets at home (the seed's own rule)
    errand_type: str = "Order"  # "AllmantArende" for a general errand
    usage: str = "Felanmälan"  # AnvändningTyp.Referensnamn; a general errand's class SystemName
