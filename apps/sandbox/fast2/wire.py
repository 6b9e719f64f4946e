"""FAST2's wire format: JSON with the seed's field names, RFC 3339 times with offset.

No error shape is documented; the contract's reading (ambiguity 30) is
``{"message": "..."}`` with 400, 401, 404 or 409.
"""

from datetime import date, datetime
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

from apps.sandbox.http import Api, json_response


def error(status: int, code: str, message: str) -> HttpResponse:
    """The error body of every FAST2 answer; ``code`` is kept for the failure injection's signature."""
    return json_response({"message": message, "code": code}, status=status)


# Every FAST2 view: ``@FAST2.endpoint``, then its auth decorator, then ``@FAST2.allow(...)``:
# a caller without a valid token learns nothing, not even which methods a path serves.
FAST2 = Api(error, empty_body_is_object=True)


def created(identifier: int) -> HttpResponse:
    """201 Created with the new id (contract ambiguity 14)."""
    return json_response({"id": identifier}, status=201)


def ok() -> HttpResponse:
    return HttpResponse(status=200)


def answer(data: Any) -> HttpResponse:
    return json_response(data)


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def moment(value: datetime | None) -> str | None:
    """Date-times in Swedish local time with the offset (contract ambiguity 19)."""
    return None if value is None else timezone.localtime(value).isoformat(timespec="seconds")


def clock(value: datetime | None) -> str | None:
    """A time of day, HH:MM, as planering's bokadFromTid/bokadTomTid."""
    return None if value is None else timezone.localtime(value).strftime("%H:%M")


def optional_date(value: Any, name: str, invalid: type[Exception]) -> date | None:
    """A date field of a request body: absent or empty is None, anything but ÅÅÅÅ-MM-DD raises ``invalid``."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise invalid(f"{name} ska vara ett datum, ÅÅÅÅ-MM-DD.") from None
