"""POST /session/{key}/arende (Skapa felanmälan, A03, A04, A18, A49): a fault report becomes an errand.

The body is read into a Report first, so a report a real PM5 would refuse is
answered 400 with a Felmeddelande whose text a tenant can read (``Refusal``)
before anything is saved; a place that is not the customer's is 404
(``NotTheirs``, scope.py). The errand gets one row per reported place, its photos,
the customer (or the named Kontakt) as contact and customer service as handler.
"""

import base64
import binascii
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from apps.sandbox.models import (
    Customer,
    Errand,
    ErrandClass,
    ErrandClassNode,
    ErrandParticipant,
    ErrandRow,
    ErrandRowHistoryEntry,
    ErrandRowMedia,
    Node,
    RentalObject,
)
from apps.sandbox.pm5 import general_views
from apps.sandbox.pm5.wire import Refusal, folded
from apps.sandbox.scope import NotTheirs, node_on_path

FAULT_REPORT_USAGE = "felanmälan"
CREATE_ERRAND_TYPES = {"order", "felanmälan"}  # "Felanmälan" is the seed's example, a synonym (A04)
MAX_DESCRIPTION = 2000
MAX_NOTE = 200
MAX_PHOTO_BYTES = 10 * 1024 * 1024  # A49
PHOTO_SIGNATURES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}
DUE_AFTER = timedelta(days=14)


@dataclass(frozen=True)
class Photo:
    content: bytes
    content_type: str
    note: str


@dataclass(frozen=True)
class Row:
    node: Node
    description: str
    specification: str
    fault_type_id: int | None
    key_handling_id: int | None
    key_note: str
    photos: list[Photo]
    class_node: ErrandClassNode | None = None  # a general errand's place in its class's tree
    occurred_at: datetime | None = None


@dataclass(frozen=True)
class Report:
    rental_object: RentalObject
    pets: str
    source: str
    contact: dict[str, str] | None
    rows: list[Row]
    errand_class: ErrandClass | None = None  # a general errand (Allmänt ärende) of this class


def create(customer: Customer, body: dict[str, Any], idempotency_key: str) -> Errand:
    """The new errand. Refusal (400) or NotTheirs (404) come before anything is saved; IntegrityError
    when another request saved an errand with the same idempotency key first."""
    return _save(customer, _read_report(customer, body), idempotency_key)


def _read_report(customer: Customer, body: dict[str, Any]) -> Report:
    errand_type = folded(_text(body, "Ärendetyp") or "")
    if errand_type not in CREATE_ERRAND_TYPES and errand_type != general_views.GENERAL_ERRAND_TYPE:
        raise Refusal("OgiltigArendetyp", "Ärendetypen ska vara Order eller AllmantArende.")
    usage = body.get("Användningstyp")
    usage_name = usage.get("Referensnamn") if isinstance(usage, dict) else usage
    errand_class = None
    if errand_type == general_views.GENERAL_ERRAND_TYPE:
        # A general errand names its class (Störning, Önskemål) by SystemName as the usage.
        errand_class = general_views.class_named(str(usage_name or ""))
        if errand_class is None:
            raise Refusal("OgiltigAnvandningstyp", "Användningstypen ska vara en ärendeklass, t.ex. Storning.")
    elif usage is not None and folded(str(usage_name or "")) != FAULT_REPORT_USAGE:
        raise Refusal("OgiltigAnvandningstyp", "Användningstypen ska vara Felanmälan.")
    source = _text(body, "ÄrendeKällaSystemnamn") or Errand.Source.MINA_SIDOR
    if source not in Errand.Source.values:
        raise Refusal("OgiltigKalla", "ÄrendeKällaSystemnamn är inte känt.")

    head = _text(body, "Avser")
    if not head or "-" in head:
        raise Refusal("OgiltigAvser", "Avser ska vara objektets nod, inte en hel nodstig.")
    root = node_on_path(customer, head)  # NotTheirs → 404
    rows = body.get("Rader")
    if isinstance(rows, dict):
        rows = [rows]
    if not isinstance(rows, list) or not rows:
        raise Refusal("RaderSaknas", "Felanmälan måste ha minst en rad.")
    return Report(
        rental_object=root.rental_object,
        pets=_limited(_text(body, "Husdjur") or "", MAX_NOTE, "Husdjur"),
        source=source,
        contact=_contact(body.get("Kontakt")),
        rows=[
            _general_row(root, errand_class, row, number) if errand_class else _row(root, row, number)
            for number, row in enumerate(rows, start=1)
        ],
        errand_class=errand_class,
    )


