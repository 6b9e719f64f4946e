"""Reading a PM5 write body: names match in any case (A20), and a refusal names its field.

Where a refusal concerns one field, its Felkod is that field's wire name
("Postnummer", "Tom", "Epost", ...), so a client can put the message next to the field.
"""

from typing import Any

from django.http import HttpRequest

from apps.sandbox.pm5.wire import PM5, Refusal


def read(request: HttpRequest) -> dict[str, Any]:
    """The JSON body as an object with case-folded names."""
    return {str(name).strip().casefold(): value for name, value in PM5.json_object(request).items()}


def text(body: dict[str, Any], name: str, *, max_length: int, required: str = "") -> str:
    value = body.get(name.casefold())
    if value is not None and not isinstance(value, str):
        raise Refusal(name, "Värdet ska vara text.")
    value = (value or "").strip()
    if required and not value:
        raise Refusal(name, required)
    if len(value) > max_length:
        raise Refusal(name, f"Högst {max_length} tecken.")
    return value
