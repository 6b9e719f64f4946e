import logging
import re

# PM5 carries the session key as the path segment after /session (contract A01).
_SESSION_KEY_IN_PATH = re.compile(r"(/session/)[^/?\s\"]+", re.IGNORECASE)


class RedactSessionKeys(logging.Filter):
    """Blank out backend session keys in request lines before any handler writes them.

    In the demo the sandbox runs in the portal's own process, so runserver's
    request log would otherwise print every key.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _SESSION_KEY_IN_PATH.sub(r"\1[redacted]", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True
