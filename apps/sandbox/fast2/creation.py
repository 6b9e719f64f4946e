"""POST /v1/arbetsorder (seed 7.6.2 Skapa arbetsorder), as the contract reads it (ambiguities 2, 4, 22).

A work order is an errand row, so a new one is a new PM5 errand with one row:
the customer named by kundNr sees it among their errands, and it is in the
FAST2 list at once. objektId is required; utrymme, enhet and fras must exist
and belong together (an enhet in that utrymme of that objekt, a fras of that
enhet). It starts in REG, or GODK at once when a utförare (resursId) is given
(seed 2.1's "beställd direkt"); statusKod may ask for REG or GODK, GODK only
with a utförare.

A resursId is a utförare the sandbox knows: "R<n>" (resources.py), as GET /v1/arbetsorder
shows one (there is no list of resources in API 1.1). Fields the sandbox's
errand rows have no place for (externtId, externtNr, buntId, nyEnhet) are
refused with a reason, never dropped; ekonomi and fakturera are kept
(economy.py). The anmärkning
(staff only) and another reporter (anmalare) are kept, as GET shows them.
"""

import uuid
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from apps.sandbox.fast2 import economy, resources, structure
from apps.sandbox.fast2.updates import UpdateInvalid, plan_errand, planning
from apps.sandbox.models import (
    Customer,
    Errand,
    ErrandParticipant,
    ErrandRow,
    ErrandRowHistoryEntry,
    KeyHandlingType,
    Node,
    Priority,
    RentalObject,
    WorkOrderStatus,
)

# As PM5's Skapa felanmälan: the landlord aims to be done within two weeks.
DUE_AFTER = timedelta(days=14)
KINDS = {"F": Errand.Kind.ORDER, "U": Errand.Kind.UNDERHALL}
SYSTEM_ONLY_KINDS = ("T",)
# Write fields of 7.6.2 the sandbox has nowhere to keep.
NOT_KEPT = ("externtId", "externtNr", "buntId", "nyEnhet")
MAX_DESCRIPTION = 4000
REPORTER_FIELDS = ("reporter_name", "reporter_phone", "reporter_email")


class CreateInvalid(Exception):
    """400: the body cannot become a work order; the message says why."""


def create(body: dict[str, Any], *, by: str) -> ErrandRow:
    for name in NOT_KEPT:
        if body.get(name) not in (None, "", {}, []):
            raise CreateInvalid(f"{name} kan inte sparas av sandlådan; skicka det inte.")
    obj = _object(body.get("objektId"))
    room, unit = place(obj, body.get("utrymmesId"), body.get("enhetsId"))
    kind = kind_of(body.get("arbetsordertypKod"), unit)
    fault_type_id = phrase_of(body.get("frasNr"), unit)
    note = limited(body.get("enhetsNotering"), "enhetsNotering", 200)
    if note and unit is None:
        raise CreateInvalid("enhetsNotering kräver enhetsId.")
    information = information_of(body.get("information"))
    customer = customer_of(body.get("kundNr"), obj)
    performer = performer_of(body.get("resursId"))
    status = _status(body.get("statusKod"), performer)
    try:
        start, until = planning(body["planering"]) if body.get("planering") is not None else (None, None)
        accounts = ErrandRow()
        economy.apply_ekonomi(accounts, body.get("ekonomi") or {})
        economy.apply_fakturera(accounts, body.get("fakturera") or {})
    except (UpdateInvalid, economy.EconomyInvalid) as exc:
        raise CreateInvalid(str(exc)) from None
    return _save(
        obj=obj,
        node=unit or room or obj.root_node,
        kind=kind,
        source=_source(body.get("ursprung")),
        reporter=reporter_of(body.get("anmalare")),
        customer=customer,
        performer=performer,
        status=status,
        row={
            "description": information["beskrivning"],
            "key_note": information["kommentar"],
            "action": information["atgard"],
            "remark": information["anmarkning"],
            "specification": note,
            "fault_type_id": fault_type_id,
            "key_handling": access_of(body.get("tilltradesKod"), obj),
            "priority": _priority(body.get("prioKod")),
            "planned_at": start,
            "planned_until": until,
            "economy": accounts.economy,
            "invoicing": accounts.invoicing,
        },
        by=by,
    )


