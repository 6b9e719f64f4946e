import logging
import re

# Path segments that are secrets: the PM5 session key after /session (contract A01), the
# keys of allauth's e-mail confirmation and password reset links, and the token of the
# contact details' e-mail confirmation link. Each pattern keeps its prefix (group 1).
_SECRETS_IN_PATHS = [
    re.compile(r"(/session/)[^/?\s\"]+", re.IGNORECASE),
    re.compile(r"(/confirm-email/)[^/?\s\"]+"),
    re.compile(r"(/password/reset/key/)(?!done/)[^/?\s\"]+"),
    re.compile(r"(/kontaktuppgifter/bekrafta/)[^/?\s\"]+"),
]


class RedactSecretsInPaths(logging.Filter):
    """Blank out keys and one-time tokens in request lines before any handler writes them.

    In the demo the sandbox runs in the portal's own process, so runserver's request
    log would otherwise print every session key; and a logged confirmation link could
    be replayed by whoever reads the log before the tenant clicks it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = message
        for pattern in _SECRETS_IN_PATHS:
            redacted = pattern.sub(r"\1[redacted]", redacted)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True
