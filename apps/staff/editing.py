"""Editing a work order's own fields (PUT /v1/arbetsorder/{id}): texts, type, access and its utförare.

The kommentar is left out: FAST2 (and the sandbox) compose it from pets and access,
so sending back what the page shows would repeat them.

Only what staff changed is sent (a partial update), so a field another person
changed meanwhile is not overwritten with what this page showed. The audit log
keeps each changed field before → after.
"""

from django.utils.translation import gettext

from apps.backends import fast2
from apps.staff.audit import audit
from apps.staff.models import AuditEntry
from apps.staff.refusals import refusable

# The form's fields ↔ the work order's attributes they edit, and the FAST2 wire name a refusal starts with.
FIELDS = {
    "description": ("description", "information.beskrivning"),
    "remark": ("remark", "information.anmarkning"),
    "action_taken": ("action_taken", "information.atgard"),
    "unit_note": ("unit_note", "enhetsNotering"),
    "kind_code": ("kind_code", "arbetsordertypKod"),
    "access_code": ("access_code", "tilltradesKod"),
    "performer_id": ("performer_id", "resursId"),
}
WIRE_FIELDS = {wire: field for field, (_, wire) in FIELDS.items()}


def current(work_order: fast2.WorkOrder) -> dict[str, str]:
    """What the form starts from: the work order's values of the fields it edits."""
    return {field: getattr(work_order, attribute) or "" for field, (attribute, _) in FIELDS.items()}


def edit(work_order_id: int, wanted: dict[str, str], *, by) -> bool:
    """Send what differs from the work order now; False when nothing did (then nothing is sent or logged)."""
    client = fast2.get_client()
    now = current(client.work_order(work_order_id))
    # An empty utförare leaves it as it is: FAST2 1.1 reassigns but has no way to unassign.
    wanted = {field: value for field, value in wanted.items() if value or field != "performer_id"}
    changed = {field: value for field, value in wanted.items() if value != now[field]}
    if not changed:
        return False
    refusable(
        lambda: client.update_work_order(work_order_id, fast2.WorkOrderChange(**changed)),
        gettext("Arbetsordern kunde inte ändras."),
        WIRE_FIELDS,
    )
    audit(
        work_order_id,
        AuditEntry.Action.EDITED,
        by,
        before="; ".join(f"{field}: {now[field]}" for field in changed),
        after="; ".join(f"{field}: {value}" for field, value in changed.items()),
    )
    return True
