"""PM5's wire format: JSON with Swedish names, money with two decimals, local times, Felmeddelande errors.

Answers are rendered by apps.sandbox.http, which writes a Decimal with exactly the
decimals it carries: serializers quantize money to two (``money``) and meter
values to three (``quantity``).
"""

import unicodedata
from datetime import UTC, date, datetime
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.http import Api, BadRequest, json_response

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
THOUSANDTH = Decimal("0.001")


# The Felmeddelande of a write that succeeded.
SUCCESS = {"Felkod": None, "Meddelande": None}


def felmeddelande(status: int, code: str, message: str) -> HttpResponse:
    """A filled Felmeddelande (contract A44), Meddelande fit to show a tenant."""
    return json_response({"Felkod": code, "Meddelande": message}, status=status)


# Every PM5 view: ``@PM5.endpoint``, ``@PM5.allow(...)``, then ``@session_required`` where a key is in the path.
PM5 = Api(
    felmeddelande,
    wrong_method_code="MetodEjTillaten",
    bad_request_code="OgiltigBegaran",
    not_json_message="Begäran är inte giltig JSON.",
    not_an_object_message="Begäran ska vara ett JSON-objekt.",
)


class Refusal(BadRequest):
    """A request PM5 refuses: 400 with this Felkod (often the field's wire name) and a Meddelande for a tenant."""

    def __init__(self, code: str, message: str):
        super().__init__(message, code)


def folded(text: str) -> str:
    """Names and coded values match in any case (A20) and however the client composed an "ä"."""
    return unicodedata.normalize("NFC", text).strip().casefold()


def not_acceptable(request: HttpRequest, content_type: str) -> HttpResponse | None:
    """406 for a client whose Accept rules the file's type out, as a strict server answers."""
    if request.accepts(content_type):
        return None
    return felmeddelande(406, "EjAcceptabel", f"Svaret är {content_type}, som Accept inte tar emot.")


def money(amount: Decimal | None) -> Decimal | None:
    if amount is None:
        return None
    quantized = amount.quantize(CENT)
    return quantized if quantized else ZERO  # never "-0.00"


def quantity(value: Decimal | None) -> Decimal | None:
    """Meter values and quantities: three decimals, as meters read them."""
    return None if value is None else value.quantize(THOUSANDTH)


def day(value: date | None) -> str | None:
    """Date-only fields: YYYY-MM-DD (contract A24)."""
    return None if value is None else value.isoformat()


def moment(value: datetime | None) -> str | None:
    """Date-time fields: Swedish local time without offset (contract A24)."""
    return None if value is None else timezone.localtime(value).strftime("%Y-%m-%dT%H:%M:%S")


def utc(value: datetime | None) -> str | None:
    """*Utc fields: UTC with a Z."""
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
