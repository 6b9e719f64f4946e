"""Who may call the PM5 facade: the portal's client credentials, and session keys."""

import base64
import binascii
import secrets
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.behaviour import View
from apps.sandbox.models import SessionKey
from apps.sandbox.pm5.wire import felmeddelande


def session_ttl() -> timedelta:
    return timedelta(seconds=settings.SANDBOX_SESSION_TTL_SECONDS)


def has_client_credentials(request: HttpRequest) -> bool:
    """HTTP Basic with SANDBOX_CLIENT_ID / SANDBOX_CLIENT_SECRET, compared in constant time."""
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        client_id, _, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return False
    id_ok = secrets.compare_digest(client_id.encode(), settings.SANDBOX_CLIENT_ID.encode())
    secret_ok = secrets.compare_digest(secret.encode(), settings.SANDBOX_CLIENT_SECRET.encode())
    return id_ok and secret_ok


def client_refused() -> HttpResponse:
    response = felmeddelande(401, "Obehorig", "Klienten kunde inte autentiseras.")
    response["WWW-Authenticate"] = 'Basic realm="PM5 sandbox", charset="UTF-8"'
    return response


def session_refused() -> HttpResponse:
    # One answer for a missing, unknown or expired key: the caller learns nothing more.
    return felmeddelande(401, "SessionOgiltig", "Sessionen är ogiltig eller har gått ut. Logga in igen.")


def session_required(view: View) -> View:
    """Resolve the ``session_key`` path segment (contract A01) into ``session=``, or answer 401.

    Each successful use slides the key's expiry forward by the TTL.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, session_key: str, **kwargs) -> HttpResponse:
        session = SessionKey.use(session_key, now=timezone.now(), ttl=session_ttl())
        if session is None:
            return session_refused()
        return view(request, *args, session=session, **kwargs)

    return wrapped
