"""When the backend or the portal's rules say no to a staff action: a reason fit for staff to read."""

from collections.abc import Callable

from apps.backends.errors import BackendRefused


class ActionRefused(Exception):
    """The backend or the rules said no; ``field`` is the form field the reason belongs to, if it names one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def refusable[T](call: Callable[[], T], fallback: str, fields: dict[str, str] | None = None) -> T:
    """Run a backend write; its refusal (a 4xx but 401) becomes ActionRefused with the backend's reason.

    ``fields`` maps the wire name a reason starts with (FAST2's reasons name the
    field first: "sluttid ska vara …") to the form field to show it at.
    """
    try:
        return call()
    except BackendRefused as exc:
        if exc.status == 401:
            raise
        message = exc.message or fallback
        raise ActionRefused(message, (fields or {}).get(message.split(" ", 1)[0].rstrip(":"))) from None
