"""PM5 'Mina sidor' session API: obtaining a session and reading it."""

import re
import secrets
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.http import BadRequest, json_response
from apps.sandbox.models import Customer, SessionKey
from apps.sandbox.pm5.auth import (
    client_refused,
    has_client_credentials,
    session_refused,
    session_required,
    session_ttl,
)
from apps.sandbox.pm5.flags import InvalidFlag, SessionParts
from apps.sandbox.pm5.serializers import portal_session
from apps.sandbox.pm5.wire import PM5, Refusal, felmeddelande, moment

PERSONNUMMER = re.compile(r"(\d{8})-?(\d{4})")


@PM5.endpoint
@PM5.allow("GET", "POST")
def open_session(request: HttpRequest) -> HttpResponse:
    """POST /session — not in the seed: the smallest way to obtain a session key.

    The seed leaves login to another API ("kontohantering", contract A01), so the
    sandbox defines this one endpoint, for trusted backend clients only:

    * HTTP Basic with the client credentials (SANDBOX_CLIENT_ID/SECRET), else 401.
    * JSON body ``{"Kundnummer": "15555", "Personnummer": "YYYYMMDDnnnn"}``;
      Personnummer is optional and, when given, must belong to the customer.
    * 200 ``{"Sessionsnyckel": "<43 url-safe characters>", "GiltigTill": "YYYY-MM-DDTHH:MM:SS"}``.
      The key lives SANDBOX_SESSION_TTL_SECONDS, extended by that much on every use.
    * An unknown customer and a personnummer that does not match get the same
      404 KundSaknas, so the endpoint cannot be used to test which exist.
    * A body that is not such JSON: 400 OgiltigBegaran.

    A GET here is the seed's heading path "GET /session" with the key left out:
    answered 401 like any missing key (A01).
    """
    if request.method == "GET":
        return session_refused()
    if not has_client_credentials(request):
        return client_refused()
    try:
        customer_number, personnummer = _login_fields(PM5.json_object(request))
    except BadRequest as exc:
        return PM5.bad_request(exc)

    customer = Customer.objects.filter(customer_number=customer_number).first()
    if customer is None or (
        personnummer is not None and not secrets.compare_digest(personnummer, customer.personnummer)
    ):
        return felmeddelande(404, "KundSaknas", "Det finns ingen kund med de uppgifterna.")

    now = timezone.now()
    key = SessionKey.issue(customer, now=now, ttl=session_ttl())
    return json_response({"Sessionsnyckel": key, "GiltigTill": moment(now + session_ttl())})


def _login_fields(body: dict[str, Any]) -> tuple[str, str | None]:
    number = body.get("Kundnummer")
    if isinstance(number, int) and not isinstance(number, bool):
        number = str(number)
    if not isinstance(number, str) or not number.strip():
        raise Refusal("OgiltigBegaran", "Kundnummer saknas.")
    personnummer = body.get("Personnummer")
    if personnummer in (None, ""):
        return number.strip(), None
    match = PERSONNUMMER.fullmatch(personnummer.strip()) if isinstance(personnummer, str) else None
    if match is None:
        raise Refusal("OgiltigBegaran", "Personnummer ska anges som ÅÅÅÅMMDDNNNN.")
    return number.strip(), "".join(match.groups())


@PM5.endpoint
@PM5.allow("GET")
@session_required
def session_detail(request: HttpRequest, session: SessionKey) -> HttpResponse:
    """GET /session/{Sessionsnyckel} — the PortalSession, with the parts the Hämta* flags ask for."""
    try:
        parts = SessionParts.from_query(request.GET)
    except InvalidFlag as exc:
        return felmeddelande(400, "OgiltigParameter", str(exc))
    root = _api_root(request)
    data = portal_session(
        session.customer,
        parts,
        today=timezone.localdate(),
        # The seed's FilUrl form, without the session key: no client may use it (A50),
        # and a secret echoed in a body only finds its way into someone's log.
        file_url=lambda file_id: f"{root}/session/kund/dokument/{file_id}",
    )
    return json_response(data)


def _api_root(request: HttpRequest) -> str:
    """The absolute base URL of this API, e.g. http://127.0.0.1:8000/sandbox/pm5."""
    path = request.path
    return request.build_absolute_uri(path[: path.lower().rindex("/session")])
