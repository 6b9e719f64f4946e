"""POST /Token, and one collection view and one item view that serve every resource.

Collections answer ``{"data": [...]}`` with every item, unfiltered and unpaged
(contract A31). Create answers 201 with the new id (A6); update is PUT with the
full attribute set (A7); delete answers 204. Reference data is read-only (405).
"""

from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse

from apps.sandbox.cashservices import auth
from apps.sandbox.cashservices.fields import REF
from apps.sandbox.cashservices.resources import RESOURCES, Resource
from apps.sandbox.cashservices.rules import Forbidden, is_past_year
from apps.sandbox.cashservices.wire import CASH, envelope, error, errors
from apps.sandbox.http import BadRequest, json_response

READ_ONLY = ("GET",)


@CASH.endpoint
@CASH.allow("POST")
def token(request: HttpRequest) -> HttpResponse:
    """The OAuth2 password grant, form-encoded; refusals in OAuth2's own shape (RFC 6749 5.2)."""
    if request.POST.get("grant_type") != "password":
        return json_response({"error": "unsupported_grant_type", "error_description": "Endast password."}, 400)
    issued = auth.login(request.POST.get("username", ""), request.POST.get("password", ""))
    if issued is None:
        return json_response({"error": "invalid_grant", "error_description": "Fel användarnamn eller lösenord."}, 400)
    return json_response(issued)


@CASH.endpoint
@auth.bearer_required
def collection(request: HttpRequest, name: str, user: auth.User) -> HttpResponse:
    resource = RESOURCES.get(name.casefold())  # paths are case-insensitive (contract A1)
    if resource is None:
        return error(404, "NotFound", f"Det finns ingen samling {name}.")
    return CASH.allow(*_methods(resource, "GET", "POST"))(_collection)(request, resource, user)


@CASH.endpoint
@auth.bearer_required
def item(request: HttpRequest, name: str, item_id: str, user: auth.User) -> HttpResponse:
    resource = RESOURCES.get(name.casefold())
    if resource is None:
        return error(404, "NotFound", f"Det finns ingen samling {name}.")
    return CASH.allow(*_methods(resource, "GET", "PUT", "DELETE"))(_item)(request, resource, item_id, user)


def _collection(request: HttpRequest, resource: Resource, user: auth.User) -> HttpResponse:
    if request.method == "GET":
        return envelope([resource.to_wire(obj) for obj in resource.objects()])
    return _save(request, resource, user, resource.model())


def _item(request: HttpRequest, resource: Resource, item_id: str, user: auth.User) -> HttpResponse:
    found = resource.objects().filter(pk=int(item_id)).first() if item_id.isdigit() else None
    if found is None:
        return error(404, "NotFound", f"Det finns ingen {resource.type} med id {item_id}.")
    if request.method == "GET":
        return envelope(resource.to_wire(found))
    if request.method == "PUT":
        return _save(request, resource, user, found)
    if resource is RESOURCES["services"] and is_past_year(found.year) and not user.extended_permission:
        return error(403, "Forbidden", "Historiska data kräver utökad behörighet.")
    try:
        found.delete()
    except ProtectedError:
        return error(409, "Conflict", f"{resource.type} {found.pk} används och kan inte raderas.")
    return HttpResponse(status=204)


def _save(request: HttpRequest, resource: Resource, user: auth.User, obj) -> HttpResponse:
    try:
        data = CASH.json_object(request).get("data")
    except BadRequest as refused:
        return errors(400, [refused.message])
    if not isinstance(data, dict) or not isinstance(data.get("attributes"), dict):
        return errors(400, ['Kroppen ska vara {"data": {"type", "attributes"}}.'])
    problems = _envelope_problems(data, resource, obj.pk)
    values = {field.attr: field.read(data["attributes"], problems) for field in resource.fields}
    problems += _unknown_references(resource, values)
    try:
        if not problems and resource.rule:
            problems += resource.rule(values, user)
    except Forbidden as refused:
        return error(403, "Forbidden", str(refused))
    if problems:
        return errors(400, problems)
    created = obj.pk is None
    for attr, value in values.items():
        setattr(obj, attr, value)
    obj.save()
    return envelope(resource.to_wire(obj), status=201 if created else 200)


def _envelope_problems(data: dict, resource: Resource, pk: int | None) -> list[str]:
    problems = []
    if data.get("type") != resource.type:
        problems.append(f"data.type ska vara {resource.type}.")
    if pk is None and data.get("id") is not None:
        problems.append("data.id sätts av servern och skickas inte vid create.")
    if pk is not None and data.get("id") is not None and data["id"] != pk:
        problems.append("data.id ska vara samma id som i adressen.")
    return problems


def _unknown_references(resource: Resource, values: dict) -> list[str]:
    problems = []
    for field in resource.fields:
        value = values[field.attr]
        if field.kind == REF and value is not None and not field.model.objects.filter(pk=value).exists():
            problems.append(f"{field.wire}: det finns inget med id {value}.")
    return problems


def _methods(resource: Resource, *methods: str) -> tuple[str, ...]:
    return methods if resource.writable else READ_ONLY
