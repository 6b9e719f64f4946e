"""One line in the staff audit log per staff action: who, when, what, before → after."""

from apps.staff.models import AuditEntry


def audit(work_order_id: int | None, action: str, by, *, before: str, after: str) -> None:
    AuditEntry.objects.create(
        work_order_id=work_order_id,
        actor=by,
        actor_email=by.email,
        action=action,
        before=before[:200],
        after=after[:200],
    )
