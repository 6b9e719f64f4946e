"""An errand and its rows in Errands v2's shape (seed 002's example, the contract's types).

The same errands PM5 shows the tenant and FAST2 shows staff as work orders.
What the sandbox's tables do not hold is derived from what they do:
participants from the errand's case officer, the row's supplier, the landlord
(who orders) and the tenant (the contact); the entity path from the row's node
path; the coding from the estate (property, kind of object, kind of errand).
Actor and object GUIDs are derived from names and object numbers, so one
person or object has one id across rows and errands.

Sandbox readings where the seed has a flag but no shape: ``accounting`` is
there whenever rowsAccounting is asked for, with ``estimatedCost`` null until a
cost is estimated (the coding, VAT and invoice flags do not depend on it, 002:41-44,
407); ``basicFields`` (the CRM's user-defined help texts, text fields and
attachments, 002:45) is a list on the errand of ``{id, type: {id, displayName},
displayName, value}``, from what the errand has that a CRM would keep as such:
who else reported it, its pets, its origin as a help text.
"""

import uuid
from decimal import Decimal

from django.db.models import QuerySet

from apps.sandbox.errands_v2.lookup import Flags
from apps.sandbox.errands_v2.wire import moment
from apps.sandbox.models import Errand, ErrandParticipant, ErrandRow, Node, RentalObject

GUID_NAMESPACE = uuid.UUID("5f0c2f8e-5a56-4c1e-9d0f-2b7e52a0c002")
FOUR_PLACES = Decimal("0.0001")
ERRAND_NAMES = {Errand.Kind.ORDER: "Felanmälan", Errand.Kind.UNDERHALL: "Underhåll"}
# Konto: corrective repairs and planned maintenance are booked apart.
ACCOUNTS = {Errand.Kind.ORDER: "4657", Errand.Kind.UNDERHALL: "4651"}
# Verksamhet: the landlord's business line per kind of object.
BUSINESS_LINES = {RentalObject.Kind.BOSTAD: "250", RentalObject.Kind.TVATTSTUGA: "252", RentalObject.Kind.FORRAD: "254"}
# Homes, and the laundry and storage rooms that go with them, cannot be registered for VAT.
VAT_EXEMPT_KINDS = (RentalObject.Kind.BOSTAD, RentalObject.Kind.TVATTSTUGA, RentalObject.Kind.FORRAD)


def errand(found: Errand, rows: QuerySet[ErrandRow], flags: Flags) -> dict:
    data = {
        "id": found.guid,
        "number": found.number,
        "displayName": ERRAND_NAMES.get(found.kind, found.get_kind_display()),
        "type": {"id": found.kind, "displayName": found.get_kind_display()},
        "presentation": {"id": found.source, "displayName": found.get_source_display()},
        "status": {
            "created": moment(found.received_at),
            "closed": moment(found.closed_at),
            "displayName": "Avslutad" if found.closed_at else "Pågående",
        },
    }
    if flags.rows:
        data["rows"] = _rows(found, rows, flags)
    if flags.basic_fields:
        data["basicFields"] = _basic_fields(found)
    return data


BASIC_TYPES = {"helptext": "Hjälptext", "textfield": "Textfält", "attachment": "Bilaga"}


def _basic_fields(found: Errand) -> list[dict]:
    fields = [("helptext", "Registrerad via", found.get_source_display())]
    if found.pets:
        fields.append(("textfield", "Husdjur", found.pets))
    if found.reporter_name:
        reporter = ", ".join(p for p in (found.reporter_name, found.reporter_phone, found.reporter_email) if p)
        fields.append(("textfield", "Annan anmälare", reporter))
    return [
        {
            "id": _guid("basic-field", f"{found.number}:{name}"),
            "type": {"id": kind, "displayName": BASIC_TYPES[kind]},
            "displayName": name,
            "value": value,
        }
        for kind, name, value in fields
    ]


def _rows(found: Errand, rows: QuerySet[ErrandRow], flags: Flags) -> list[dict]:
    # The row number is the row's place in the whole errand, also when an IB id selects a few.
    numbers = {pk: index for index, pk in enumerate(found.rows.order_by("pk").values_list("pk", flat=True), 1)}
    rows = list(
        rows.select_related(
            "node", "fault_type", "incoming_reference", "errand__rental_object__building__property__company"
        )
        .prefetch_related("participants", "incoming_reference__invoices")
        .order_by("pk")
    )
    errand_people = list(found.participants.filter(row__isnull=True))
    nodes = _path_nodes(rows) if flags.entity_path else {}
    return [_row(row, numbers[row.pk], errand_people, nodes, flags) for row in rows]


