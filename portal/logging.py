import json
import logging
import re
from datetime import UTC, datetime

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_str, portal_env

# Path segments that are secrets: the PM5 session key after /session (contract A01), the
# keys of allauth's e-mail confirmation and password reset links, and the token of the
# contact details' e-mail confirmation link. Each pattern keeps its prefix (group 1).
_SECRETS_IN_PATHS = [
    re.compile(r"(/session/)[^/?\s\"]+", re.IGNORECASE),
    re.compile(r"(/confirm-email/)[^/?\s\"]+"),
    re.compile(r"(/password/reset/key/)(?!done/)[^/?\s\"]+"),
    re.compile(r"(/kontaktuppgifter/bekrafta/)[^/?\s\"]+"),
    # A shared errand's link (apps/sharing) and PM5's share key (/arende/{Delningsnyckel}, never a number).
    re.compile(r"(/delat/)[^/?\s\"]+"),
    re.compile(r"(/arende/)(?=[^/?\s\"]{20})[^/?\s\"]+", re.IGNORECASE),
]


class RedactSecretsInPaths(logging.Filter):
    """Blank out keys and one-time tokens in request lines before any handler writes them.

    In the demo the sandbox runs in the portal's own process, so runserver's request
    log would otherwise print every session key; and a logged confirmation link could
    be replayed by whoever reads the log before the tenant clicks it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            # A traceback quotes URLs too (a requests error names the URL it failed on).
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def redact(text: str) -> str:
    """The text with every secret path segment blanked."""
    for pattern in _SECRETS_IN_PATHS:
        text = pattern.sub(r"\1[redacted]", text)
    return text


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line, for production's log collector: time, level, logger, request id, message."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def logging_config(*, json_lines: bool, level: str) -> dict:
    """The portal's logging, for Django (LOGGING) and gunicorn (logconfig_dict) alike.

    Every handler redacts secrets and stamps the request id; JSON lines in production,
    readable lines in the demo, to stdout.
    """
    filters = ["request_id", "redact_secrets"]
    handler = {
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stdout",
        "formatter": "json" if json_lines else "text",
        "filters": filters,
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "redact_secrets": {"()": "portal.logging.RedactSecretsInPaths"},
            "request_id": {"()": "portal.request_id.RequestIdFilter"},
        },
        "formatters": {
            "text": {"format": TEXT_FORMAT},
            "json": {"()": "portal.logging.JsonLinesFormatter"},
        },
        "handlers": {"console": handler},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # urllib3 logs full request URLs, and PM5 URLs carry the session key.
            "urllib3": {"level": "WARNING"},
            # Django logs request paths (every line of the dev server, every 4xx/5xx), and in
            # the demo the sandbox's paths carry session keys: blank them at the logger too.
            "django.server": {"handlers": ["console"], "filters": filters, "level": "INFO", "propagate": False},
            "django.request": {"filters": ["redact_secrets"]},
            # gunicorn's own lines (start, workers, errors) through the same handler. Its access
            # log stays off: portal.access logs each request once, with the request id, probes
            # only at DEBUG, and without the user gunicorn would take from an Authorization header.
            "gunicorn.error": {"handlers": ["console"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }


def json_lines_from_env() -> bool:
    """LOG_FORMAT: "json" (production's default) or "text" (everywhere else)."""
    log_format = env_str("LOG_FORMAT", "json" if portal_env() == "production" else "text")
    if log_format not in {"json", "text"}:
        raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {log_format!r}")
    return log_format == "json"