def _general_row(root: Node, errand_class: ErrandClass, data: Any, number: int) -> Row:
    """A general errand's row: the object's root, then a path down the class's tree; words and times."""
    if not isinstance(data, dict):
        raise Refusal("OgiltigRad", f"Rad {number} ska vara ett objekt.")
    path = _text(data, "Avser") or ""
    head, _, below = path.partition("-")
    if head != root.id:
        raise Refusal("OgiltigNodstig", f"Rad {number}: nodstigen börjar inte med objektet i Avser.")
    try:
        chosen = general_views.resolve(errand_class, below)
    except NotTheirs:
        raise Refusal("OkandNod", f"Rad {number}: platsen finns inte i ärendeklassen.") from None
    description = (_text(data, "Beskrivning") or "").strip()
    if not description:
        raise Refusal("BeskrivningSaknas", f"Rad {number}: beskriv ärendet.")
    for name in ("FelbeskrivningstypId", "NyckelhanteringId"):
        if data.get(name) is not None:
            raise Refusal("OgiltigBegaran", f"Rad {number}: {name} hör till felanmälningar.")
    return Row(
        node=root,
        description=_limited(description, MAX_DESCRIPTION, "Beskrivning"),
        specification=_limited(_text(data, "Specifikation") or "", MAX_NOTE, "Specifikation"),
        fault_type_id=None,
        key_handling_id=None,
        key_note="",
        photos=[],
        class_node=chosen[-1] if chosen else None,
        occurred_at=_occurred(errand_class, data.get("Tidpunkter"), number),
    )


def _occurred(errand_class: ErrandClass, points: Any, number: int) -> datetime | None:
    """Tidpunkter in ÄrendeRadÄrendeTidpunkt's own shape (not in the create table: the sandbox's reading),
    each of a type the class lists; the sandbox keeps "Inträffat", the one it knows."""
    if points is None:
        return None
    if not isinstance(points, list):
        raise Refusal("OgiltigTidpunkt", f"Rad {number}: Tidpunkter ska vara en lista.")
    known = {point["id"] for point in errand_class.time_points}
    occurred = None
    for point in points:
        type_id = point.get("ÄrendeRadTidpunktTypId") if isinstance(point, dict) else None
        if type_id not in known:
            raise Refusal("OgiltigTidpunkt", f"Rad {number}: tidpunkten hör inte till ärendeklassen.")
        value = parse_datetime(str(point.get("Värde") or ""))
        if value is None:
            raise Refusal("OgiltigTidpunkt", f"Rad {number}: tidpunkten ska vara ett datum och en tid.")
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        if value > timezone.now() + timedelta(minutes=5):
            raise Refusal("OgiltigTidpunkt", f"Rad {number}: tidpunkten ligger i framtiden.")
        occurred = value
    return occurred


def _row(root: Node, data: Any, number: int) -> Row:
    if not isinstance(data, dict):
        raise Refusal("OgiltigRad", f"Rad {number} ska vara ett objekt.")
    path = _text(data, "Avser") or ""
    if not path.startswith(root.id + "-") and path != root.id:
        raise Refusal("OgiltigNodstig", f"Rad {number}: nodstigen börjar inte med objektet i Avser.")
    node = Node.objects.select_related("kind").filter(path=path, rental_object_id=root.rental_object_id).first()
    if node is None:
        raise Refusal("OkandNod", f"Rad {number}: platsen finns inte i objektet.")
    description = (_text(data, "Beskrivning") or "").strip()
    if not description:
        raise Refusal("BeskrivningSaknas", f"Rad {number}: beskriv felet.")
    fault_type = _integer(data, "FelbeskrivningstypId", number)
    if fault_type is not None and not node.kind.fault_types.filter(pk=fault_type).exists():
        raise Refusal("OkandFelbeskrivning", f"Rad {number}: felbeskrivningen passar inte platsen.")
    key_handling = _integer(data, "NyckelhanteringId", number)
    if key_handling is not None and not root.rental_object.key_handling_types.filter(pk=key_handling).exists():
        raise Refusal("OkandNyckelhantering", f"Rad {number}: nyckelhanteringen finns inte för objektet.")
    media = data.get("Media")
    if isinstance(media, dict):
        media = [media]  # a single object is accepted too (A18)
    return Row(
        node=node,
        description=_limited(description, MAX_DESCRIPTION, "Beskrivning"),
        specification=_limited(_text(data, "Specifikation") or "", MAX_NOTE, "Specifikation"),
        fault_type_id=fault_type,
        key_handling_id=key_handling,
        key_note=_limited(_text(data, "Nyckelhanteringsnotering") or "", MAX_NOTE, "Nyckelhanteringsnotering"),
        photos=[_photo(item, number) for item in media or []],
    )


