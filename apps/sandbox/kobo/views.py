"""Seed 004's operations, one view per path; each answers the unit after the change (Bolig20xResponse, K2).

201 when something new was made (a unit, a reservation, an allocation, a lease,
a notice), 200 otherwise (K6); soft delete answers 204 with x-kobo-behandlet.
"""

import json
from collections.abc import Callable

from django.db import transaction
from django.http import HttpRequest, HttpResponse

from apps.sandbox.http import JSON_CONTENT_TYPE, BadRequest, json_response
from apps.sandbox.kobo import auth, schema, units, webhooks
from apps.sandbox.kobo.wire import KOBO, error
from apps.sandbox.models import KoboUnit


def _answer(operation: Callable[[], tuple[KoboUnit, int] | HttpResponse]) -> HttpResponse:
    """Run one operation and map its refusals to Kobo's answers."""
    try:
        # Made whole or not at all; find() locks the unit for it (PostgreSQL locks only in a transaction).
        with transaction.atomic():
            outcome = operation()
    except BadRequest as refused:
        return KOBO.bad_request(refused)
    except schema.Invalid as invalid:
        return error(400, "VALIDERINGSFEIL", " ".join(invalid.problems))
    except units.Refused as refused:
        return error(refused.status, refused.code, refused.message)
    if isinstance(outcome, HttpResponse):
        return outcome
    unit, status = outcome
    # Kobo's numbers (bruksareal, manedsleie) are doubles (seed 004): stored and sent as JSON numbers.
    body = json.dumps(units.to_wire(unit), ensure_ascii=False)
    return HttpResponse(body.encode(), status=status, content_type=JSON_CONTENT_TYPE)


@KOBO.endpoint
@KOBO.allow("POST")
def token(request: HttpRequest) -> HttpResponse:
    """The sandbox's stand-in for Maskinporten (not in the seed): OAuth2 client credentials, form-encoded."""
    if request.POST.get("grant_type") != "client_credentials":
        return json_response({"error": "unsupported_grant_type"}, 400)
    issued = auth.issue(request.POST.get("client_id", ""), request.POST.get("client_secret", ""))
    if issued is None:
        return json_response({"error": "invalid_client"}, 401)
    return json_response(issued)


@KOBO.endpoint
@auth.fdvu_system
@KOBO.allow("POST")
def units_view(request: HttpRequest, system: str) -> HttpResponse:
    return _answer(lambda: (units.create(system, KOBO.json_object(request)), 201))


@KOBO.endpoint
@auth.fdvu_system
@KOBO.allow("GET", "PUT", "DELETE")
def unit_view(request: HttpRequest, kobo_id: str, system: str) -> HttpResponse:
    if request.method == "GET":
        return _answer(lambda: (units.find(system, kobo_id), 200))
    if request.method == "PUT":
        return _answer(lambda: (units.update(system, kobo_id, KOBO.json_object(request)), 200))

    def delete() -> HttpResponse:
        response = HttpResponse(status=204)
        response["x-kobo-behandlet"] = "true" if units.soft_delete(system, kobo_id) else "false"
        return response

    return _answer(delete)


@KOBO.endpoint
@auth.fdvu_system
@KOBO.allow("PUT", "DELETE")
def reservation_view(request: HttpRequest, kobo_id: str, reference: str, system: str) -> HttpResponse:
    if request.method == "PUT":

        def reserve():
            unit, created = units.reserve(system, kobo_id, reference)
            return unit, 201 if created else 200

        return _answer(reserve)
    return _answer(lambda: (units.unreserve(system, kobo_id, reference), 200))


@KOBO.endpoint
@auth.fdvu_system
@KOBO.allow("POST", "DELETE")
def allocation_view(request: HttpRequest, kobo_id: str, system: str) -> HttpResponse:
    if request.method == "POST":
        return _answer(lambda: (units.allocate(system, kobo_id, KOBO.json_object(request)), 201))
    # K8: a DELETE with a body naming the case.
    return _answer(lambda: (units.unallocate(system, kobo_id, KOBO.json_object(request)), 200))


@KOBO.endpoint
@auth.fdvu_system
@KOBO.allow("POST", "PUT", "DELETE")
def lease_view(request: HttpRequest, kobo_id: str, system: str) -> HttpResponse:
    if request.method == "POST":
        return _answer(lambda: (units.open_lease(system, kobo_id, KOBO.json_object(request)), 201))
    if request.method == "PUT":
        return _answer(lambda: (units.change_lease(system, kobo_id, KOBO.json_object(request)), 200))
    return _answer(lambda: (units.end_lease(system, kobo_id, KOBO.json_object(request)), 200))


@KOBO.endpoint
@auth.fdvu_system
@KOBO.allow("POST", "PUT", "DELETE")
def notice_view(request: HttpRequest, kobo_id: str, system: str) -> HttpResponse:
    if request.method == "DELETE":
        return _answer(lambda: (units.withdraw_notice(system, kobo_id), 200))
    change = request.method == "PUT"
    return _answer(
        lambda: (units.give_notice(system, kobo_id, KOBO.json_object(request), change=change), 200 if change else 201)
    )


@KOBO.endpoint
@auth.fdvu_system_header_optional
@KOBO.allow("POST")
def fdvu_system_view(request: HttpRequest, system: str) -> HttpResponse:
    """registrerApiKey: {"apiKey"} (K3), and ``url``, where to send the messages: **the sandbox's addition**
    (a real Kobo has the URL from the FDVU system's setup)."""

    def register() -> HttpResponse:
        body = KOBO.json_object(request)
        fields = schema.checked(body, (schema.Field("apiKey", "text", required=True), schema.Field("url", "text")))
        if len(fields["apiKey"]) < 16:
            raise schema.Invalid(["apiKey må ha minst 16 tegn."])
        url = fields.get("url")
        if url and not url.startswith(("http://", "https://")):
            raise schema.Invalid(["url må være en http- eller https-adresse."])
        webhooks.register(system, fields["apiKey"], url)
        return HttpResponse(status=204)

    return _answer(register)
