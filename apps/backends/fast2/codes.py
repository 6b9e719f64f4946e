"""FAST2's coded values as enums, so no code outside apps.backends compares a FAST2 code.

Each member's value is the code as the seed spells it (and as FAST2 wants it back).
"""

from enum import StrEnum


class WorkOrderStatus(StrEnum):
    """The status codes of seed 2.1, in their life-cycle order."""

    REGISTERED = "REG"
    ORDERED = "GODK"
    ACCEPTED = "PAGAR"
    DONE = "UTFÖRD"
    CANCELLED = "MAK"
    INVOICED = "ÖVERF"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        """Until UTFÖRD a work order can still be changed (seed 2.1)."""
        return self in OPEN_STATUSES


# The seed's own labels, shown when FAST2 sends none.
STATUS_LABELS = {
    WorkOrderStatus.REGISTERED: "Registrerad",
    WorkOrderStatus.ORDERED: "Beställd",
    WorkOrderStatus.ACCEPTED: "Accepterad",
    WorkOrderStatus.DONE: "Utförd",
    WorkOrderStatus.CANCELLED: "Makulerad",
    WorkOrderStatus.INVOICED: "Fakturerad",
}
OPEN_STATUSES = (WorkOrderStatus.REGISTERED, WorkOrderStatus.ORDERED, WorkOrderStatus.ACCEPTED)


class Priority(StrEnum):
    """prioKod: the two priorities the portal sets."""

    NORMAL = "10"
    URGENT = "30"
