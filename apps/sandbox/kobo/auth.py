"""Who may call Kobo: a Maskinporten access token and the FDVU system's x-kobo-systemid.

Maskinporten itself is not in the seed (K1): only its refusal, 401 "Maskinporten
token er ikke godkjent". The sandbox stands in for it with ``POST /sandbox/kobo/token``,
a client-credentials grant (form-encoded client_id and client_secret) that answers
``access_token``, ``token_type`` and ``expires_in``; **this endpoint is the sandbox's
own**, as PM5's session endpoint is. A token is signed and time-stamped, not stored,
and names its FDVU system: a call must carry that system's id in x-kobo-systemid.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from apps.sandbox.kobo.wire import error

View = Callable[..., HttpResponse]

TOKEN_SALT = "sandbox.kobo.maskinporten"
TOKEN_TTL_SECONDS = 120  # Maskinporten's access tokens are short-lived
HEADER = "x-kobo-systemid"


@dataclass(frozen=True)
class System:
    system_id: str
    client_id: str
    client_secret: str


# The portal's landlord, and another FDVU supplier whose units the portal must never see.
SYSTEMS = {
    "tallbacken-fdvu": System("tallbacken-fdvu", "mina-sidor-kobo", "sandbox-kobo"),
    "annen-fdvu": System("annen-fdvu", "annen-leverandor", "sandbox-annen"),
}


def token_ttl() -> int:
    return getattr(settings, "SANDBOX_KOBO_TOKEN_TTL_SECONDS", TOKEN_TTL_SECONDS)


def issue(client_id: str, client_secret: str) -> dict | None:
    system = next((s for s in SYSTEMS.values() if s.client_id == client_id), None)
    if system is None or not secrets.compare_digest(client_secret.encode(), system.client_secret.encode()):
        return None
    token = signing.dumps({"sys": system.system_id, "nonce": secrets.token_hex(8)}, salt=TOKEN_SALT)
    return {"access_token": token, "token_type": "Bearer", "expires_in": token_ttl()}


def _system_of_token(request: HttpRequest) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    try:
        return signing.loads(token.strip(), salt=TOKEN_SALT, max_age=token_ttl()).get("sys")
    except signing.BadSignature:  # also SignatureExpired
        return None


def fdvu_system(view: View, *, header_optional: bool = False) -> View:
    """401 without an approved token; 400 without the system header; 404 for a system Kobo has not set up.

    The view gets ``system=`` (the system id).
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        token_system = _system_of_token(request)
        if token_system is None:
            response = error(401, "IKKE_AUTORISERT", "Maskinporten token er ikke godkjent.")
            response["WWW-Authenticate"] = 'Bearer realm="Kobo sandbox"'
            return response
        # K5: registrerApiKey lists no header; the system is then the token's.
        system_id = request.headers.get(HEADER, "").strip() or (token_system if header_optional else "")
        if not system_id:
            return error(400, "MANGLER_SYSTEMID", f"Headeren {HEADER} er obligatorisk.")
        if system_id not in SYSTEMS:
            return error(404, "UKJENT_SYSTEM", "Oppsett for FDVU System mangler i Kobo.")
        if system_id != token_system:
            return error(401, "IKKE_AUTORISERT", "Maskinporten token er ikke godkjent for dette FDVU-systemet.")
        return view(request, *args, system=system_id, **kwargs)

    return wrapped


def fdvu_system_header_optional(view: View) -> View:
    """K5: /fdvusystem/ lists no system header; without one, the token's system is meant."""
    return fdvu_system(view, header_optional=True)
