"""Errand rows in FAST2's read shape (seed 7.6, GET /v1/arbetsorder/{id}).

One errand row is one work order, its id the row's id. Where the seed leaves a
name out of the read shape the sandbox adds it, marked here: ``utrymme`` and
``enhet`` carry a ``beskrivning`` (the seed has only their ids, so a reader
would need three more calls to name the room and the unit). ``filer`` lists the
files linked to the work order, the photos tenants attach through PM5, as
``{id, namn, contentType, storlek}``: the seed has no such field (contract
ambiguity 5), and the ids are those GET /v1/filetransfer/file/{id} serves.

The people groups are never null where the sandbox knows them (sandbox readings):
registreradAv is whoever wrote the row's first händelse, modifieradAv whoever
changed it last, utfordAv the utförare once it is done, referens the landlord's
case officer (the errand's handläggare, the company's own phone and e-mail).
prioSla is the priority's SLA as an ISO 8601 duration (PT24H, P14D: sla.py).
"""

import mimetypes
import re
from collections.abc import Iterable

from django.db.models import Max, Prefetch, QuerySet
from django.db.models.functions import Coalesce, Greatest, Length
from django.utils import timezone

from apps.sandbox.fast2 import economy, resources, sla
from apps.sandbox.fast2.wire import clock, day, moment
from apps.sandbox.models import (
    Errand,
    ErrandParticipant,
    ErrandRow,
    ErrandRowHistoryEntry,
    ErrandRowMedia,
    Node,
    Priority,
    WorkOrderStatus,
)

EVENT_TYPES = {
    "SYS": "Systemhändelse",
    "INFO": "Information",
    "KONT": "Kontakt med hyresgäst",
    "BOM": "Bomkörning",
    "BEST": "Beställning av material",
}


def work_orders() -> QuerySet[ErrandRow]:
    """Every work order, with ``modified``: the latest händelse, or the registration."""
    return (
        ErrandRow.objects.select_related(
            "errand", "errand__rental_object__building__property", "node", "fault_type", "key_handling"
        )
        .prefetch_related(
            "participants",
            "errand__participants",
            Prefetch("media", queryset=media_listing()),
            Prefetch("history", queryset=ErrandRowHistoryEntry.objects.order_by("at", "pk")),
        )
        .annotate(modified=Greatest(Coalesce(Max("history__at"), "registered_at"), "registered_at"))
        .order_by("-registered_at", "-pk")
    )


def work_order_list(rows: Iterable[ErrandRow]) -> list[dict]:
    rows = list(rows)
    nodes = _path_nodes(rows)
    ids = resources.resource_ids()
    return [work_order(row, nodes, ids) for row in rows]


def work_order(row: ErrandRow, nodes: dict[str, Node] | None = None, ids: dict[str, str] | None = None) -> dict:
    if nodes is None:
        nodes = _path_nodes([row])
    if ids is None:
        ids = resources.resource_ids()
    errand: Errand = row.errand
    path = [nodes[node_id] for node_id in row.node.path.split("-") if node_id in nodes] if row.node_id else []
    room = next((n for n in path if n.kind.level == "room"), None)
    unit = next((n for n in reversed(path) if n.kind.level in ("unit", "part")), None)
    handler = next((p for p in row.participants.all() if p.role == ErrandParticipant.Role.HANDLER), None)
    entry = row.key_handling.permits_entry if row.key_handling else None
    modified = getattr(row, "modified", None) or row.registered_at
    history = list(row.history.all())
    return {
        "id": row.pk,
        # The errand's number and the row's GUID in Errands v2, where the row's accounting is.
        "externtId": row.guid,
        "externtNr": errand.number,
        "objekt": {"id": errand.rental_object.number},
        "kund": {"id": errand.customer_id} if errand.customer_id else None,
        "bunt": None,
        "utforare": {"id": ids.get(handler.display_name), "namn": handler.display_name, "kommunikation": None}
        if handler
        else None,
        "status": {"statusKod": row.status},
        # beskrivning: sandbox-defined, see the module docstring.
        "utrymme": {"id": _number(room.id), "beskrivning": room.label} if room else None,
        "enhet": {"id": _number(unit.id), "enhetsNotering": row.specification or None, "beskrivning": unit.label}
        if unit
        else None,
        "nyEnhet": None,
        "fras": {"frasKod": row.fault_type_id, "frasBesk": row.fault_type.label} if row.fault_type else None,
        "information": {
            "beskrivning": row.description or None,
            "kommentar": _comment(errand, row),
            "anmarkning": row.remark or None,
            "atgard": row.action or None,
        },
        "arbetsorderTyp": (
            {"arbetsordertypKod": "U", "arbetsordertypBesk": "Underhåll"}
            if errand.kind == Errand.Kind.UNDERHALL
            else {"arbetsordertypKod": "F", "arbetsordertypBesk": "Felanmälan"}
        ),
        "tilltrade": None
        if entry is None
        else {"tilltradeKod": "J" if entry else "N", "tilltradeBesk": "Ja" if entry else "Nej"},
        "prio": {
            "prioKod": str(row.priority),
            "prioBesk": _priority_label(row.priority),
            "prioSla": sla.iso_duration(sla.AGREED.get(row.priority, sla.AGREED[Priority.NORMAL])),
        },
        "registrerad": {"datumregistrerad": moment(row.registered_at), "registreradAv": _by(history[:1], ids)},
        "bestalld": {"datumBestalld": moment(row.ordered_at), "bestalldAv": None} if row.ordered_at else None,
        "accepterad": {"datumAccepterad": moment(row.accepted_at)} if row.accepted_at else None,
        "utford": {"datumUtford": moment(row.done_at), "utfordAv": _resource(handler, ids)} if row.done_at else None,
        "modifierad": {"datumModifierad": moment(modified), "modifieradAv": _by(history[-1:], ids)},
        "referens": _reference(errand),
        "pamin1": None,
        "pamin2": None,
        "planering": {
            "bokadDatum": day(timezone.localtime(row.planned_at).date()),
            "bokadFromTid": clock(row.planned_at),
            "bokadTomTid": clock(row.planned_until),
        }
        if row.planned_at
        else None,
        "ekonomi": economy.ekonomi(row),
        "fakturera": economy.fakturera(row),
        "ursprung": errand.source,
        "annanAnmalare": {
            "namn": errand.reporter_name,
            "telefon": errand.reporter_phone or None,
            "epostAdress": errand.reporter_email or None,
        }
        if errand.reporter_name
        else None,
        "filer": [work_order_file(m) for m in row.media.all()],  # sandbox-defined, see the docstring
    }


