"""Fasta strukturen (seed 3, 7.1-7.3, 7.6.2 Hämta Fraser) over PM5's estate and node trees.

One landlord's data, two facades: an objekt is a RentalObject (its id the
object number), an utrymme a room node of the object's tree, an enhet a unit
or part node below it, and a fras a fault description of the enhet's kind.
FAST2 ids of utrymmen and enheter are numbers; PM5's node ids are "n245612",
"nk…" or "d…", and the demo draws each number once (DemoRun.node_id), so the
number alone finds the node.

Objects without rooms (laundry, storage) have their units right under the
object; the seed's "fiktivt utrymme för objektet i stort" (3.5) is then the
object's root node itself.
"""

import zlib
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from apps.sandbox.fast2.wire import day
from apps.sandbox.models import Customer, Lease, Maintenance, Node, RentalObject
from apps.sandbox.scope import active_lease_filter

ROOM = "room"
UNIT_LEVELS = ("unit", "part")
NODE_PREFIXES = ("n", "nk", "d")


def number(node: Node) -> int:
    return int(node.id.lstrip("ndk"))


# --- objekt ----------------------------------------------------------------------------


def objects(today: date) -> QuerySet[RentalObject]:
    current = Lease.objects.filter(active_lease_filter(today)).order_by("start_date", "pk")
    return RentalObject.objects.select_related("building__property__company").prefetch_related(
        Prefetch("leases", queryset=current, to_attr="current_leases")
    )


def find_object(object_id: str, today: date) -> RentalObject | None:
    return objects(today).filter(number=object_id).first()


def reportable(rentable: bool, today: date, customer_id: int | None, object_id: str | None) -> list[RentalObject]:
    """Seed 7.1's two sets, filtered as the contract reads ``filter`` (ambiguity 6).

    With a customer: the objects they rent today (uthyrningsbara), or the common
    rooms of the properties they live in (ejuthyrningsbara).
    """
    found = objects(today).filter(fault_reportable=True, is_common=not rentable)
    if customer_id is not None:
        leased = Q(active_lease_filter(today, "leases__"), leases__customer_id=customer_id)
        if rentable:
            found = found.filter(pk__in=RentalObject.objects.filter(leased).values("pk"))
        else:
            homes = RentalObject.objects.filter(leased, kind=RentalObject.Kind.BOSTAD)
            found = found.filter(building__property__in=homes.values("building__property"))
    if object_id is not None:
        found = found.filter(number=object_id)
    return list(found)


def may_report(customer: Customer, obj: RentalObject, today: date) -> bool:
    """Whether a work order on ``obj`` may name ``customer`` as the one reporting it."""
    return any(o.pk == obj.pk for o in reportable(not obj.is_common, today, customer.pk, obj.number))


def objekt(obj: RentalObject) -> dict[str, Any]:
    building = obj.building
    tenants = [lease.customer_id for lease in getattr(obj, "current_leases", [])]
    return {
        "id": obj.number,
        "adress": {
            "lghummer": obj.apartment_number or None,  # sic, the seed's spelling
            "adress": building.street,
            "postnummer": building.postal_code,
            "postort": building.city,
            "xkoord": building.x,
            "ykoord": building.y,
        },
        "detalj": {
            "vaning": _floor(obj.floor),
            "hiss": None,
            "yta": obj.area,
            "anmarkning": None,
            "text": None,
            "hyressparr": None,
            "hyressparrAnmarkning": None,
            "besiktigadDatum": None,
        },
        "typ": {"objektsOTyp": obj.kind, "objektsTyp": obj.type_label, "beskrivning": obj.get_kind_display()},
        "kunder": {"id1": tenants[0] if tenants else None, "id2": tenants[1] if len(tenants) > 1 else None},
        "relationer": {
            "foretagNr": str(building.property.company_id),
            "fastighetNr": building.property.code,
            "byggnadNr": str(building.pk),
            "sokomrade1Nr": building.property.district,
            "sokomrade2Nr": None,
            "sokomrade3Nr": None,
            "adminomradeNr": None,
            "felomradeNr": None,
            "underhallomradeNr": None,
            "ingarl": None,
        },
    }


def _floor(floor: int | None) -> dict[str, Any] | None:
    if floor is None:
        return None
    label = "Bottenvåning" if floor == 0 else f"Våning {floor}"
    return {"id": floor, "beskrivning": label, "kortnamn": f"{floor:02d}", "nummer": floor}


