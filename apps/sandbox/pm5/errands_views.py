"""PM5 fault reports: the node walk, Skapa felanmälan, Hämta ett ärende, Hämta Ärenderadfil.

What belongs to the session's customer is decided in one place (scope.py): a
path that does not start at an object the customer may report on, or a node
that is not its parent's child, is answered 404 like any id that is not theirs
(contract A02); a report that a real PM5 would refuse is answered 400 with a
Felmeddelande whose text a tenant can read.
"""

import base64
import binascii
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.http import BadRequest, json_response
from apps.sandbox.models import (
    Customer,
    Errand,
    ErrandParticipant,
    ErrandRow,
    ErrandRowHistoryEntry,
    ErrandRowMedia,
    Node,
    RentalObject,
    SessionKey,
)
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.serializers.errands import node_choices, single_errand
from apps.sandbox.pm5.wire import PM5, Refusal, felmeddelande, not_acceptable
from apps.sandbox.scope import available_objects

FAULT_REPORT_USAGE = "felanmälan"
ERRAND_TYPES = {"order"}  # the walk's ArendeTyp; inspections (Besiktning) are not offered to tenants here
CREATE_ERRAND_TYPES = {"order", "felanmälan"}  # "Felanmälan" is the seed's example, a synonym (A04)
MAX_DESCRIPTION = 2000
MAX_NOTE = 200
MAX_PHOTO_BYTES = 10 * 1024 * 1024  # A49
PHOTO_SIGNATURES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}
WALK_FLAGS = ("HämtaAvser", "HämtaFelbeskrivningstyper", "HämtaNyckelhanteringstyper")
DUE_AFTER = timedelta(days=14)


class NotTheirs(LookupError):
    """An object or node the session's customer may not report on: 404, telling nothing more."""


# --- Hämta noder under ett objekt ------------------------------------------------------------


@PM5.endpoint
@PM5.allow("GET")
@session_required
def node_walk(request: HttpRequest, session: SessionKey, errand_type: str, usage: str, path: str) -> HttpResponse:
    """GET /session/{key}/arende/typ/{ArendeTyp}/{Anvandningstyp}/{Id} (A05–A07, A40)."""
    if _folded(errand_type) not in ERRAND_TYPES or _folded(usage) != FAULT_REPORT_USAGE:
        return felmeddelande(400, "OgiltigParameter", "Ärendetypen eller användningstypen stöds inte.")
    try:
        nodes, fault_types, key_handling = (_flag(request, name) for name in WALK_FLAGS)
    except BadRequest as exc:
        return PM5.bad_request(exc)
    try:
        last = _node_on_path(session.customer, path)
    except NotTheirs:
        return felmeddelande(404, "NodSaknas", "Det finns ingen sådan plats att felanmäla.")

    ids = last.path_ids
    children: dict[str, list[Node]] = {node_id: [] for node_id in ids}
    for child in Node.objects.filter(parent_id__in=ids).order_by("position", "label"):
        children[child.parent_id].append(child)
    return json_response(
        node_choices(
            levels=[children[node_id] for node_id in ids] if nodes else None,
            fault_types=last.kind.fault_types.order_by("pk") if fault_types else None,
            key_handling=last.rental_object.key_handling_types.all() if key_handling else None,
        )
    )


def _node_on_path(customer: Customer, path: str) -> Node:
    """The path's last node, if the path runs parent to child from the root of an object the customer
    may report on. Each node stores its joined path from the root, so one lookup checks every link."""
    if not path or any(not part for part in path.split("-")):
        raise NotTheirs
    node = (
        Node.objects.select_related("kind", "rental_object")
        .filter(path=path, rental_object__in=_reportable(customer))
        .first()
    )
    if node is None:
        raise NotTheirs
    return node


def _reportable(customer: Customer) -> QuerySet[RentalObject]:
    return available_objects(customer, timezone.localdate()).filter(fault_reportable=True)


def _flag(request: HttpRequest, name: str) -> bool:
    """A Hämta* flag: opt-in, 'true'/'false' in any case (A07)."""
    wanted = _folded(name)
    value = next((v for k, v in request.GET.items() if _folded(k) == wanted), None)
    if value is None:
        return False
    if value.strip().casefold() not in {"true", "false"}:
        raise Refusal("OgiltigParameter", f"{name} ska vara true eller false.")
    return value.strip().casefold() == "true"


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


