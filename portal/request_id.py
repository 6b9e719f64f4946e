"""One id per request, in every log line it causes, in the Celery tasks it sends, and
(once apps.backends sends it) in every backend call, so one tenant's trouble can be
followed through the portal, its workers and the landlord's systems.

The id comes from the proxy's X-Request-ID when it sends a sane one, else a new uuid;
it is answered in the X-Request-ID response header. Tasks carry it in a message header
and a task without one (beat's) gets its own.
"""

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from celery import signals
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
TASK_HEADER = "request_id"
# What we accept from outside: it goes into every log line, so nothing that could forge one.
_SANE = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_PROBES = {"/healthz", "/readyz"}

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
access_log = logging.getLogger("portal.access")


def current() -> str | None:
    """The id of the request or task being served, None outside both.

    For the backend transport (apps.backends) to send as the X-Request-ID header.
    """
    return _request_id.get()


def new_id() -> str:
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Sets the request id for the request's whole life, and logs one line per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(HEADER, "")
        token = _request_id.set(incoming if _SANE.fullmatch(incoming) else new_id())
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = current()
            # Probes come every few seconds: not worth a line each, unless asked for (LOG_LEVEL=DEBUG).
            level = logging.DEBUG if request.path_info.rstrip("/") in _PROBES else logging.INFO
            # The path only: a query string may hold what a tenant typed. The redaction
            # filter blanks keys in the path itself.
            access_log.log(
                level,
                "%s %s %s %.0fms",
                request.method,
                request.path,
                response.status_code,
                (time.perf_counter() - started) * 1000,
            )
            return response
        finally:
            _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record, for the formatters (`-` outside requests and tasks)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current() or "-"
        return True


@signals.before_task_publish.connect
def _send_request_id_with_the_task(headers: dict | None = None, **kwargs) -> None:
    if headers is not None and current():
        headers.setdefault(TASK_HEADER, current())


_task_tokens: dict[str, object] = {}


@signals.task_prerun.connect
def _take_request_id_from_the_task(task_id: str | None = None, task=None, **kwargs) -> None:
    # Eager tasks run inside the request, which already set the id.
    if task is None or task.request.is_eager:
        return
    _task_tokens[task_id] = _request_id.set(getattr(task.request, TASK_HEADER, None) or new_id())


@signals.task_postrun.connect
def _forget_request_id_after_the_task(task_id: str | None = None, **kwargs) -> None:
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        _request_id.reset(token)
