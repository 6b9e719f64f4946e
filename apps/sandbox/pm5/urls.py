"""PM5 routes. Fixed segments match in any case and with or without a trailing
slash (contract A36); the session key is the segment after /session (A01)."""

import re

from django.urls import URLPattern, re_path

from apps.sandbox.pm5 import views

KEY = r"(?P<session_key>[^/]+)"


def ci(segment: str) -> str:
    """A fixed segment in any case. Spelled as character classes, not (?i), which
    Django cannot reverse: one such pattern would break every reverse() of the site."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in segment)


def route(pattern: str, view, name: str) -> URLPattern:
    return re_path(rf"^{pattern}/?$", view, name=name)


SESSION = ci("session")

urlpatterns = [
    route(SESSION, views.open_session, "pm5-open-session"),
    route(rf"{SESSION}/{KEY}", views.session_detail, "pm5-session"),
]
