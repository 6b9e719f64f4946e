"""Errands v2's wire format: JSON with the example's field names, Decimals printed as they are.

No error shape is documented; the contract's reading (ambiguity 22) is
``{"message": "..."}`` with 400, 401, 403 or 404.
"""

from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone

from apps.sandbox.http import Api, json_response


def error(status: int, code: str, message: str) -> HttpResponse:
    """``code`` is only the failure injection's signature: the contract's body has the message alone."""
    return json_response({"message": message}, status=status)


# Every Errands v2 view: ``@ERRANDS.endpoint``, ``@auth.reader_required``, then ``@ERRANDS.allow(...)``.
ERRANDS = Api(error)


def moment(value: datetime | None) -> str | None:
    """ISO 8601 with the offset, in the landlord's local time (contract ambiguity 17)."""
    return None if value is None else timezone.localtime(value).isoformat(timespec="seconds")
