"""The staff pages. No decorator guards these views: StaffMiddleware guards the whole namespace."""

from apps.staff.views.actions import (
    add_contact,
    add_event,
    change_priority,
    close_sla,
    edit_contact,
    move_status,
    plan,
    remove_contact,
)
from apps.staff.views.new_work_order import new_work_order
from apps.staff.views.queue import queue
from apps.staff.views.resource import my_resource
from apps.staff.views.work_order import work_order

__all__ = [
    "add_contact",
    "add_event",
    "change_priority",
    "close_sla",
    "edit_contact",
    "move_status",
    "my_resource",
    "new_work_order",
    "plan",
    "queue",
    "remove_contact",
    "work_order",
]