@transaction.atomic
def _save(*, obj, node, kind, source, reporter, customer, performer, status, row, by) -> ErrandRow:
    now = timezone.now()
    errand = Errand.objects.create(
        number=f"ny-{uuid.uuid4().hex[:16]}",  # unique until replaced below, once the id is known
        customer=customer,
        rental_object=obj,
        kind=kind,
        source=source,
        received_at=now,
        due_at=now + DUE_AFTER,
        **reporter,
    )
    errand.number = f"R-{now:%y%m}-{errand.pk}"
    errand.save(update_fields=["number"])
    company = obj.building.property.company
    people = [
        ErrandParticipant(
            errand=errand,
            role=ErrandParticipant.Role.HANDLER,
            display_name=by,
            phone=company.phone,
            email=company.email,
        )
    ]
    if customer is not None:
        details = {d.kind: d.value for d in customer.contact_details.all()}
        people.append(
            ErrandParticipant(
                errand=errand,
                role=ErrandParticipant.Role.CONTACT,
                display_name=customer.full_name,
                phone=details.get("Telefonnummer", ""),
                mobile=details.get("Mobiltelefonnummer", ""),
                email=details.get("Epost", ""),
            )
        )
    ordered_at = now if status == WorkOrderStatus.GODK else None
    saved = ErrandRow.objects.create(
        errand=errand, node=node, status=status, registered_at=now, ordered_at=ordered_at, **row
    )
    if performer is not None:
        people.append(resources.performing(saved, performer))
    ErrandParticipant.objects.bulk_create(people)
    ErrandRowHistoryEntry.objects.create(row=saved, label="Registrerad", at=now, user=by)
    if status == WorkOrderStatus.GODK:
        text = f"Status ändrad till Beställd, utförare {performer.display_name}."
        ErrandRowHistoryEntry.objects.create(row=saved, label="Beställd", at=now, user=by, text=text)
    if saved.planned_at:
        plan_errand(saved)
    return saved


def _object(value: Any) -> RentalObject:
    if not isinstance(value, str) or not value.strip():
        raise CreateInvalid("objektId krävs: en arbetsorder hör alltid till ett objekt.")
    obj = RentalObject.objects.select_related("building__property__company").filter(number=value.strip()).first()
    if obj is None:
        raise CreateInvalid(f"objektId {value} finns inte.")
    return obj


def place(obj: RentalObject, room_id: Any, unit_id: Any) -> tuple[Node | None, Node | None]:
    """The utrymme and enhet, checked to be of this objekt and of each other; the enhet's utrymme if left out."""
    room = unit = None
    if room_id is not None:
        room = structure.find_room(_number(room_id, "utrymmesId"))
        if room is None or room.rental_object_id != obj.pk:
            raise CreateInvalid(f"utrymmesId {room_id} är inget utrymme i objekt {obj.number}.")
    if unit_id is not None:
        unit = structure.find_unit(_number(unit_id, "enhetsId"))
        if unit is None or unit.rental_object_id != obj.pk:
            raise CreateInvalid(f"enhetsId {unit_id} är ingen enhet i objekt {obj.number}.")
        own_room = structure.room_of(unit)
        if room is not None and own_room.pk != room.pk:
            raise CreateInvalid(f"enhetsId {unit_id} finns inte i utrymme {room_id}.")
        room = own_room
    return room, unit


def kind_of(value: Any, unit: Node | None) -> str:
    code = value or "F"
    if code in SYSTEM_ONLY_KINDS:
        raise CreateInvalid(f"arbetsordertypKod {code} kan bara skapas av systemet.")
    if code == "G":
        raise CreateInvalid("arbetsordertypKod G (Eget) förs inte av sandlådan; använd F eller U.")
    if code not in KINDS:
        raise CreateInvalid("arbetsordertypKod ska vara F (Felanmälan) eller U (Underhåll).")
    if code == "U" and unit is None:
        raise CreateInvalid("En arbetsorder av typ U kräver utrymmesId och enhetsId.")
    return KINDS[code]


