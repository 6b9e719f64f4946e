"""/healthz and /readyz for load balancers and orchestrators.

Served by a middleware near the top of the stack, so a probe needs no session, no
language, no login, and no Host header in ALLOWED_HOSTS (probes come to the pod's or
machine's address). Neither answer holds personal data, and neither is logged at INFO.

- /healthz: the process answers. No I/O at all.
- /readyz: this process can serve tenants: the database, the cache and the Celery broker
  answer. The backends (PM5, FAST2, Errands v2) are checked and reported too, but by
  default do not make the portal unready: when PM5 is down every portal process is
  equally cut off, and the portal is built to stay useful then (the calm "backend down"
  pages, fault reports queued in the outbox). READYZ_REQUIRE_BACKENDS=true changes that.
"""

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse

from apps.backends.breaker import backend_states

HEALTHZ = "/healthz"
READYZ = "/readyz"
BROKER_TIMEOUT_SECONDS = 2.0


class HealthCheckMiddleware:
    """Answers the two probe paths before the rest of the stack sees the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info.rstrip("/")
        if path == HEALTHZ and request.method in ("GET", "HEAD"):
            return _no_store(JsonResponse({"status": "ok"}))
        if path == READYZ and request.method in ("GET", "HEAD"):
            return _no_store(readiness_response())
        return self.get_response(request)


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], dict | None]  # raises when the dependency does not answer; may say more
    required: bool = True


def readiness_response() -> JsonResponse:
    results = {}
    ready = True
    for check in readiness_checks():
        started = time.perf_counter()
        try:
            detail = check.run()
        except Exception as exc:  # any failure means "not ready", whatever it is
            outcome = {"ok": False, "error": type(exc).__name__}
            ready = ready and not check.required
        else:
            outcome = {"ok": True, **(detail or {})}
        outcome["ms"] = round((time.perf_counter() - started) * 1000, 1)
        outcome["required"] = check.required
        results[check.name] = outcome
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": results}, status=200 if ready else 503)


def readiness_checks() -> list[Check]:
    checks = [Check("database", check_database), Check("cache", check_cache)]
    if settings.CELERY_BROKER_URL:  # without one, tasks run in-process: nothing to reach
        checks.append(Check("broker", check_broker))
    require_backends = settings.READYZ_REQUIRE_BACKENDS
    checks += [Check(f"backend:{backend.name}", backend.check, require_backends) for backend in configured_backends()]
    return checks


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    cache = caches["default"]
    cache.set("readyz", "1", timeout=10)
    if cache.get("readyz") != "1":
        raise RuntimeError("the cache did not keep a value")


def check_broker() -> None:
    from portal.celery import app

    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        # The demo's broker is a folder; kombu would happily create it, so look instead.
        folder = settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"]
        if not os.access(folder, os.W_OK):
            raise RuntimeError("the broker folder is not writable")
        return
    with app.connection_for_write(connect_timeout=BROKER_TIMEOUT_SECONDS) as connection:
        connection.ensure_connection(max_retries=0, timeout=BROKER_TIMEOUT_SECONDS)


class CircuitOpen(RuntimeError):
    """The backend failed often enough that every process stopped calling it for a while."""


@dataclass(frozen=True)
class Backend:
    name: str
    base_url: str

    def check(self) -> dict[str, str]:
        # The circuit breaker's shared state (apps.backends.breaker, kept in the cache): the
        # same answer in every process, and no request a backend would log, bill or rate-limit.
        state = backend_states().get(self.name, "closed")
        if state == "open":
            raise CircuitOpen(self.name)
        return {"circuit": state}


def configured_backends() -> list[Backend]:
    """The backends the portal talks to, as configured: the one list readyz checks."""
    configured = [
        ("pm5", settings.PM5_BASE_URL),
        ("fast2", settings.FAST2_BASE_URL),
        ("errands", settings.ERRANDS_BASE_URL),
        ("cashservices", settings.CASHSERVICES_BASE_URL),
        ("kobo", settings.KOBO_BASE_URL),
    ]
    return [Backend(name, url) for name, url in configured if url]
