"""A shared errand (Hämta ett ärende by Delningsnyckel), in English and typed."""

from dataclasses import dataclass
from datetime import datetime

from apps.backends.pm5.types import NodeStep


@dataclass(frozen=True)
class SharedRow:
    """What a shared errand tells about one row: what and where in general words, and how far it has come."""

    object_kind: str | None  # "Tvättstuga", "Lägenhet": never the object's number or address
    node_path: tuple[NodeStep, ...]  # below the object: "Tvättmaskin 1 / Startar inte"
    status_label: str | None
    step_label: str | None
    action: str | None
    planned_at: datetime | None
    done_at: datetime | None


@dataclass(frozen=True)
class SharedErrand:
    """Hämta ett ärende by Delningsnyckel, as the portal shows it to anyone with the link.

    Only these fields are read: the errand's contacts (the reporter), its handlers,
    the rows' addresses, object numbers, photos and history (with staff names) never
    leave the client, so no page or cache can show them by mistake.
    """

    number: str
    kind: str | None
    received_at: datetime | None
    planned_start: datetime | None
    planned_end: datetime | None
    closed_at: datetime | None
    rows: tuple[SharedRow, ...]

    @property
    def status_label(self) -> str | None:
        return next((row.status_label for row in self.rows if row.status_label), None)
