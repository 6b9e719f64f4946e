"""The decorators every PM5 view stacks: failure injection, methods, session."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.behaviour import sandbox_api
from apps.sandbox.models import SessionKey
from apps.sandbox.pm5.auth import session_refused, session_ttl
from apps.sandbox.pm5.wire import felmeddelande

View = Callable[..., HttpResponse]

# Outermost on every PM5 view: latency, outage and errors, answered as Felmeddelande.
pm5_api = sandbox_api(felmeddelande)


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


def allow(*methods: str) -> Callable[[View], View]:
    """Like require_http_methods, but answering 405 with a Felmeddelande."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in methods:
                response = felmeddelande(405, "MetodEjTillaten", f"Endast {', '.join(methods)} stöds här.")
                response["Allow"] = ", ".join(methods)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
