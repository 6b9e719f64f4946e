"""Kobo Bolig API V1 client (seed 004): units, reservations, allocations, leases, notices, the webhook key."""

from apps.backends.kobo.client import KoboClient, get_client
from apps.backends.kobo.codes import LeaseEndReason, NoticeActor, NoticePeriod, UnitStatus, UnitType
from apps.backends.kobo.types import (
    Address,
    Allocation,
    Lease,
    LeaseTerms,
    Notice,
    NoticeRequest,
    Reservation,
    Unit,
    UnitRegistration,
)

__all__ = [
    "Address",
    "Allocation",
    "KoboClient",
    "Lease",
    "LeaseEndReason",
    "LeaseTerms",
    "Notice",
    "NoticeActor",
    "NoticePeriod",
    "NoticeRequest",
    "Reservation",
    "Unit",
    "UnitRegistration",
    "UnitStatus",
    "UnitType",
    "get_client",
]