def _row(row: ErrandRow, number: int, errand_people: list[ErrandParticipant], nodes: dict, flags: Flags) -> dict:
    _, step = row.pm5_status()
    data: dict = {
        "id": row.guid,
        "number": str(number),
        "status": {
            "created": moment(row.registered_at),
            "closed": moment(row.done_at or row.cancelled_at),
            "displayName": step.label,
        },
        "description": {"text": row.description or None, "specification": row.specification or None},
    }
    obj = row.errand.rental_object
    if flags.primary_object:
        data["primaryObject"] = _primary_object(obj)
    if flags.entity_path:
        data["entityPath"] = [{"displayName": nodes[i].label} for i in row.node.path_ids if i in nodes]
    if flags.participants:
        data["participants"] = _participants(row, errand_people)
    if flags.accounting:
        data["accounting"] = _accounting(row, obj, flags)
    return data


def _primary_object(obj: RentalObject) -> dict:
    building = obj.building
    rentable = not obj.is_common
    return {
        "id": _guid("object", obj.number),
        "type": {
            "id": "rentalObject" if rentable else "commonObject",
            "displayName": "Hyresobjekt" if rentable else "Gemensamt utrymme",
            "typeClassDisplayName": obj.type_label,
        },
        "displayName": " ".join(p for p in (building.street, obj.street2 or obj.type_label) if p),
        "address": {"address": building.street, "postcode": building.postal_code, "city": building.city},
    }


def _participants(row: ErrandRow, errand_people: list[ErrandParticipant]) -> list[dict]:
    people = []
    for person in errand_people:
        if person.role == ErrandParticipant.Role.HANDLER:
            people.append(_participant("manager", "Handläggare", person.display_name))
    for person in row.participants.all():
        if person.role == ErrandParticipant.Role.HANDLER:
            people.append(_participant("supplier", "Leverantör", person.display_name))
    if row.ordered_at:
        company = row.errand.rental_object.building.property.company
        people.append(_participant("orderer", "Beställare", company.name))
    for person in errand_people:
        if person.role == ErrandParticipant.Role.CONTACT:
            people.append(_participant("contact", "Kontaktperson", person.display_name))
    return people


def _participant(type_id: str, type_name: str, name: str) -> dict:
    return {
        "type": {"id": type_id, "displayName": type_name},
        "actor": {"id": _guid("actor", name), "displayName": name},
    }


def _accounting(row: ErrandRow, obj: RentalObject, flags: Flags) -> dict:
    cost = row.estimated_cost
    data: dict = {"estimatedCost": cost.quantize(FOUR_PLACES) if cost is not None else None}
    if flags.vat:
        data["vat"] = {"registered": obj.kind not in VAT_EXEMPT_KINDS}
    if flags.coding:
        data["coding"] = [{"rows": [{"debit": True, "parts": _coding_parts(row, obj)}]}]
    if flags.incoming_invoice:
        group = row.incoming_reference
        data["incomingReference"] = (
            {
                "reference": group.reference,
                "referenceGuid": group.guid,
                "invoice": [{"id": invoice.guid, "number": invoice.number} for invoice in group.invoices.all()],
            }
            if group
            else None
        )
    return data


def _coding_parts(row: ErrandRow, obj: RentalObject) -> list[dict]:
    """The example's dimensions in its order; only those the landlord codes carry a value."""
    return [
        {"typeDisplayName": "Ansvar", "dimension": "23"},
        {"typeDisplayName": "Fastighet", "dimension": "25", "value": obj.building.property.code},
        {"typeDisplayName": "Konto", "value": ACCOUNTS.get(row.errand.kind, ACCOUNTS[Errand.Kind.ORDER])},
        {"typeDisplayName": "Kostnadsslag", "dimension": "24"},
        {"typeDisplayName": "Projekt", "dimension": "26"},
        {"typeDisplayName": "Verksamhet", "dimension": "22", "value": BUSINESS_LINES.get(obj.kind, "250")},
    ]


def _guid(kind: str, key: str) -> str:
    return uuid.uuid5(GUID_NAMESPACE, f"{kind}:{key}").hex


def _path_nodes(rows: list[ErrandRow]) -> dict[str, Node]:
    ids = {node_id for row in rows for node_id in row.node.path_ids}
    return {node.id: node for node in Node.objects.filter(id__in=ids)}
