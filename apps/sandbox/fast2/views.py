"""FAST2 API arbetsorder endpoints: login, work orders, status and händelser."""

import json
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from apps.sandbox.behaviour import sandbox_api
from apps.sandbox.fast2 import auth, contacts, creation, serializers, sla, transitions, updates
from apps.sandbox.fast2.wire import answer, created, error, ok
from apps.sandbox.models import ErrandRow, ErrandRowHistoryEntry, WorkOrderContact, WorkOrderStatus

fast2_api = sandbox_api(error)
MAX_LIMIT = 1000


class BadRequest(Exception):
    pass


def allow(request: HttpRequest, *methods: str) -> HttpResponse | None:
    if request.method in methods:
        return None
    response = error(405, "MethodNotAllowed", f"Endast {', '.join(methods)} stöds här.")
    response["Allow"] = ", ".join(methods)
    return response


@fast2_api
def token(request: HttpRequest) -> HttpResponse:
    if refused := allow(request, "POST"):
        return refused
    if not auth.has_client_credentials(request):
        return auth.refused("Klienten kunde inte autentiseras.")
    try:
        body = _body(request, form_ok=True)
    except BadRequest as exc:
        return error(400, "invalid_request", str(exc))
    if body.get("grant_type") != "client_credentials":
        return error(400, "unsupported_grant_type", "grant_type måste vara client_credentials.")
    return answer(auth.issue_gateway_token())


@fast2_api
@auth.gateway_required
def login(request: HttpRequest) -> HttpResponse:
    if refused := allow(request, "POST"):
        return refused
    try:
        body = _body(request)
    except BadRequest as exc:
        return error(400, "BadRequest", str(exc))
    tokens = auth.login(str(body.get("username") or ""), str(body.get("password") or ""))
    if tokens is None:
        return auth.refused("Fel användarnamn eller lösenord.")
    return answer(tokens)


@fast2_api
@auth.resource_required
def work_order_list(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "GET", "POST"):
        return refused
    if request.method == "POST":
        return _create(request, resource)
    try:
        rows = _filtered(request)
        offset = _int(request.GET.get("offset"), 0, "offset")
        limit = _int(request.GET.get("limit"), 100, "limit")
    except BadRequest as exc:
        return error(400, "BadRequest", str(exc))
    if limit > MAX_LIMIT:
        return error(400, "BadRequest", f"limit får vara högst {MAX_LIMIT}.")
    return answer(serializers.work_order_list(rows[offset : offset + limit]))


