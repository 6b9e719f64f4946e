"""The bench-only URLs of bench/throughput_settings.py, in front of the portal's own."""

import threading

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

_lock = threading.Lock()
_served = {"backend_calls": 0}


def count_backend_calls(get_response):
    """Counts the requests this process serves as the backend (the sandbox's paths)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/sandbox/"):
            with _lock:
                _served["backend_calls"] += 1
        return get_response(request)

    return middleware


@login_required
def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@login_required
def layout(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html")


def backend_calls(request: HttpRequest) -> JsonResponse:
    with _lock:
        return JsonResponse(dict(_served))


urlpatterns = [
    path("bench/ok/", trivial),
    path("bench/layout/", layout),
    path("bench/backend-calls/", backend_calls),
    *portal_urlpatterns,
]
