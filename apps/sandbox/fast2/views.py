"""FAST2 API arbetsorder endpoints: login, work orders, status, SLA and kontaktpersoner (händelser: events.py)."""

from datetime import date, datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from apps.sandbox.fast2 import auth, contacts, creation, editing, lookup, resources, serializers, sla, transitions
from apps.sandbox.fast2.wire import FAST2, answer, created, error, ok
from apps.sandbox.http import BadRequest
from apps.sandbox.models import ErrandRow, WorkOrderContact, WorkOrderStatus

MAX_LIMIT = 1000


@FAST2.endpoint
@FAST2.allow("POST")
def token(request: HttpRequest) -> HttpResponse:
    if not auth.has_client_credentials(request):
        return auth.refused("Klienten kunde inte autentiseras.")
    try:
        body = _token_request(request)
    except BadRequest as exc:
        return error(400, "invalid_request", str(exc))
    if body.get("grant_type") != "client_credentials":
        return error(400, "unsupported_grant_type", "grant_type måste vara client_credentials.")
    return answer(auth.issue_gateway_token())


@FAST2.endpoint
@auth.gateway_required
@FAST2.allow("POST")
def login(request: HttpRequest) -> HttpResponse:
    try:
        body = FAST2.json_object(request)
    except BadRequest as exc:
        return error(400, "BadRequest", str(exc))
    tokens = auth.login(str(body.get("username") or ""), str(body.get("password") or ""))
    if tokens is None:
        return auth.refused("Fel användarnamn eller lösenord.")
    return answer(tokens)


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "POST")
def work_order_list(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
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


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "PUT")
@lookup.work_order_in_path
def work_order_detail(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    if request.method == "GET":
        return answer(serializers.work_order(row))
    try:
        editing.update(row, FAST2.json_object(request), by=resource.name)
    except (BadRequest, editing.UpdateInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    except editing.UpdateRefused as exc:
        return error(409, "Conflict", str(exc))
    return ok()


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "PUT")
@lookup.work_order_in_path
def work_order_status(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    if request.method == "GET":
        return answer(serializers.status(row.status))
    try:
        target = str(FAST2.json_object(request).get("statuskod") or "")
    except BadRequest as exc:
        return error(400, "BadRequest", str(exc))
    if target not in WorkOrderStatus.values:
        return error(400, "BadRequest", "statuskod saknas eller är okänd.")
    try:
        transitions.change_status(row, target, by=resource.name)
    except transitions.TransitionRefused as exc:
        return error(409, "Conflict", str(exc))
    return ok()


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
@lookup.work_order_in_path
def status_values(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    return answer([serializers.status(code) for code in transitions.allowed_targets(row)])


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
@lookup.work_order_in_path
def work_order_sla(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    return answer(sla.sla(row))


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("POST")
@lookup.work_order_in_path
def close_sla(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    sla.close(row, by=resource.name)
    return ok()


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "POST")
@lookup.work_order_in_query
def contact_list(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    if request.method == "GET":
        return answer([contacts.contact(c) for c in row.contacts.all()])
    new = WorkOrderContact(row=row)
    try:
        contacts.apply(new, FAST2.json_object(request), partial=False)
    except (BadRequest, contacts.ContactInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    new.save()
    return created(new.pk)


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "PUT", "DELETE")
def contact_detail(request: HttpRequest, contact_id: str, resource: auth.Resource) -> HttpResponse:
    found = WorkOrderContact.objects.filter(pk=int(contact_id)).first() if contact_id.isdigit() else None
    if found is None:
        return error(404, "NotFound", f"Kontaktperson {contact_id} finns inte.")
    if request.method == "GET":
        return answer(contacts.contact(found))
    if request.method == "DELETE":
        found.delete()
        return ok()
    try:
        contacts.apply(found, FAST2.json_object(request), partial=True)
    except (BadRequest, contacts.ContactInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    found.save()
    return ok()


def _create(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    """POST /v1/arbetsorder (seed 7.6.2): see creation.py."""
    try:
        row = creation.create(FAST2.json_object(request), by=resource.name)
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
    if performers := _list(request, "utforare"):
        rows = resources.performed_by(rows, performers)
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


def _token_request(request: HttpRequest) -> dict:
    """The token endpoint also takes the form encoding of standard OAuth2."""
    if request.content_type == "application/x-www-form-urlencoded":
        return request.POST.dict()
    return FAST2.json_object(request)
