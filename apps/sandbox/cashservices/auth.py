"""Who may call the cash-services facade: seed 003's login and Bearer token.

``POST /Token`` takes an OAuth2 resource-owner password grant, form-encoded, and
answers ``access_token`` (the only key the seed's examples read; token_type and
expires_in are the sandbox's additions, contract A22). Every ``/api`` call sends
``Authorization: Bearer <access_token>``. Tokens are signed and time-stamped,
not stored. Which users may write is not documented (A27): both may; only the
one with extended permission (utökad behörighet) may touch a past year's services.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from apps.sandbox.cashservices.wire import error

View = Callable[..., HttpResponse]

TOKEN_SALT = "sandbox.cashservices.token"
TOKEN_TTL_SECONDS = 3600


@dataclass(frozen=True)
class User:
    username: str
    password: str
    extended_permission: bool = False


# The portal's reader, and a register administrator who may edit past years.
USERS = {
    "mina-sidor": User("mina-sidor", "sandbox-kontant"),
    "registrator": User("registrator", "sandbox-kontant-admin", extended_permission=True),
}


def token_ttl() -> int:
    return getattr(settings, "SANDBOX_CASHSERVICES_TOKEN_TTL_SECONDS", TOKEN_TTL_SECONDS)


def login(username: str, password: str) -> dict | None:
    user = USERS.get(username)
    if user is None or not secrets.compare_digest(password.encode(), user.password.encode()):
        return None
    token = signing.dumps({"sub": username, "nonce": secrets.token_hex(8)}, salt=TOKEN_SALT)
    return {"access_token": token, "token_type": "bearer", "expires_in": token_ttl()}


def user_for(request: HttpRequest) -> User | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    try:
        claims = signing.loads(token.strip(), salt=TOKEN_SALT, max_age=token_ttl())
    except signing.BadSignature:  # also SignatureExpired
        return None
    return USERS.get(claims.get("sub"))


def bearer_required(view: View) -> View:
    """401 without a valid token, before the caller learns which methods a path serves; the view gets ``user=``."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = user_for(request)
        if user is None:
            response = error(401, "Unauthorized", "Token saknas, är ogiltig eller har gått ut. Logga in igen.")
            response["WWW-Authenticate"] = 'Bearer realm="Kontanttjänster sandbox"'
            return response
        return view(request, *args, user=user, **kwargs)

    return wrapped