# --- utrymme and enhet -----------------------------------------------------------------


def find_node(value: str, levels: tuple[str, ...]) -> Node | None:
    """The node with FAST2 number ``value`` if it is of one of ``levels``."""
    if not value.isdigit():
        return None
    ids = [prefix + str(int(value)) for prefix in NODE_PREFIXES]
    return Node.objects.select_related("kind", "rental_object").filter(id__in=ids, kind__level__in=levels).first()


def find_room(value: str) -> Node | None:
    """A room node, or an object's root when it serves as its fictitious utrymme."""
    node = find_node(value, (ROOM, "object"))
    if node is None or (node.parent_id is None and node not in rooms_of(node.rental_object)):
        return None
    return node


def find_unit(value: str) -> Node | None:
    return find_node(value, UNIT_LEVELS)


def rooms_of(obj: RentalObject) -> list[Node]:
    nodes = list(obj.nodes.select_related("kind").order_by("path"))
    rooms = [n for n in nodes if n.kind.level == ROOM]
    root = next((n for n in nodes if n.parent_id is None), None)
    by_id = {n.id: n for n in nodes}
    loose = any(n.kind.level in UNIT_LEVELS and room_id_of(n, by_id) is None for n in nodes)
    return ([root] if loose and root else []) + sorted(rooms, key=lambda n: (n.position, n.label))


def room_id_of(unit: Node, by_id: dict[str, Node]) -> str | None:
    """The id of the room the unit is in; None when it hangs right under the object."""
    return next((i for i in reversed(unit.path_ids[:-1]) if i in by_id and by_id[i].kind.level == ROOM), None)


def room_of(unit: Node) -> Node:
    """The unit's utrymme: its room, or the object's root (the fictitious utrymme)."""
    path = {n.id: n for n in Node.objects.select_related("kind").filter(id__in=unit.path_ids)}
    room_id = room_id_of(unit, path)
    return path[room_id] if room_id else path[unit.path_ids[0]]


def units_of(room: Node) -> list[Node]:
    nodes = list(
        room.rental_object.nodes.select_related("kind", "unit_record").filter(path__startswith=room.path + "-")
    )
    by_id = {n.id: n for n in [room, *nodes]}
    own = room.id if room.kind.level == ROOM else None
    return [n for n in nodes if n.kind.level in UNIT_LEVELS and room_id_of(n, by_id) == own]


def utrymme(room: Node) -> dict[str, Any]:
    return {
        "id": number(room),
        "beskrivning": room.label,
        "roomsnummer": None,  # sic; the demo's rooms have no numbers
        "utrymmesTypKod": room.kind_id,
    }


def kind_id(code: str) -> int:
    """Enhetstyp.id (a long, 7.3): PM5 knows a unit kind by its code only, so the sandbox numbers the
    code itself (CRC-32), the same in every process and every demo build."""
    return zlib.crc32(code.encode())


def enhet(unit: Node, room: Node) -> dict[str, Any]:
    record = getattr(unit, "unit_record", None)
    latest = (
        Maintenance.objects.filter(node=unit)
        .filter(Q(done_on__isnull=False) | Q(planned_on__isnull=False))
        .order_by("-done_on", "-planned_on")
    )
    done = next((m for m in latest if m.done_on), None)
    planned = latest.first()
    return {
        "id": number(unit),
        "utrymme": {"id": number(room)},
        "enhetstyp": {"kod": unit.kind_id, "id": kind_id(unit.kind_id)},
        "beskrivning": unit.label,
        "underhall": planned is not None,
        "felanmalan": unit.kind.fault_types.exists(),
        "underhallsdatum": day(record.maintained_on if record and record.maintained_on else done and done.done_on),
        "installationsdatum": day(record.installed_on) if record else None,
        "serienummer": (record.serial_number or None) if record else None,
        "garanti": record.warranty_months if record else None,
        "underhallAtgard": planned.action if planned else None,
        "egenskap": (record.attribute or None) if record else None,
        "mangd": record.quantity if record else None,
        "notering": (record.note or None) if record else None,
    }


def fraser(unit: Node) -> list[dict[str, Any]]:
    """Fras.id is what a work order's frasNr names (contract ambiguity 8)."""
    return [
        {"id": fault.id, "typ": {"beskrivning": "Felanmälan"}, "fras": {"id": fault.id, "text": fault.label}}
        for fault in unit.kind.fault_types.order_by("id")
    ]
