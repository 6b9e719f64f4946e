"""Endpoints of fasta strukturen: objekt (7.1), utrymme (7.2), enhet (7.3) and fraser (7.6.2)."""

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.fast2 import auth, structure
from apps.sandbox.fast2.wire import FAST2, answer, error, ok, optional_date
from apps.sandbox.http import BadRequest
from apps.sandbox.models import UnitRecord

DEFAULT_FIRST = 100  # contract ambiguity 6
MAX_FIRST = 1000
# Sortering.falt: the Objekt fields one can sort on, as dotted paths in its wire shape.
SORTABLE = (
    "id",
    "adress.adress",
    "adress.lghummer",
    "adress.postnummer",
    "adress.postort",
    "detalj.yta",
    "detalj.vaning.nummer",
    "typ.objektsOTyp",
    "typ.objektsTyp",
    "relationer.fastighetNr",
    "relationer.byggnadNr",
)
# PUT enheter/{id} (7.3.1): wire name → (UnitRecord field, max length); beskrivning is the node's label.
UNIT_TEXTS = {"serienummer": ("serial_number", 60), "egenskap": ("attribute", 120)}
UNIT_DATES = {"installationsdatum": "installed_on", "underhallsdatum": "maintained_on"}


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
def object_detail(request: HttpRequest, object_id: str, resource: auth.Resource) -> HttpResponse:
    obj = structure.find_object(object_id, timezone.localdate())
    if obj is None:
        return error(404, "NotFound", f"Objekt {object_id} finns inte.")
    return answer(structure.objekt(obj))


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("POST")
def reportable_objects(request: HttpRequest, rentable: bool, resource: auth.Resource) -> HttpResponse:
    """A read done with POST: filter, cursor paging (first/after) and sortering in the body (ambiguity 6)."""
    try:
        body = FAST2.json_object(request)
        customer_id, object_id = _filter(body.get("filter"))
        first = _first(body.get("first"))
        sorts = _sorts(body.get("sortering"))
        after = body.get("after")
        if after is not None and not isinstance(after, str):
            raise BadRequest("after ska vara en sträng: id för sista objektet på föregående sida.")
    except BadRequest as exc:
        return error(400, "BadRequest", str(exc))
    found = structure.reportable(rentable, timezone.localdate(), customer_id, object_id)
    items = _sorted([structure.objekt(obj) for obj in found], sorts)
    start = 0
    if after:
        position = next((i for i, item in enumerate(items) if item["id"] == after), None)
        if position is None:
            return error(400, "BadRequest", f"after {after!r} är inte ett objekt i urvalet.")
        start = position + 1
    return answer(items[start : start + first])


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
def room_detail(request: HttpRequest, room_id: str, resource: auth.Resource) -> HttpResponse:
    room = structure.find_room(room_id)
    if room is None:
        return error(404, "NotFound", f"Utrymme {room_id} finns inte.")
    return answer(structure.utrymme(room))


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
def room_list(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    obj = structure.find_object(request.GET.get("objektId") or "", timezone.localdate())
    if obj is None:
        return error(400, "BadRequest", "objektId saknas eller är okänt.")
    return answer([structure.utrymme(room) for room in structure.rooms_of(obj)])


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "PUT")
def unit_detail(request: HttpRequest, unit_id: str, resource: auth.Resource) -> HttpResponse:
    unit = structure.find_unit(unit_id)
    if unit is None:
        return error(404, "NotFound", f"Enhet {unit_id} finns inte.")
    if request.method == "PUT":
        try:
            _update_unit(unit, FAST2.json_object(request))
        except BadRequest as exc:
            return error(400, "BadRequest", str(exc))
        return ok()
    return answer(structure.enhet(unit, structure.room_of(unit)))


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
def unit_list(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    room = structure.find_room(request.GET.get("utrymmesId") or "")
    if room is None:
        return error(400, "BadRequest", "utrymmesId saknas eller är okänt.")
    return answer([structure.enhet(unit, room) for unit in structure.units_of(room)])


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
def phrases(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    unit = structure.find_unit(request.GET.get("enhetsId") or "")
    if unit is None:
        return error(400, "BadRequest", "enhetsId saknas eller är okänt.")
    return answer(structure.fraser(unit))


def _filter(value: Any) -> tuple[int | None, str | None]:
    if value is None:
        return None, None
    if not isinstance(value, dict):
        raise BadRequest("filter ska vara ett objekt.")
    customer_id = value.get("kundId")
    object_id = value.get("objektId")
    if object_id is not None and not isinstance(object_id, str):
        raise BadRequest("filter.objektId ska vara en sträng.")
    return _whole(customer_id, "filter.kundId"), object_id or None


def _first(value: Any) -> int:
    first = _whole(value, "first")
    if first is None:
        return DEFAULT_FIRST
    if not 1 <= first <= MAX_FIRST:
        raise BadRequest(f"first ska vara mellan 1 och {MAX_FIRST}.")
    return first


def _whole(value: Any, name: str) -> int | None:
    """A number the seed's example writes in quotes ("<long>", "<integer>"): either form is taken."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, str) and value.isdigit())):
        raise BadRequest(f"{name} ska vara ett heltal.")
    return int(value)


def _sorts(value: Any) -> list[tuple[str, bool]]:
    """(falt, descending) pairs; riktning is ASC or DESC, ASC when left out."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadRequest("sortering ska vara en lista.")
    sorts = []
    for item in value:
        if not isinstance(item, dict) or item.get("falt") not in SORTABLE:
            raise BadRequest(f"sortering.falt ska vara ett av {', '.join(SORTABLE)}.")
        direction = str(item.get("riktning") or "ASC").upper()
        if direction not in ("ASC", "DESC"):
            raise BadRequest("sortering.riktning ska vara ASC eller DESC.")
        sorts.append((item["falt"], direction == "DESC"))
    return sorts


def _sorted(items: list[dict[str, Any]], sorts: list[tuple[str, bool]]) -> list[dict[str, Any]]:
    """Stable sorts from the last key to the first, on top of id: the order, and so the cursor, is total.

    Missing values sort as PostgreSQL's NULLs do: last ascending, first descending.
    """
    items = sorted(items, key=lambda item: item["id"])
    for field, descending in reversed(sorts):
        items.sort(key=lambda item: _key(_pick(item, field)), reverse=descending)
    return items


def _pick(item: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        item = item.get(part) if isinstance(item, dict) else None
    return item


def _key(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


@transaction.atomic
def _update_unit(unit, body: dict[str, Any]) -> None:
    """Only the five fields of 7.3.1; the others are ignored (contract ambiguity 40)."""
    record, _ = UnitRecord.objects.select_for_update().get_or_create(node=unit)
    if "beskrivning" in body:
        label = str(body["beskrivning"] or "").strip()
        if not label or len(label) > 80:
            raise BadRequest("beskrivning krävs och får vara högst 80 tecken.")
        unit.label = label
        unit.save(update_fields=["label"])
    for wire, (field, limit) in UNIT_TEXTS.items():
        if wire in body:
            text = str(body[wire] or "").strip()
            if len(text) > limit:
                raise BadRequest(f"{wire} får vara högst {limit} tecken.")
            setattr(record, field, text)
    for wire, field in UNIT_DATES.items():
        if wire in body:
            setattr(record, field, optional_date(body[wire], wire, BadRequest))
    if record.installed_on and record.maintained_on and record.maintained_on < record.installed_on:
        raise BadRequest("underhallsdatum kan inte vara före installationsdatum.")
    record.save()
