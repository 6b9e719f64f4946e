"""PUT /v1/arbetsorder/{id} (seed 7.6.1): every field of the body applied, or the whole body refused.

A partial update (contract ambiguity 13): absent fields stay. A work order is
updatable only while open (seed 2.1); statusKod obeys the same rules as PUT
status (ambiguity 4) and is applied last, so a body may change the work order
and then move it. Each field is checked as on create (creation.py) before
anything is saved; one that cannot be applied is a 400 with the reason, and
nothing of the body is kept. Sandbox readings where the seed says no more:

- objektId, externtId and externtNr name the work order: the same value is
  accepted, another refused (a work order does not move to another objekt; the
  errand's number and the row's GUID are PM5's).
- kundNr changes the errand's customer only when the work order is the errand's
  only row (the customer is the errand's, not the row's).
- arbetsordertypKod is the errand's kind (F or U; U needs an enhet, 2.10).
- utrymmesId/enhetsId move the work order within its objekt; when the enhet
  changes and frasNr is not sent, the fras no longer fits and is cleared.
- resursId reassigns the work order to another utförare (resources.py); the
  status stays (only create orders at once, 2.1).
- ekonomi and fakturera are kept per field (economy.py).
- buntId and nyEnhet have no place in the sandbox's errand rows and are refused
  with a 400, never dropped.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone

from apps.sandbox.fast2 import creation, economy, resources, structure, transitions, updates
from apps.sandbox.models import ErrandParticipant, ErrandRow, ErrandRowHistoryEntry, Priority, WorkOrderStatus
from apps.sandbox.models.errands import OPEN_STATUSES

UpdateInvalid, UpdateRefused = updates.UpdateInvalid, updates.UpdateRefused
NOT_KEPT = ("buntId", "nyEnhet")
KNOWN = {
    *NOT_KEPT,
    *("externtId", "externtNr", "objektId", "kundNr", "resursId", "statusKod", "utrymmesId", "enhetsId"),
    *("enhetsNotering", "frasNr", "information", "arbetsordertypKod", "tilltradesKod", "prioKod"),
    *("anmalare", "planering", "ekonomi", "fakturera"),
}
INFORMATION = {"beskrivning": "description", "kommentar": "key_note", "anmarkning": "remark", "atgard": "action"}


@transaction.atomic
def update(row: ErrandRow, body: dict[str, Any], *, by: str) -> None:
    row = ErrandRow.objects.select_for_update().select_related("errand__rental_object", "node__kind").get(pk=row.pk)
    if row.status not in OPEN_STATUSES:
        raise UpdateRefused(f"Arbetsordern är {row.status} och kan inte längre ändras.")
    try:
        notes, performer, target = _apply(row, body)
    except (creation.CreateInvalid, economy.EconomyInvalid) as exc:
        raise UpdateInvalid(str(exc)) from None
    row.save()
    row.errand.save()
    if performer is not None:
        _reassign(row, performer)
    if "planering" in body:
        updates.plan_errand(row)
    now = timezone.now()
    for note in notes:
        ErrandRowHistoryEntry.objects.create(row=row, label=note.rstrip("."), text=note, at=now, user=by)
    if target and target != row.status:
        try:
            transitions.change_status(row, target, by=by)
        except transitions.TransitionRefused as exc:
            raise UpdateRefused(str(exc)) from None  # leaving the atomic block undoes the rest of the body


def _apply(row: ErrandRow, body: dict[str, Any]) -> tuple[list[str], ErrandParticipant | None, str]:
    """Check every field and set it on the row and its errand (unsaved); the notes for the history."""
    unknown = sorted(set(body) - KNOWN)
    if unknown:
        raise UpdateInvalid(f"Okända fält: {', '.join(unknown)}.")
    for name in NOT_KEPT:
        if body.get(name) not in (None, "", {}, []):
            raise UpdateInvalid(f"{name} kan inte sparas av sandlådan; skicka det inte.")
    errand, obj = row.errand, row.errand.rental_object
    _same(body, "objektId", obj.number)
    _same(body, "externtNr", errand.number)
    _same(body, "externtId", row.guid)
    notes: list[str] = []
    unit = row.node if row.node_id and row.node.kind.level in structure.UNIT_LEVELS else None
    if "utrymmesId" in body or "enhetsId" in body:
        room, new_unit = creation.place(obj, body.get("utrymmesId"), body.get("enhetsId"))
        if new_unit != unit and "frasNr" not in body:
            row.fault_type_id = None
        unit = new_unit
        row.node = unit or room or obj.root_node
        notes.append(f"Plats ändrad till {row.node.label}.")
    if "frasNr" in body:
        row.fault_type_id = creation.phrase_of(body["frasNr"], unit)
        notes.append("Fras ändrad.")
    if "enhetsNotering" in body:
        row.specification = creation.limited(body["enhetsNotering"], "enhetsNotering", 200)
        if row.specification and unit is None:
            raise UpdateInvalid("enhetsNotering kräver en enhet.")
    _information(row, body.get("information"), "information" in body)
    if "arbetsordertypKod" in body:
        errand.kind = creation.kind_of(body["arbetsordertypKod"], unit)
        notes.append(f"Typ ändrad till {errand.get_kind_display()}.")
    if "tilltradesKod" in body:
        row.key_handling = creation.access_of(body["tilltradesKod"], obj)
    if "anmalare" in body:
        reporter = creation.reporter_of(body["anmalare"]) or dict.fromkeys(creation.REPORTER_FIELDS, "")
        for name, value in reporter.items():
            setattr(errand, name, value)
    if "kundNr" in body:
        _customer(row, body["kundNr"])
    if "prioKod" in body:
        priority = updates.priority(body["prioKod"])
        if priority != row.priority:
            row.priority = priority
            notes.append(f"Prioritet ändrad till {Priority(priority).label}.")
    if "planering" in body:
        start, until = updates.planning(body["planering"])
        if (start, until) != (row.planned_at, row.planned_until):
            row.planned_at, row.planned_until = start, until
            notes.append(updates.planned_note(start, until))
    if "ekonomi" in body:
        economy.apply_ekonomi(row, body["ekonomi"])
    if "fakturera" in body:
        economy.apply_fakturera(row, body["fakturera"])
    performer = None
    if body.get("resursId") not in (None, ""):
        performer = creation.performer_of(body["resursId"])
        notes.append(f"Utförare ändrad till {performer.display_name}.")
    target = str(body.get("statusKod") or "")
    if target and target not in WorkOrderStatus.values:
        raise UpdateInvalid("statusKod är okänd.")
    return notes, performer, target


def _same(body: dict[str, Any], name: str, current: str | None) -> None:
    if name in body and body[name] not in (None, "") and str(body[name]) != (current or ""):
        raise UpdateInvalid(f"{name} kan inte ändras: det pekar ut arbetsordern.")


def _information(row: ErrandRow, value: Any, given: bool) -> None:
    if not given:
        return
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise UpdateInvalid("information ska vara ett objekt.")
    checked = creation.information_of(value)
    for name, field in INFORMATION.items():
        if name in value:  # partial inside the group too: what is not sent stays
            setattr(row, field, checked[name])


def _customer(row: ErrandRow, value: Any) -> None:
    errand = row.errand
    customer = creation.customer_of(value, errand.rental_object) if value not in (None, "") else None
    if customer == errand.customer:
        return
    if errand.rows.count() > 1:
        raise UpdateInvalid("kundNr kan bara ändras när arbetsordern är ärendets enda rad.")
    errand.customer = customer


def _reassign(row: ErrandRow, performer: ErrandParticipant) -> None:
    row.participants.filter(role=ErrandParticipant.Role.HANDLER).delete()
    resources.performing(row, performer).save()
