"""A staff member's own FAST2 resource (utförare), set by themselves when they have none.

FAST2 1.1 cannot list its resources (seed 2.2); the ones it shows are the
utförare of its work orders, so those are what a technician chooses among, read
in one call. Once set, a change is an administrator's (the admin site): a
technician cannot move themselves onto another's queue.
"""

from dataclasses import dataclass

from apps.backends import fast2
from apps.staff.audit import audit
from apps.staff.models import AuditEntry, StaffResource
from apps.staff.services import SCAN_LIMIT


@dataclass(frozen=True)
class Performer:
    id: str
    name: str


class AlreadySet(Exception):
    """The staff member has a resource already."""


def known_performers() -> list[Performer]:
    """The utförare FAST2 shows on its work orders, by name."""
    found = {
        wo.performer_id: wo.performer or wo.performer_id
        for wo in fast2.get_client().work_orders(fast2.WorkOrderQuery(), limit=SCAN_LIMIT)
        if wo.performer_id
    }
    return sorted((Performer(rid, name) for rid, name in found.items()), key=lambda p: (p.name.casefold(), p.id))


def set_own(user, performer: Performer) -> None:
    """Link the staff account to the resource; AlreadySet if it has one (never replaced here)."""
    _, created = StaffResource.objects.get_or_create(user=user, defaults={"resource_id": performer.id})
    if not created:
        raise AlreadySet
    audit(None, AuditEntry.Action.RESOURCE_SET, user, before="", after=f"{performer.id} {performer.name}")
