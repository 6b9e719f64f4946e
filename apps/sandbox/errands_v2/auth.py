"""Who may read errand rows: seed 002's Security, with the contract's reading of sign-in.

The seed asks for a signed-in Momentum PM user with the role "Extern Leverantör",
registered as an active employee of an active company, and says nothing about
how that user signs in. Contract reading (ambiguity 1): the user's token as
``Authorization: Bearer <token>``; no or an unknown token is 401, a known user
without the role or not active is 403. The sandbox knows three technical users:
the portal's (its token is SANDBOX_ERRANDS_TOKEN) and two that are refused, so
the 403 can be seen.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from apps.sandbox.errands_v2.wire import error

View = Callable[..., HttpResponse]
REQUIRED_ROLE = "Extern Leverantör"
DEFAULT_TOKEN = "sandbox-errands-token"


@dataclass(frozen=True)
class User:
    name: str
    role: str
    employee_active: bool = True
    company_active: bool = True

    @property
    def may_read_errands(self) -> bool:
        return self.role == REQUIRED_ROLE and self.employee_active and self.company_active


PORTAL_USER = User("Mina sidor (teknisk användare)", REQUIRED_ROLE)
# Fixed tokens of the sandbox's refused users; they open nothing.
REFUSED_USERS = {
    "sandbox-errands-no-role": User("Handläggare utan leverantörsroll", "Handläggare"),
    "sandbox-errands-inactive": User("Slutat hos leverantören", REQUIRED_ROLE, employee_active=False),
}


def portal_token() -> str:
    return getattr(settings, "SANDBOX_ERRANDS_TOKEN", "") or DEFAULT_TOKEN


def user_for(request: HttpRequest) -> User | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    if secrets.compare_digest(token.encode(), portal_token().encode()):
        return PORTAL_USER
    return REFUSED_USERS.get(token)


def reader_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = user_for(request)
        if user is None:
            response = error(401, "Unauthorized", "Inloggning krävs: skicka en giltig token som Bearer.")
            response["WWW-Authenticate"] = 'Bearer realm="Errands v2 sandbox"'
            return response
        if not user.may_read_errands:
            return error(
                403,
                "Forbidden",
                f"Användaren saknar rollen {REQUIRED_ROLE} eller är inte aktiv hos ett aktivt företag.",
            )
        return view(request, *args, **kwargs)

    return wrapped
