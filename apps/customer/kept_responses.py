"""Whole tenant pages kept per process: a page's HTML rendered once for each key, but for its CSRF token.

``{% kept %}`` keeps a page's main content, but the layout around it was still rendered on every
request: the context processors, base.html's blocks, its fragments looked up one by one, the
page's own headings. A view whose context has a ``kept_key`` (apps.customer.services.page_key: the
session data's digest and everything else the content shows) answers with ``kept_response``, and
the whole page is rendered once per process for that key and for everything else the layout shows
that is not the same for every request: the template, the language, the URLconf, the full path (the
language switch and the session dialog send you back to it), whether the account is staff and linked
(the menu), the session's length (the timeout warning).

The CSRF token is new on every request, so it is a hole: the page is rendered with a marker where
the token goes, and each request writes its own in (``get_token``, which also sets the cookie, as
the template's token does). The marker is random per process and no backend data can hold it.

The page is rendered as usual when its key is None (session data read from the backend in this
request), for anything but GET, and when there are messages to show: they are shown once, never
kept. At most 256 pages a process (20–40 KB each), the oldest go first.
"""

import secrets

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation

from portal.kept import Kept

kept_responses = Kept(size=256)
CSRF_HOLE = f"csrf{secrets.token_hex(16)}"


def kept_response(request: HttpRequest, template_name: str, context: dict) -> HttpResponse:
    """``render(request, template_name, context)``, from the kept page while ``context["kept_key"]`` is the same."""
    if context.get("kept_key") is None or request.method != "GET" or messages.get_messages(request):
        return render(request, template_name, context)
    key = _page_key(request, template_name, context["kept_key"])
    parts = kept_responses.get(key)
    if parts is None:
        html = render_to_string(template_name, context | {"csrf_token": CSRF_HOLE}, request)
        parts = tuple(html.split(CSRF_HOLE))
        kept_responses.keep(key, parts)
    return HttpResponse(get_token(request).join(parts))


def _page_key(request: HttpRequest, template_name: str, kept_key: tuple) -> tuple:
    return (
        template_name,
        kept_key,
        translation.get_language(),
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
        request.get_full_path(),
        request.user.is_staff,
        getattr(request.user, "customer_link", None) is not None,
        request.session.get_expiry_age(),
    )
