"""A backend that cannot answer, turned into the calm page once, not in a try/except per view.

``@unavailable_page(template)`` is for a page that has nothing to show without
its backend: any BackendError becomes that page's own calm, translated
template, 503 with Retry-After (the breaker's cool-down, when a probe may find
the backend back). ``part_of_page(read)`` is for a page that can show the rest
of its content without one part: the Part is unavailable and the page says so.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from apps.backends.errors import BackendError, BackendNotFound

logger = logging.getLogger(__name__)

View = Callable[..., HttpResponse]


def unavailable_page(
    template_name: str,
    context: dict[str, Any] | Callable[..., dict[str, Any]] | None = None,
    *,
    not_found_is_404: bool = False,
) -> Callable[[View], View]:
    """Decorator: the view's BackendError becomes ``template_name``, 503.

    ``context`` is the template's context, or a function of the view's
    arguments after the request that makes it. With ``not_found_is_404`` a BackendNotFound is a
    404 instead, for pages whose object the backend may not know.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except BackendError as exc:
                if not_found_is_404 and isinstance(exc, BackendNotFound):
                    raise Http404 from None
                logger.warning("%s: backend unavailable (%s)", view.__name__, type(exc).__name__)
                return unavailable(request, template_name, _context(context, args, kwargs))

        return wrapped

    return decorator


def unavailable(request: HttpRequest, template_name: str, context: dict[str, Any] | None = None) -> HttpResponse:
    """The calm page, 503, with when to try again."""
    response = render(request, template_name, context, status=503)
    response["Retry-After"] = str(round(settings.BACKEND_BREAKER_COOLDOWN_SECONDS))
    return response


@dataclass(frozen=True)
class Part[T]:
    """One part of a page: its value, or unavailable (value None) while its backend cannot give it."""

    value: T | None
    unavailable: bool = False


def part_of_page[T](read: Callable[[], T], what: str) -> Part[T]:
    """What ``read`` returns, or an unavailable Part (logged) when its backend fails."""
    try:
        return Part(read())
    except BackendError as exc:
        logger.warning("%s: backend unavailable (%s)", what, type(exc).__name__)
        return Part(None, unavailable=True)


def _context(context: dict[str, Any] | Callable[..., dict[str, Any]] | None, args: tuple, kwargs: dict) -> dict:
    if callable(context):
        return context(*args, **kwargs)
    return dict(context or {})