def _photo(data: Any, number: int) -> Photo:
    encoded = data.get("MediaByte") if isinstance(data, dict) else None
    if not isinstance(encoded, str):
        raise Refusal("OgiltigBild", f"Rad {number}: en bild saknar MediaByte.")
    if len(encoded) > 4 * -(-MAX_PHOTO_BYTES // 3):
        raise Refusal("BildForStor", f"Rad {number}: en bild är större än 10 MB.")
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise Refusal("OgiltigBild", f"Rad {number}: en bild är inte giltig base64.") from None
    content_type = next((kind for magic, kind in PHOTO_SIGNATURES.items() if content.startswith(magic)), None)
    if content_type is None:
        raise Refusal("OgiltigBild", f"Rad {number}: bilder tas emot som JPEG eller PNG.")
    return Photo(content, content_type, _limited(_text(data, "Notering") or "", MAX_NOTE, "Notering"))


def _contact(data: Any) -> dict[str, str] | None:
    """SparaÄrendeKontakt: null means the customer is the contact."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise Refusal("OgiltigKontakt", "Kontakt ska vara ett objekt eller null.")
    first, last = _text(data, "Förnamn") or "", _text(data, "Efternamn") or ""
    name = (_text(data, "Visningsnamn") or f"{first} {last}").strip()
    phone, mobile, email = (_text(data, field) or "" for field in ("Telefon", "Mobil", "Epost"))
    if not name:
        raise Refusal("OgiltigKontakt", "Kontaktpersonen saknar namn.")
    if not (phone or mobile or email):
        raise Refusal("OgiltigKontakt", "Kontaktpersonen saknar telefonnummer eller e-postadress.")
    return {"display_name": name[:120], "phone": phone[:30], "mobile": mobile[:30], "email": email[:254]}


def _text(data: dict, name: str) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise Refusal("OgiltigBegaran", f"{name} ska vara text.")
    return value


def _integer(data: dict, name: str, number: int) -> int | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refusal("OgiltigBegaran", f"Rad {number}: {name} ska vara ett heltal.")
    return value


def _limited(text: str, limit: int, name: str) -> str:
    if len(text) > limit:
        raise Refusal("ForLangText", f"{name} får vara högst {limit} tecken.")
    return text


@transaction.atomic
def _save(customer: Customer, report: Report, idempotency_key: str) -> Errand:
    now = timezone.now()
    obj = report.rental_object
    errand = Errand.objects.create(
        number=f"ny-{uuid.uuid4().hex[:16]}",  # unique until replaced below, once the id is known
        customer=customer,
        rental_object=obj,
        kind=Errand.Kind.ALLMANT if report.errand_class else Errand.Kind.ORDER,
        errand_class=report.errand_class,
        source=report.source,
        pets=report.pets,
        received_at=now,
        due_at=now + DUE_AFTER,
        idempotency_key=idempotency_key,
    )
    errand.number = f"R-{now:%y%m}-{errand.pk}"
    errand.save(update_fields=["number"])
    contact = report.contact or _customer_as_contact(customer)
    company = obj.building.property.company
    ErrandParticipant.objects.bulk_create(
        [
            ErrandParticipant(errand=errand, role=ErrandParticipant.Role.CONTACT, **contact),
            ErrandParticipant(
                errand=errand,
                role=ErrandParticipant.Role.HANDLER,
                display_name="Kundservice",
                phone=company.phone,
                email=company.email,
            ),
        ]
    )
    for row in report.rows:
        saved = ErrandRow.objects.create(
            errand=errand,
            node=row.node,
            description=row.description,
            specification=row.specification,
            fault_type_id=row.fault_type_id,
            key_handling_id=row.key_handling_id,
            key_note=row.key_note,
            class_node=row.class_node,
            occurred_at=row.occurred_at,
            registered_at=now,
        )
        ErrandRowHistoryEntry.objects.create(row=saved, label="Registrerad", at=now, user="Mina sidor")
        ErrandRowMedia.objects.bulk_create(
            ErrandRowMedia(row=saved, content_type=p.content_type, content=p.content, note=p.note) for p in row.photos
        )
    return errand


def _customer_as_contact(customer: Customer) -> dict[str, str]:
    details = {d.kind: d.value for d in customer.contact_details.all()}
    return {
        "display_name": customer.full_name,
        "phone": details.get("Telefonnummer", ""),
        "mobile": details.get("Mobiltelefonnummer", ""),
        "email": details.get("Epost", ""),
    }