@fast2_api
@auth.resource_required
def work_order_detail(request: HttpRequest, work_order_id: str, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "GET", "PUT"):
        return refused
    row = _row(work_order_id)
    if row is None:
        return _not_found(work_order_id)
    if request.method == "GET":
        return answer(serializers.work_order(row))
    try:
        updates.update(row, _body(request), by=resource.name)
    except (BadRequest, updates.UpdateInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    except updates.UpdateRefused as exc:
        return error(409, "Conflict", str(exc))
    return ok()


@fast2_api
@auth.resource_required
def work_order_status(request: HttpRequest, work_order_id: str, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "GET", "PUT"):
        return refused
    row = _row(work_order_id)
    if row is None:
        return _not_found(work_order_id)
    if request.method == "GET":
        return answer(serializers.status(row.status))
    try:
        target = str(_body(request).get("statuskod") or "")
    except BadRequest as exc:
        return error(400, "BadRequest", str(exc))
    if target not in WorkOrderStatus.values:
        return error(400, "BadRequest", "statuskod saknas eller är okänd.")
    try:
        transitions.change_status(row, target, by=resource.name)
    except transitions.TransitionRefused as exc:
        return error(409, "Conflict", str(exc))
    return ok()


@fast2_api
@auth.resource_required
def status_values(request: HttpRequest, work_order_id: str, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "GET"):
        return refused
    row = _row(work_order_id)
    if row is None:
        return _not_found(work_order_id)
    return answer([serializers.status(code) for code in transitions.allowed_targets(row)])


@fast2_api
@auth.resource_required
def work_order_sla(request: HttpRequest, work_order_id: str, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "GET"):
        return refused
    row = _row(work_order_id)
    if row is None:
        return _not_found(work_order_id)
    return answer(sla.sla(row))


@fast2_api
@auth.resource_required
def close_sla(request: HttpRequest, work_order_id: str, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "POST"):
        return refused
    row = _row(work_order_id)
    if row is None:
        return _not_found(work_order_id)
    sla.close(row, by=resource.name)
    return ok()


@fast2_api
@auth.resource_required
def events(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "GET", "POST"):
        return refused
    row = _row(request.GET.get("arbetsorderId") or "")
    if row is None:
        return _unknown_work_order_param()
    if request.method == "GET":
        return answer([serializers.event(entry) for entry in row.history.all()])
    try:
        body = _body(request)
    except BadRequest as exc:
        return error(400, "BadRequest", str(exc))
    title = str(body.get("rubrik") or "").strip()
    text = str(body.get("text") or "").strip()
    type_code = str(body.get("typKod") or "")
    if not title or len(title) > 120:
        return error(400, "BadRequest", "rubrik krävs och får vara högst 120 tecken.")
    if type_code not in serializers.EVENT_TYPES or type_code == "SYS":
        return error(400, "BadRequest", "typKod måste vara en händelsetyp ur värdelistan.")
    if len(text) > 4000:
        return error(400, "BadRequest", "text får vara högst 4000 tecken.")
    entry = ErrandRowHistoryEntry.objects.create(
        row=row, label=title, text=text, type_code=type_code, at=timezone.now(), user=resource.name
    )
    return created(entry.pk)


@fast2_api
@auth.resource_required
def event_types(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "GET"):
        return refused
    return answer([{"id": code, "text": text} for code, text in serializers.EVENT_TYPES.items() if code != "SYS"])


@fast2_api
@auth.resource_required
def contact_list(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "GET", "POST"):
        return refused
    row = _row(request.GET.get("arbetsorderId") or "")
    if row is None:
        return _unknown_work_order_param()
    if request.method == "GET":
        return answer([contacts.contact(c) for c in row.contacts.all()])
    new = WorkOrderContact(row=row)
    try:
        contacts.apply(new, _body(request), partial=False)
    except (BadRequest, contacts.ContactInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    new.save()
    return created(new.pk)


@fast2_api
@auth.resource_required
def contact_detail(request: HttpRequest, contact_id: str, resource: auth.Resource) -> HttpResponse:
    if refused := allow(request, "GET", "PUT", "DELETE"):
        return refused
    found = WorkOrderContact.objects.filter(pk=int(contact_id)).first() if contact_id.isdigit() else None
    if found is None:
        return error(404, "NotFound", f"Kontaktperson {contact_id} finns inte.")
    if request.method == "GET":
        return answer(contacts.contact(found))
    if request.method == "DELETE":
        found.delete()
        return ok()
    try:
        contacts.apply(found, _body(request), partial=True)
    except (BadRequest, contacts.ContactInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    found.save()
    return ok()


def _create(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    """POST /v1/arbetsorder (seed 7.6.2): see creation.py."""
    try:
        row = creation.create(_body(request), by=resource.name)
    except (BadRequest, creation.CreateInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    return created(row.pk)


def _filtered(request: HttpRequest):
    """The query of GET /v1/arbetsorder (contract ambiguity 17: repeated or comma-separated lists)."""
    rows = serializers.work_orders()
    if object_id := request.GET.get("objektId"):
        rows = rows.filter(errand__rental_object__number=object_id)
    if statuses := _list(request, "status"):
        unknown = set(statuses) - set(WorkOrderStatus.values)
        if unknown:
            raise BadRequest(f"Okänd status: {', '.join(sorted(unknown))}.")
        rows = rows.filter(status__in=statuses)
    if kinds := _list(request, "feltyp"):
        wanted = {"F": "Order", "U": "Underhall"}
        rows = rows.filter(errand__kind__in=[wanted[k] for k in kinds if k in wanted])
    if priorities := _list(request, "prio"):
        # Not in the seed's query (contract ambiguity 17 lists the documented ones): a sandbox extension.
        rows = rows.filter(priority__in=[_int(p, 0, "prio") for p in priorities])
    if created_after := request.GET.get("skapadEfter"):
        try:
            rows = rows.filter(registered_at__date__gte=date.fromisoformat(created_after))
        except ValueError:
            raise BadRequest("skapadEfter ska vara ett datum, ÅÅÅÅ-MM-DD.") from None
    if modified_after := request.GET.get("modifieradEfter"):
        moment = _moment(modified_after)
        rows = rows.filter(modified__gt=moment)
    if customer_number := request.GET.get("kundNr"):
        rows = rows.filter(errand__customer__customer_number=customer_number)
    return rows


def _list(request: HttpRequest, name: str) -> list[str]:
    return [item.strip() for value in request.GET.getlist(name) for item in value.split(",") if item.strip()]


def _moment(value: str) -> datetime:
    try:
        parsed = parse_datetime(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise BadRequest("modifieradEfter ska vara en tidpunkt enligt RFC 3339.")
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def _int(value: str | None, default: int, name: str) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadRequest(f"{name} ska vara ett heltal.") from None
    if number < 0:
        raise BadRequest(f"{name} får inte vara negativt.")
    return number


def _row(work_order_id: str) -> ErrandRow | None:
    if not work_order_id.isdigit():
        return None
    return serializers.work_orders().filter(pk=int(work_order_id)).first()


def _unknown_work_order_param() -> HttpResponse:
    """The lists under a work order (events, contacts) name it in the query string."""
    return error(400, "BadRequest", "arbetsorderId saknas eller är okänt.")


def _not_found(work_order_id: str) -> HttpResponse:
    return error(404, "NotFound", f"Arbetsorder {work_order_id} finns inte.")


def _body(request: HttpRequest, *, form_ok: bool = False) -> dict[str, Any]:
    """A JSON object body; the token endpoint also takes the form encoding of standard OAuth2."""
    if form_ok and request.content_type == "application/x-www-form-urlencoded":
        return request.POST.dict()
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("Kroppen är inte JSON.") from None
    if not isinstance(body, dict):
        raise BadRequest("Kroppen ska vara ett JSON-objekt.")
    return body
