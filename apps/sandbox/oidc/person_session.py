"""POST /sandbox/pm5/e-legitimation/session — sandbox-defined, not part of PM5.

e-ID proves a person, not a customer number, and the seed leaves login to another
API (contract A01). This is the smallest way for the portal to learn which customer
a verified personnummer belongs to: the same client credentials as POST /session,
a session for that customer, and its customer number.

    {"Personnummer": "YYYYMMDDnnnn"}
    → 200 {"Sessionsnyckel": "…", "GiltigTill": "…", "Kundnummer": "15555"}
    → 401 wrong client credentials; 404 KundSaknas; 400 OgiltigBegaran

It lives with the OIDC provider because only e-ID login needs it; it answers in
PM5's shapes because PM5 (its account API) is who would know.
"""

import json
import re

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from apps.sandbox.behaviour import sandbox_api
from apps.sandbox.models import Customer, SessionKey
from apps.sandbox.pm5.auth import client_refused, has_client_credentials, session_ttl
from apps.sandbox.pm5.wire import felmeddelande, moment

PERSONNUMMER = re.compile(r"(\d{8})-?(\d{4})")


@sandbox_api(felmeddelande)
def open_session_for_person(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        response = felmeddelande(405, "MetodEjTillaten", "Endast POST stöds här.")
        response["Allow"] = "POST"
        return response
    if not has_client_credentials(request):
        return client_refused()
    try:
        body = json.loads(request.body)
    except ValueError:
        return felmeddelande(400, "OgiltigBegaran", "Begäran är inte giltig JSON.")
    value = body.get("Personnummer") if isinstance(body, dict) else None
    match = PERSONNUMMER.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return felmeddelande(400, "OgiltigBegaran", "Personnummer ska anges som ÅÅÅÅMMDDNNNN.")
    customer = Customer.objects.filter(personnummer="".join(match.groups())).first()
    if customer is None:
        return felmeddelande(404, "KundSaknas", "Det finns ingen kund med de uppgifterna.")
    now = timezone.now()
    key = SessionKey.issue(customer, now=now, ttl=session_ttl())
    return JsonResponse(
        {"Sessionsnyckel": key, "GiltigTill": moment(now + session_ttl()), "Kundnummer": customer.customer_number}
    )
