"""The Momentum Errands Rows v2 client (seed 002): an errand's rows, participants and accounting."""

from apps.backends.errands.client import ErrandsClient, get_client
from apps.backends.errands.types import (
    Accounting,
    Address,
    CodingPart,
    CodingRow,
    Errand,
    ErrandRow,
    IncomingReference,
    Invoice,
    Participant,
    Parts,
    PrimaryObject,
    Status,
)

__all__ = [
    "Accounting",
    "Address",
    "CodingPart",
    "CodingRow",
    "Errand",
    "ErrandRow",
    "ErrandsClient",
    "IncomingReference",
    "Invoice",
    "Participant",
    "Parts",
    "PrimaryObject",
    "Status",
    "get_client",
]
