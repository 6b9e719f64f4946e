"""The FAST2 API arbetsorder client (seed 001): staff work-order handling."""

from apps.backends.fast2.client import Fast2Client, get_client
from apps.backends.fast2.codes import OPEN_STATUSES, STATUS_LABELS, Priority, WorkOrderStatus
from apps.backends.fast2.times import Activity, TimeEntry, TimeInput
from apps.backends.fast2.types import (
    STATUS_CODES,
    Contact,
    Event,
    EventChange,
    EventType,
    Planning,
    Sla,
    Status,
    WorkOrder,
    WorkOrderChange,
    WorkOrderQuery,
)

__all__ = [
    "Activity",
    "OPEN_STATUSES",
    "STATUS_CODES",
    "STATUS_LABELS",
    "Contact",
    "Event",
    "EventChange",
    "EventType",
    "Fast2Client",
    "Planning",
    "Priority",
    "Sla",
    "Status",
    "TimeEntry",
    "TimeInput",
    "WorkOrder",
    "WorkOrderChange",
    "WorkOrderQuery",
    "WorkOrderStatus",
    "get_client",
]
