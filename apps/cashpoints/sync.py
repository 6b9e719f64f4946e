"""The daily copy of the register: read it whole, replace the table in one transaction, or keep the last copy.

Any failure to read (the register down, slow, refusing or answering nonsense)
leaves the table as it was and is noted in RegisterCopy, so the page keeps
showing the last good copy. An empty register is taken as a failure too: the
real one never is, and an empty answer would wipe every place at once.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from apps.backends.cashservices import CashServicesClient
from apps.backends.errors import BackendError
from apps.cashpoints.models import CashPoint, RegisterCopy
from apps.cashpoints.register import Register, cash_points

logger = logging.getLogger(__name__)

# What is compared to tell an unchanged row from a changed one.
COPIED_FIELDS = [
    f.name for f in CashPoint._meta.concrete_fields if f.name not in ("id", "provider_id", "purpose", "synced_at")
]


@dataclass(frozen=True)
class SyncResult:
    ok: bool
    added: int = 0
    changed: int = 0
    removed: int = 0
    error: str = ""


def read_register(client: CashServicesClient) -> Register:
    types = client.service_types()
    forms = client.service_forms()
    return Register(
        type_ids={t.kind: t.id for t in types if t.kind is not None},
        form_ids={(f.service_type_id, f.name): f.id for f in forms if f.service_type_id is not None},
        providers=client.providers(),
        services=client.services(),
        templates=client.templates(),
        adaptations=client.adaptations(),
        fee_models=client.fee_models(),
    )


def sync(client: CashServicesClient) -> SyncResult:
    now = timezone.now()
    copy = RegisterCopy.current()
    copy.last_attempt_at = now
    try:
        register = read_register(client)
        if not register.providers:
            raise BackendError("the register answered no service points")
    except BackendError as exc:
        copy.last_error = f"{type(exc).__name__}: {exc}"[:200]
        copy.save(update_fields=["last_attempt_at", "last_error"])
        logger.warning("Cash-services sync failed; the last copy is kept (%s)", type(exc).__name__)
        return SyncResult(ok=False, error=copy.last_error)
    result = _replace(cash_points(register, timezone.localdate()), now)
    copy.last_success_at = now
    copy.last_error = ""
    copy.save()
    logger.info("Cash-services sync: %s added, %s changed, %s removed", result.added, result.changed, result.removed)
    return result


@transaction.atomic
def _replace(rows: list[CashPoint], now) -> SyncResult:
    existing = {(p.provider_id, p.purpose): p for p in CashPoint.objects.select_for_update()}
    wanted = {(row.provider_id, row.purpose): row for row in rows}
    added, changed = [], []
    for key, row in wanted.items():
        row.synced_at = now
        old = existing.get(key)
        if old is None:
            added.append(row)
        elif any(getattr(old, name) != getattr(row, name) for name in COPIED_FIELDS):
            row.pk = old.pk
            changed.append(row)
    gone = [p.pk for key, p in existing.items() if key not in wanted]
    CashPoint.objects.filter(pk__in=gone).delete()
    CashPoint.objects.bulk_create(added, batch_size=1000)
    CashPoint.objects.bulk_update(changed, [*COPIED_FIELDS, "synced_at"], batch_size=1000)
    return SyncResult(ok=True, added=len(added), changed=len(changed), removed=len(gone))
