"""The work-order status rules of seed 2.1, as the contract reads them (ambiguity 4).

Forward one step at a time (REG → GODK → PAGAR → UTFÖRD → ÖVERF), back one
step while not yet UTFÖRD, MAK from any status before UTFÖRD; MAK and ÖVERF are
final. Each change stamps its date on the row and writes a lifecycle händelse,
which PM5 shows the tenant as a history entry.
"""

from django.db import transaction
from django.utils import timezone

from apps.sandbox.models import ErrandRow, ErrandRowHistoryEntry, Hold, WorkOrderStatus
from apps.sandbox.models.errands import OPEN_STATUSES

S = WorkOrderStatus

ALLOWED: dict[str, tuple[str, ...]] = {
    S.REG: (S.GODK, S.MAK),
    S.GODK: (S.PAGAR, S.REG, S.MAK),
    S.PAGAR: (S.UTFORD, S.GODK, S.MAK),
    S.UTFORD: (S.OVERF,),
    S.MAK: (),
    S.OVERF: (),
}

# The date each status stamps on the row; stepping back clears it again.
STAMPS = {
    S.GODK: "ordered_at",
    S.PAGAR: "accepted_at",
    S.UTFORD: "done_at",
    S.OVERF: "invoiced_at",
    S.MAK: "cancelled_at",
}


BACKWARDS = {(S.GODK, S.REG), (S.PAGAR, S.GODK)}


class TransitionRefused(Exception):
    pass


def allowed_targets(row: ErrandRow) -> tuple[str, ...]:
    return ALLOWED[WorkOrderStatus(row.status)]


@transaction.atomic
def change_status(row: ErrandRow, target: str, *, by: str) -> None:
    row = ErrandRow.objects.select_for_update().get(pk=row.pk)
    if target not in {choice.value for choice in WorkOrderStatus}:
        raise TransitionRefused(f"Okänd statuskod {target!r}.")
    if target not in allowed_targets(row):
        raise TransitionRefused(f"Arbetsordern kan inte gå från {row.status} till {target}.")
    now = timezone.now()
    if (row.status, target) in BACKWARDS:
        setattr(row, STAMPS[WorkOrderStatus(row.status)], None)
    else:
        setattr(row, STAMPS[WorkOrderStatus(target)], now)
    row.status = target
    if target not in OPEN_STATUSES:
        row.hold = Hold.NONE  # only open rows can be paused
    row.save()
    label = WorkOrderStatus(target).label
    ErrandRowHistoryEntry.objects.create(row=row, label=label, at=now, user=by, text=f"Status ändrad till {label}.")
    errand = row.errand
    if target in (S.UTFORD, S.MAK, S.OVERF) and not errand.rows.filter(status__in=OPEN_STATUSES).exists():
        errand.closed_at = errand.closed_at or now
        errand.save(update_fields=["closed_at"])
    elif target in OPEN_STATUSES and errand.closed_at:
        errand.closed_at = None
        errand.save(update_fields=["closed_at"])