def media_listing() -> QuerySet[ErrandRowMedia]:
    """A work order's files without their bytes, each with its size."""
    return ErrandRowMedia.objects.defer("content").annotate(size=Length("content"))


def work_order_file(media: ErrandRowMedia) -> dict:
    return {"id": media.pk, "namn": media_name(media), "contentType": media.content_type, "storlek": media.size}


def media_name(media: ErrandRowMedia) -> str:
    """PM5 keeps no file name for a photo: one is made from the ids and the type."""
    extension = {"image/jpeg": ".jpg"}.get(media.content_type) or mimetypes.guess_extension(media.content_type) or ""
    return f"arbetsorder-{media.row_id}-bild-{media.pk}{extension}"


def status(code: str) -> dict:
    return {"statuskod": code, "beskrivning": WorkOrderStatus(code).label}


def event(entry: ErrandRowHistoryEntry) -> dict:
    return {
        "id": entry.pk,
        "rubrik": entry.label,
        "text": entry.text or None,
        "typKod": entry.type_code,
        "typBeskrivning": EVENT_TYPES.get(entry.type_code, entry.type_code),
        "sortKod": None,
        "sortBeskrivning": None,
        "skapadAv": entry.user,
        "datumRegistrerad": moment(entry.at),
        # Until the first change: the creator and the registration (sandbox-defined, see events.py).
        "modifieradAv": entry.modified_by or entry.user,
        "datumModifierad": moment(entry.modified_at or entry.at),
        "aktivFrom": day(entry.active_from or timezone.localtime(entry.at).date()),
        "aktivTom": day(entry.active_to),
    }


def _comment(errand: Errand, row: ErrandRow) -> str | None:
    """Kommentar is addressed to the craftsman: pets and how to get in (seed 2.4)."""
    parts = []
    if errand.pets:
        parts.append(f"Husdjur: {errand.pets}")
    if row.key_handling:
        parts.append(f"Tillträde: {row.key_handling.label}")
    if row.key_note:
        parts.append(row.key_note)
    return ". ".join(parts) or None


def _resource(person: ErrandParticipant | None, ids: dict) -> dict | None:
    """A Resurs group: a utförare the sandbox knows by name, its phone and e-mail as it has them."""
    if person is None:
        return None
    phones = [{"typ": "Arbete", "telefonNr": person.phone}] if person.phone else []
    return {
        "id": ids.get(person.display_name),
        "namn": person.display_name,
        "kommunikation": {"epostAdress": person.email or None, "telefon": phones},
    }


def _by(entries: list[ErrandRowHistoryEntry], ids: dict) -> dict | None:
    """Who wrote (or last changed) a händelse, as a Resurs: a known utförare has its id, others a name only."""
    if not entries:
        return None
    name = entries[0].modified_by or entries[0].user
    return {"id": ids.get(name), "namn": name, "kommunikation": None} if name else None


def _reference(errand: Errand) -> dict | None:
    company = errand.rental_object.building.property.company
    officer = next((p for p in errand.participants.all() if p.row_id is None and p.role == "handler"), None)
    name = officer.display_name if officer else company.name
    phones = [{"typ": "Arbete", "telefonNr": company.phone}] if company.phone else []
    return {"id": None, "namn": name, "kommunikation": {"epostAdress": company.email or None, "telefon": phones}}


def _priority_label(code: int) -> str:
    try:
        return Priority(code).label
    except ValueError:
        return str(code)


def _number(node_id: str) -> int:
    """FAST2 ids of rooms and units are numbers; PM5's node ids are "n245612"."""
    return int(re.sub(r"\D", "", node_id) or 0)


def _path_nodes(rows: list[ErrandRow]) -> dict[str, Node]:
    ids = {node_id for row in rows if row.node_id for node_id in row.node.path.split("-")}
    return {node.id: node for node in Node.objects.filter(id__in=ids).select_related("kind")}
