"""PM5's wire format: JSON with Swedish names, money with two decimals, local times.

``json.dumps`` cannot print Decimal("7900.00") as the number 7900.00 (only as a
string, or as the float 7900.0), so the answer is rendered here: a Decimal is
written with exactly the decimals it carries, and serializers quantize money to
two (``money``) and meter values to three. Floats (and bytes) are refused, so a
rounding error can never reach the wire.
"""

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

CONTENT_TYPE = "application/json; charset=utf-8"
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
THOUSANDTH = Decimal("0.001")


def render(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ",".join(f"{render(str(k))}:{render(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(render(item) for item in value) + "]"
    raise TypeError(f"{type(value).__name__} has no PM5 wire form; format it in the serializer")


def json_response(data: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(render(data).encode(), status=status, content_type=CONTENT_TYPE)


def felmeddelande(status: int, code: str, message: str) -> HttpResponse:
    """A filled Felmeddelande (contract A44), Meddelande fit to show a tenant."""
    return json_response({"Felkod": code, "Meddelande": message}, status=status)


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
