"""The bench-only URLs of bench/throughput_settings.py, in front of the portal's own."""

import threading
import time

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path

from apps.customer.kept_responses import kept_response
from portal.urls import urlpatterns as portal_urlpatterns

_lock = threading.Lock()
_served = {"backend_calls": 0}
# When each backend request this process served began and ended (its own clock, in seconds),
# in the order they ended: the benchmark reads the ones of one page to count its rounds.
_intervals: list[tuple[float, float]] = []


def count_backend_calls(get_response):
    """Counts the requests this process serves as the backend (the sandbox's paths), and times each."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith("/sandbox/"):
            return get_response(request)
        with _lock:
            _served["backend_calls"] += 1
        started = time.monotonic()
        try:
            return get_response(request)
        finally:
            ended = time.monotonic()
            with _lock:
                _intervals.append((started, ended))

    return middleware


@login_required
def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@login_required
def layout(request: HttpRequest) -> HttpResponse:
    """base.html alone, as a tenant page serves its layout: kept whole (apps/customer/kept_responses.py)."""
    return kept_response(request, "base.html", {"kept_key": ()})


@login_required
def layout_rendered(request: HttpRequest) -> HttpResponse:
    """base.html alone, rendered afresh, as a page that is not kept pays for it (forms, the wizard, staff)."""
    return render(request, "base.html")


def backend_calls(request: HttpRequest) -> JsonResponse:
    """The calls served so far, and (``?since=N``) the times of those that ended after the first N."""
    since = request.GET.get("since")
    with _lock:
        answer: dict = dict(_served, ended=len(_intervals))
        if since is not None:
            answer["intervals"] = _intervals[int(since) :]
    return JsonResponse(answer)


urlpatterns = [
    path("bench/ok/", trivial),
    path("bench/layout/", layout),
    path("bench/layout-rendered/", layout_rendered),
    path("bench/backend-calls/", backend_calls),
    *portal_urlpatterns,
]
