"""Who may call the PM5 facade: the portal's client credentials, and session keys."""

import base64
import binascii
import secrets
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse

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
