"""Who may call the FAST2 facade: the two-step login of seed 1.3.

1. ``POST /oauth2/token`` (the wso2 gateway): client credentials, either as the
   seed shows them (``Authorization: Bearer <credential handed out by Fast2>``,
   the credential being ``<client id>:<client secret>``) or as standard OAuth2
   does (HTTP Basic) — contract ambiguity 25; the sandbox accepts both.
2. ``POST /ao-produkt/v1/auth/login`` with the gateway token: a FAST2 resource
   logs in with username and password and gets a short-lived access token (for
   the ``X-Auth-Token`` header) and a refresh token.

Tokens are signed and time-stamped, not stored: every web process can check them,
and an expired one is refused without a table to clean up.
"""

import base64
import binascii
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from apps.sandbox.fast2.wire import error

View = Callable[..., HttpResponse]

GATEWAY_TTL_SECONDS = 43200  # the seed's example
RESOURCE_TTL_SECONDS = 1800
REFRESH_TTL_SECONDS = 3600
GATEWAY_SALT = "sandbox.fast2.gateway"
RESOURCE_SALT = "sandbox.fast2.resource"
REFRESH_SALT = "sandbox.fast2.refresh"

# The FAST2 resources that may log in: username → (password, display name). The
# portal logs in as one service resource; what each staff member did is in its audit log.
RESOURCES = {"handlaggare": ("sandbox-fast2", "Handläggare Mina sidor")}


@dataclass(frozen=True)
class Resource:
    username: str
    name: str


def gateway_ttl() -> int:
    return getattr(settings, "SANDBOX_FAST2_GATEWAY_TTL_SECONDS", GATEWAY_TTL_SECONDS)


def resource_ttl() -> int:
    return getattr(settings, "SANDBOX_FAST2_RESOURCE_TTL_SECONDS", RESOURCE_TTL_SECONDS)


def has_client_credentials(request: HttpRequest) -> bool:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "basic":
        try:
            value = base64.b64decode(value, validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return False
    elif scheme.lower() != "bearer":
        return False
    client_id, _, secret = value.partition(":")
    id_ok = secrets.compare_digest(client_id.encode(), settings.SANDBOX_CLIENT_ID.encode())
    secret_ok = secrets.compare_digest(secret.encode(), settings.SANDBOX_CLIENT_SECRET.encode())
    return id_ok and secret_ok


def issue_gateway_token() -> dict:
    token = signing.dumps({"scope": "default", "nonce": secrets.token_hex(8)}, salt=GATEWAY_SALT)
    return {"access_token": token, "scope": "default", "token_type": "Bearer", "expires_in": gateway_ttl()}


def login(username: str, password: str) -> dict | None:
    known = RESOURCES.get(username)
    if known is None or not secrets.compare_digest(password.encode(), known[0].encode()):
        return None
    claims = {"sub": username, "nonce": secrets.token_hex(8)}
    return {
        "access_token": signing.dumps(claims, salt=RESOURCE_SALT),
        "token_type": "Bearer",
        "expires_in": resource_ttl(),
        "refresh_token": signing.dumps(claims, salt=REFRESH_SALT),
    }


def _valid(token: str, salt: str, max_age: int) -> dict | None:
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return None


def has_gateway_token(request: HttpRequest) -> bool:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and _valid(token, GATEWAY_SALT, gateway_ttl()) is not None


def gateway_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not has_gateway_token(request):
            return refused("Ogiltig eller utgången token från API-gatewayen.")
        return view(request, *args, **kwargs)

    return wrapped


def resource_required(view: View) -> View:
    """Both tokens (contract: every /v1 call but the login); the view gets ``resource=``.

    The seed writes the header "X-Auht-Token"; the sandbox accepts that spelling too.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not has_gateway_token(request):
            return refused("Ogiltig eller utgången token från API-gatewayen.")
        token = request.headers.get("X-Auth-Token") or request.headers.get("X-Auht-Token") or ""
        claims = _valid(token, RESOURCE_SALT, resource_ttl())
        if claims is None or claims.get("sub") not in RESOURCES:
            return refused("Ogiltig eller utgången X-Auth-Token. Logga in resursen igen.")
        username = claims["sub"]
        return view(request, *args, resource=Resource(username, RESOURCES[username][1]), **kwargs)

    return wrapped


def refused(message: str) -> HttpResponse:
    response = error(401, "Unauthorized", message)
    response["WWW-Authenticate"] = 'Bearer realm="FAST2 sandbox"'
    return response