def phrase_of(value: Any, unit: Node | None) -> int | None:
    if value is None:
        return None
    if unit is None:
        raise CreateInvalid("frasNr kräver enhetsId: fraserna hör till en enhet.")
    fault_id = int(_number(value, "frasNr"))
    if not unit.kind.fault_types.filter(pk=fault_id).exists():
        raise CreateInvalid(f"frasNr {value} är ingen fras för enhet {structure.number(unit)}.")
    return fault_id


def information_of(value: Any) -> dict[str, str]:
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise CreateInvalid("information ska vara ett objekt.")
    return {
        "anmarkning": limited(value.get("anmarkning"), "information.anmarkning", MAX_DESCRIPTION),
        "beskrivning": limited(value.get("beskrivning"), "information.beskrivning", MAX_DESCRIPTION),
        "kommentar": limited(value.get("kommentar"), "information.kommentar", 200),
        "atgard": limited(value.get("atgard"), "information.atgard", 40),
    }


def reporter_of(value: Any) -> dict[str, str]:
    """anmalare (AnnanAnmalare): someone other than the customer reported it."""
    if value in (None, {}):
        return {}
    if not isinstance(value, dict):
        raise CreateInvalid("anmalare ska vara ett objekt.")
    reporter = {
        "reporter_name": limited(value.get("namn"), "anmalare.namn", 120),
        "reporter_phone": limited(value.get("telefon"), "anmalare.telefon", 30),
        "reporter_email": limited(value.get("epostAdress"), "anmalare.epostAdress", 254),
    }
    if not reporter["reporter_name"] and any(reporter.values()):
        raise CreateInvalid("anmalare.namn krävs när någon annan än kunden anmäler.")
    return reporter


def customer_of(value: Any, obj: RentalObject) -> Customer | None:
    """kundNr is the kundnummer (contract ambiguity 3); the customer must be one who may report on the objekt."""
    if value in (None, ""):
        return None
    customer = Customer.objects.filter(customer_number=str(value)).first()
    if customer is None:
        raise CreateInvalid("kundNr finns inte.")
    if not structure.may_report(customer, obj, timezone.localdate()):
        raise CreateInvalid(f"kundNr: kunden kan inte felanmäla på objekt {obj.number}.")
    return customer


def performer_of(value: Any) -> ErrandParticipant | None:
    if value in (None, ""):
        return None
    text = str(value)
    found = resources.participant(text)
    if found is None:
        raise CreateInvalid(f"resursId {text} är ingen känd utförare.")
    return found


def _status(value: Any, performer: ErrandParticipant | None) -> str:
    if value in (None, ""):
        return WorkOrderStatus.GODK if performer else WorkOrderStatus.REG
    if value not in (WorkOrderStatus.REG, WorkOrderStatus.GODK):
        raise CreateInvalid("statusKod ska vara REG eller GODK när en arbetsorder skapas.")
    if value == WorkOrderStatus.GODK and performer is None:
        raise CreateInvalid("statusKod GODK kräver en utförare (resursId).")
    return value


def access_of(value: Any, obj: RentalObject) -> KeyHandlingType | None:
    """tilltradesKod J or N (default N, the contract's) as the object's key handling that permits it or not."""
    code = value or "N"
    if code not in ("J", "N"):
        raise CreateInvalid("tilltradesKod ska vara J eller N.")
    wanted = code == "J"
    return obj.key_handling_types.filter(permits_entry=wanted).first() or (
        KeyHandlingType.objects.filter(permits_entry=wanted).first()
    )


def _priority(value: Any) -> int:
    if value in (None, ""):
        return Priority.NORMAL
    try:
        return Priority(int(str(value)))
    except ValueError:
        raise CreateInvalid("prioKod ska vara 10 (Normal) eller 30 (Akut).") from None


def _source(value: Any) -> str:
    if value in (None, ""):
        return Errand.Source.INTERNT
    if value not in Errand.Source.values:
        raise CreateInvalid(f"ursprung ska vara ett av {', '.join(Errand.Source.values)}.")
    return value


def _number(value: Any, name: str) -> str:
    if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, str) and value.isdigit())):
        raise CreateInvalid(f"{name} ska vara ett heltal.")
    return str(value)


def limited(value: Any, name: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CreateInvalid(f"{name} ska vara text.")
    if len(value.strip()) > limit:
        raise CreateInvalid(f"{name} får vara högst {limit} tecken.")
    return value.strip()
