"""Editing a work order's own fields (PUT /v1/arbetsorder/{id}): texts, type, access, utförare,
where in the objekt (utrymme, enhet, fras), the customer, its economy and invoicing.

The kommentar is left out: FAST2 (and the sandbox) compose it from pets and access,
so sending back what the page shows would repeat them.

Only what staff changed is sent (a partial update), so a field another person
changed meanwhile is not overwritten with what this page showed. The audit log
keeps each changed field before → after.
"""

from decimal import Decimal

from django.utils.translation import gettext

from apps.backends import fast2
from apps.backends.fast2.types import Economy, Invoicing
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
    "room_id": ("room_id", "utrymmesId"),
    "unit_id": ("unit_id", "enhetsId"),
    "phrase_id": ("phrase_id", "frasNr"),
}
# The economy the form edits (Economy's attributes); the rest of the coding is FAST2's own.
ECONOMY = ("account", "cost_centre", "project", "cost", "material_cost")
WIRE_FIELDS = {wire: field for field, (_, wire) in FIELDS.items()} | {
    "kundNr": "customer_number",
    "ekonomi.konteringsKonto": "account",
    "ekonomi.konterinfRefKst": "cost_centre",
    "ekonomi.konteringProjekt": "project",
    "ekonomi.kostnad": "cost",
    "ekonomi.materialkostnad": "material_cost",
    "fakturera.faktureras": "to_invoice",
    "fakturera.fakturaBelopp": "invoice_amount",
}
# Where-fields: an empty choice leaves them as they are (FAST2 moves a work order, it does not unplace it).
KEEP_WHEN_EMPTY = ("performer_id", "room_id", "unit_id", "phrase_id", "customer_number")


def current(work_order: fast2.WorkOrder) -> dict:
    """What the form starts from: the work order's values of the fields it edits."""
    values: dict = {field: getattr(work_order, attribute) or "" for field, (attribute, _) in FIELDS.items()}
    economy = work_order.economy or Economy()
    values |= {name: getattr(economy, name) if getattr(economy, name) is not None else "" for name in ECONOMY}
    invoicing = work_order.invoicing or Invoicing()
    values |= {"to_invoice": invoicing.to_invoice, "invoice_amount": invoicing.amount or "", "customer_number": ""}
    return values


def edit(work_order_id: int, wanted: dict, *, by) -> bool:
    """Send what differs from the work order now; False when nothing did (then nothing is sent or logged)."""
    client = fast2.get_client()
    work_order = client.work_order(work_order_id)
    now = current(work_order)
    wanted = {
        field: value for field, value in wanted.items() if value not in ("", None) or field not in KEEP_WHEN_EMPTY
    }
    changed = {field: value for field, value in wanted.items() if _differs(value, now[field])}
    if not changed:
        return False
    if "room_id" in changed and "unit_id" not in changed:
        changed.pop("unit_id", None)  # a new utrymme: the old enhet is not in it
        wanted.pop("unit_id", None)
    refusable(
        lambda: client.update_work_order(work_order_id, _change(changed, wanted, work_order)),
        gettext("Arbetsordern kunde inte ändras."),
        WIRE_FIELDS,
    )
    audit(
        work_order_id,
        AuditEntry.Action.EDITED,
        by,
        before="; ".join(f"{field}: {now[field]}" for field in changed if field != "customer_number"),
        # The customer number may be personal: the log says that it changed, not to what.
        after="; ".join(f"{field}: {'…' if field == 'customer_number' else value}" for field, value in changed.items()),
    )
    return True


def _differs(value, before) -> bool:
    """Whether the form's value is another than the work order's: "" and None are both nothing, 12.5 is 12.50."""
    value, before = (None if v in ("", None) else v for v in (value, before))
    if isinstance(value, Decimal) or isinstance(before, Decimal):
        return (value is None) != (before is None) or (value is not None and Decimal(value) != Decimal(before))
    return value != before


def _change(changed: dict, wanted: dict, work_order: fast2.WorkOrder) -> fast2.WorkOrderChange:
    simple = {field: value for field, value in changed.items() if field in FIELDS or field == "customer_number"}
    if "unit_id" in simple and "room_id" not in simple:
        simple["room_id"] = wanted.get("room_id") or work_order.room_id  # FAST2 checks the enhet is in it
    economy_fields = tuple(name for name in ECONOMY if name in changed)
    economy = Economy(**{name: wanted.get(name) or None for name in ECONOMY}) if economy_fields else None
    invoicing = None
    if "to_invoice" in changed or "invoice_amount" in changed:
        invoicing = Invoicing(to_invoice=bool(wanted["to_invoice"]), amount=wanted.get("invoice_amount") or None)
    return fast2.WorkOrderChange(**simple, economy=economy, economy_fields=economy_fields, invoicing=invoicing)
