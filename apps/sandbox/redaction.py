"""Keep session keys out of the log.

PM5 carries the session key in the URL path (contract A01), and Django logs
request paths: the dev server every request line ("django.server"), and every
4xx/5xx answer ("django.request", e.g. "Unauthorized: /sandbox/pm5/session/…").
The sandbox installs this filter on both loggers when it starts (apps.py), so
no settings change is needed and nothing leaks when the sandbox is on.
"""

import logging
import re

SESSION_SEGMENT = re.compile(r"(/session/)[^/?#\s\"']+", re.IGNORECASE)
REDACTED = r"\1[redacted]"  # the portal's own log filter writes the same
LOGGERS = ("django.server", "django.request")


class RedactSessionKeys(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = SESSION_SEGMENT.sub(REDACTED, message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def install() -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSessionKeys) for f in logger.filters):
            logger.addFilter(RedactSessionKeys())