# --- Skapa felanmälan -------------------------------------------------------------------------


@PM5.endpoint
@PM5.allow("POST")
@session_required
def create_errand(request: HttpRequest, session: SessionKey) -> HttpResponse:
    """POST /session/{key}/arende/ → {"ÄrendeId": …} (A03, A04, A18, A49).

    Not PM5 (A09): an optional Idempotency-Key header; a repeated key answers the
    errand the first request created, so a client may safely send a report again.
    """
    customer = session.customer
    idempotency_key = request.headers.get("Idempotency-Key", "").strip()[:100]
    if idempotency_key:
        earlier = Errand.objects.filter(customer=customer, idempotency_key=idempotency_key).first()
        if earlier is not None:
            return json_response({"ÄrendeId": earlier.pk})
    try:
        report = _read_report(customer, PM5.json_object(request))
    except BadRequest as exc:
        return PM5.bad_request(exc)
    except NotTheirs:
        return felmeddelande(404, "ObjektSaknas", "Det finns inget sådant objekt att felanmäla.")
    try:
        errand = _save(customer, report, idempotency_key)
    except IntegrityError:
        # The same key raced in twice: the other request's errand is the answer.
        errand = Errand.objects.get(customer=customer, idempotency_key=idempotency_key)
    return json_response({"ÄrendeId": errand.pk})


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


@dataclass(frozen=True)
class Report:
    rental_object: RentalObject
    pets: str
    source: str
    contact: dict[str, str] | None
    rows: list[Row]


def _read_report(customer: Customer, body: dict[str, Any]) -> Report:
    if _folded(_text(body, "Ärendetyp") or "") not in CREATE_ERRAND_TYPES:
        raise Refusal("OgiltigArendetyp", "Ärendetypen ska vara Order.")
    usage = body.get("Användningstyp")
    usage_name = usage.get("Referensnamn") if isinstance(usage, dict) else usage
    if usage is not None and _folded(str(usage_name or "")) != FAULT_REPORT_USAGE:
        raise Refusal("OgiltigAnvandningstyp", "Användningstypen ska vara Felanmälan.")
    source = _text(body, "ÄrendeKällaSystemnamn") or Errand.Source.MINA_SIDOR
    if source not in Errand.Source.values:
        raise Refusal("OgiltigKalla", "ÄrendeKällaSystemnamn är inte känt.")

    head = _text(body, "Avser")
    if not head or "-" in head:
        raise Refusal("OgiltigAvser", "Avser ska vara objektets nod, inte en hel nodstig.")
    root = _node_on_path(customer, head)  # NotTheirs → 404
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
        rows=[_row(root, row, number) for number, row in enumerate(rows, start=1)],
    )


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
        kind=Errand.Kind.ORDER,
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


# --- Hämta ett ärende, Hämta Ärenderadfil --------------------------------------------------------


@PM5.endpoint
@PM5.allow("GET")
@session_required
def errand_detail(request: HttpRequest, session: SessionKey, errand_id: str) -> HttpResponse:
    """GET /session/{key}/arende/{ÄrendeId}: the customer's own errand, or 404 (A02, A10)."""
    errand = Errand.objects.filter(pk=int(errand_id), customer=session.customer).first()
    if errand is None:
        return felmeddelande(404, "ArendeSaknas", "Det finns inget sådant ärende.")
    return json_response(single_errand(errand))


@PM5.endpoint
@PM5.allow("GET")
@session_required
def errand_row_file(
    request: HttpRequest, session: SessionKey, errand_id: str, row_id: str, file_id: str
) -> HttpResponse:
    """GET /session/{key}/arenderadfil/{ArendeId}/{ArendeRadId}/{FilesId}: raw bytes with their type (A28)."""
    media = (
        ErrandRowMedia.objects.filter(
            pk=int(file_id), row_id=int(row_id), row__errand_id=int(errand_id), row__errand__customer=session.customer
        )
        .only("content", "content_type")
        .first()
    )
    if media is None:
        return felmeddelande(404, "FilSaknas", "Det finns ingen sådan fil.")
    if refused := not_acceptable(request, media.content_type):
        return refused
    response = HttpResponse(bytes(media.content), content_type=media.content_type)
    response["Content-Disposition"] = f'inline; filename="arende-{errand_id}-{media.pk}"'
    return response
