"""The cash-services API's wire format: ``{"data": {"type", "id", "attributes"}}``, ``{"errors": [...]}``.

The seed's clients read an error body as a list of strings (C# ``List<string>
Errors``; Python prints each item), so each error is one Swedish sentence, not a
JSON:API error object (contract A23).
"""

from django.http import HttpResponse

from apps.sandbox.http import Api, json_response


def error(status: int, code: str, message: str) -> HttpResponse:
    """``code`` is only the failure injection's signature: the seed's body has the messages alone."""
    return errors(status, [message])


def errors(status: int, messages: list[str]) -> HttpResponse:
    return json_response({"errors": messages}, status=status)


# Every view: ``@CASH.endpoint``, ``@auth.bearer_required``, then ``@CASH.allow(...)``.
CASH = Api(error)


def envelope(data: dict | list, status: int = 200) -> HttpResponse:
    return json_response({"data": data}, status=status)
