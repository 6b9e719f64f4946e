"""Error reports to Sentry: only when SENTRY_DSN is set, and never with personal data.

Sentry is told not to collect personal data (send_default_pii=False, no local variables,
no request bodies), and every event is scrubbed once more before it leaves: no cookies,
headers, query strings or user, and session keys, one-time tokens and personnummer
blanked wherever they appear (messages, exceptions, URLs, breadcrumbs).
"""

import re
from typing import Any

from portal.env import env_float, env_str
from portal.logging import redact
from portal.request_id import current as current_request_id

# 10 or 12 digits with an optional - or + before the last four (YYMMDD-NNNN, YYYYMMDDNNNN), standing
# alone: not the digits inside an event id or another hex string.
PERSONNUMMER = re.compile(r"(?<!\w)(?:\d{2})?\d{6}[-+]?\d{4}(?!\w)")
_REQUEST_KEYS_KEPT = {"url", "method"}


def init_sentry(dsn: str, *, environment: str) -> bool:
    """Starts Sentry when a DSN is given; says whether it did."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=env_str("SENTRY_RELEASE") or None,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
        before_send=scrub_event,
    )
    return True


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    event.pop("user", None)
    if "request" in event:
        event["request"] = {key: value for key, value in event["request"].items() if key in _REQUEST_KEYS_KEPT}
    if request_id := current_request_id():
        event.setdefault("tags", {})["request_id"] = request_id
    return _scrubbed(event)


def _scrubbed(value: Any) -> Any:
    if isinstance(value, str):
        return PERSONNUMMER.sub("[redacted]", redact(value))
    if isinstance(value, dict):
        return {key: _scrubbed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrubbed(item) for item in value]
    return value
