"""Failure injection: every sandbox API view can be told to be slow or to fail.

An outage may be partial: with ``outage_path`` set, only the requests whose path
contains it fail (one operation down while the rest answers).

Each facade wraps its views with ``sandbox_api(render_error)``, as its
``Api.endpoint`` (apps/sandbox/http.py), giving the error body in its own API's
shape. The behaviour is read from the database per request (SandboxBehaviour),
never cached in a process, so one command changes every web process at once.
"""

import random
import time
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from apps.sandbox.models import SandboxBehaviour

ErrorRenderer = Callable[[int, str, str], HttpResponse]
View = Callable[..., HttpResponse]

# How long a client should wait before trying again during a simulated outage.
OUTAGE_RETRY_AFTER_SECONDS = 30


def sandbox_api(render_error: ErrorRenderer) -> Callable[[View], View]:
    """Decorator factory: ``render_error(status, code, message)`` shapes the failure body."""

    def decorator(view: View) -> View:
        @csrf_exempt  # Called by backend clients, never by a browser holding a CSRF token.
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            behaviour = SandboxBehaviour.current()
            if behaviour.latency_ms:
                time.sleep(behaviour.latency_ms / 1000)
            if behaviour.outage and behaviour.outage_path in request.path:
                response = render_error(503, "TjanstenOtillganglig", "Tjänsten är tillfälligt otillgänglig.")
                response["Retry-After"] = str(OUTAGE_RETRY_AFTER_SECONDS)
                return response
            if behaviour.error_rate and random.random() < behaviour.error_rate:
                return render_error(500, "InterntFel", "Ett internt fel inträffade. Försök igen.")
            return view(request, *args, **kwargs)

        wrapped.sandbox_api = True  # type: ignore[attr-defined]  # checked by the tests for every route
        return wrapped

    return decorator
