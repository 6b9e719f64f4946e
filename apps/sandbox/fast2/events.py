"""FAST2 händelser (seed 7.5): list and create under a work order, read, change and delete one by id.

Readings (contract ambiguity 33): create takes rubrik, text and typKod; only a
change (PUT, partial: absent fields stay) sets aktivFrom/aktivTom; typKod is an
id of the value list, and SYS (the system's own entries) is never set through
the API; any händelse may be changed or deleted. Read values where the seed has
a field but the sandbox no history (sandbox-defined): aktivFrom is the day the
händelse was registered until one is set, aktivTom is null for "no end",
modifieradAv/datumModifierad are the creator and the registration until the
first change.

Linking a file (seed 2.7: "Händelser är även där FAST2 kopplar filer"; 8.0: the
link is made "in the endpoints above that handle files", none of which has a
file field): the sandbox's reading is a list of temporary file names in the
händelse it is created with, sandbox-defined ``filer: ["<name from POST
tempfile>"]``. Each must be a temporary file of the same resource; it becomes
one of the work order's files (its ``filer``, GET file/{id}) and is no longer
temporary. Only an open work order takes files, as only an open one loses them.
"""

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.fast2 import auth, lookup, serializers
from apps.sandbox.fast2.wire import FAST2, answer, created, error, ok, optional_date
from apps.sandbox.http import BadRequest
from apps.sandbox.models import ErrandRow, ErrandRowHistoryEntry, ErrandRowMedia, TempFile


class EventInvalid(Exception):
    """400: the body does not make a händelse."""


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "POST")
@lookup.work_order_in_query
def events(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    if request.method == "GET":
        return answer([serializers.event(entry) for entry in row.history.all()])
    entry = ErrandRowHistoryEntry(row=row, at=timezone.now(), user=resource.name)
    try:
        body = FAST2.json_object(request)
        _apply(entry, {name: body.get(name) for name in ("rubrik", "text", "typKod")})
        files = _temp_files(body.get("filer"), resource)
    except (BadRequest, EventInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    if files and not row.is_open:
        label = row.get_status_display().lower()
        return error(409, "Conflict", f"filer: arbetsorder {row.pk} är {label}; den tar inte emot filer.")
    with transaction.atomic():
        entry.save()
        ErrandRowMedia.objects.bulk_create(
            ErrandRowMedia(row=row, content_type=f.content_type, content=f.content, note=f.original_name[:200])
            for f in files
        )
        TempFile.objects.filter(pk__in=[f.pk for f in files]).delete()
    return created(entry.pk)


def _temp_files(value: Any, resource: auth.Resource) -> list[TempFile]:
    """The temporary files ``filer`` names: the resource's own uploads, each once."""
    if value in (None, []):
        return []
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value) or len(set(value)) != len(value):
        raise EventInvalid("filer ska vara en lista med namn på temporära filer, vart och ett en gång.")
    found = list(TempFile.objects.filter(name__in=value, uploaded_by=resource.username))
    if len(found) != len(value):
        raise EventInvalid("filer: en temporär fil finns inte (eller är redan kopplad).")
    return found


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "PUT", "DELETE")
def event_detail(request: HttpRequest, event_id: str, resource: auth.Resource) -> HttpResponse:
    entry = ErrandRowHistoryEntry.objects.filter(pk=int(event_id)).first() if event_id.isdigit() else None
    if entry is None:
        return error(404, "NotFound", f"Händelse {event_id} finns inte.")
    if request.method == "GET":
        return answer(serializers.event(entry))
    if request.method == "DELETE":
        entry.delete()
        return ok()
    try:
        body = FAST2.json_object(request)
        # Partial: what is not sent stays as it is.
        _apply(entry, {name: body[name] if name in body else _current(entry, name) for name in _FIELDS})
    except (BadRequest, EventInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    entry.modified_by, entry.modified_at = resource.name, timezone.now()
    entry.save()
    return ok()


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
def event_types(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    return answer([{"id": code, "text": text} for code, text in serializers.EVENT_TYPES.items() if code != "SYS"])


_FIELDS = ("rubrik", "text", "typKod", "aktivFrom", "aktivTom")


def _current(entry: ErrandRowHistoryEntry, name: str) -> Any:
    return {
        "rubrik": entry.label,
        "text": entry.text,
        "typKod": entry.type_code,
        "aktivFrom": entry.active_from,
        "aktivTom": entry.active_to,
    }[name]


def _apply(entry: ErrandRowHistoryEntry, body: dict[str, Any]) -> None:
    title = str(body.get("rubrik") or "").strip()
    text = str(body.get("text") or "").strip()
    type_code = str(body.get("typKod") or "")
    if not title or len(title) > 120:
        raise EventInvalid("rubrik krävs och får vara högst 120 tecken.")
    if type_code not in serializers.EVENT_TYPES or type_code == "SYS":
        raise EventInvalid("typKod måste vara en händelsetyp ur värdelistan.")
    if len(text) > 4000:
        raise EventInvalid("text får vara högst 4000 tecken.")
    active_from = _date(body.get("aktivFrom"), "aktivFrom")
    active_to = _date(body.get("aktivTom"), "aktivTom")
    if active_from and active_to and active_to < active_from:
        raise EventInvalid("aktivTom ska vara samma dag som aktivFrom eller senare.")
    entry.label, entry.text, entry.type_code = title, text, type_code
    entry.active_from, entry.active_to = active_from, active_to


def _date(value: Any, name: str):
    if hasattr(value, "isoformat"):
        return value
    return optional_date(value, name, EventInvalid)
