"""What every sandbox facade does alike, each answering in its own API's error shape.

A facade describes its API once, as an ``Api``: the function that renders its
error body, and its codes and words for the refusals every API makes (a method
it does not serve, a body that is not a JSON object). From that it gets its
decorators and its body reader::

    PM5 = Api(felmeddelande, wrong_method_code="MetodEjTillaten", ...)

    @PM5.endpoint           # outermost: failure injection (behaviour.py), no CSRF
    @PM5.allow("GET", "POST")
    def view(request): ...

Where a caller without a token must not even learn which methods a path serves
(FAST2, Errands v2), the API's auth decorator goes between the two.

Adding an API's error shape is writing its ``render_error(status, code, message)``
and one ``Api(...)`` line; ``code`` is the API's own word for the failure, which a
shape without codes may leave out of the body.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

from apps.sandbox.behaviour import ErrorRenderer, View, sandbox_api

JSON_CONTENT_TYPE = "application/json; charset=utf-8"


class BadRequest(Exception):
    """400: a request the API cannot take; ``code`` is the API's word for why, when it has a more precise one."""

    def __init__(self, message: str, code: str = ""):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Api:
    """One sandbox API: its error shape and the words of the refusals every API makes."""

    render_error: ErrorRenderer
    wrong_method_code: str = "MethodNotAllowed"
    wrong_method_message: str = "Endast {methods} stöds här."
    bad_request_code: str = "BadRequest"
    not_json_message: str = "Kroppen är inte JSON."
    not_an_object_message: str = "Kroppen ska vara ett JSON-objekt."
    # FAST2 reads a missing body as {}; PM5 refuses it as not JSON.
    empty_body_is_object: bool = False

    def endpoint(self, view: View) -> View:
        """Outermost on every view of the API: latency, outage and errors in its shape; CSRF exempt."""
        return sandbox_api(self.render_error)(view)

    def allow(self, *methods: str) -> Callable[[View], View]:
        """Like Django's require_http_methods, but answering 405 in the API's error shape."""
        listed = ", ".join(methods)

        def decorator(view: View) -> View:
            @wraps(view)
            def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
                if request.method in methods:
                    return view(request, *args, **kwargs)
                message = self.wrong_method_message.format(methods=listed)
                response = self.render_error(405, self.wrong_method_code, message)
                response["Allow"] = listed
                return response

            return wrapped

        return decorator

    def json_object(self, request: HttpRequest) -> dict[str, Any]:
        """The body as a JSON object, or BadRequest in the API's words."""
        raw = request.body
        if not raw and self.empty_body_is_object:
            return {}
        try:
            body = json.loads(raw)
        except ValueError:  # also a body that is not UTF-8
            raise BadRequest(self.not_json_message, self.bad_request_code) from None
        if not isinstance(body, dict):
            raise BadRequest(self.not_an_object_message, self.bad_request_code)
        return body

    def bad_request(self, refused: BadRequest) -> HttpResponse:
        return self.render_error(400, refused.code or self.bad_request_code, refused.message)


def render(value: Any) -> str:
    """JSON text in which a Decimal is written with exactly the decimals it carries.

    ``json.dumps`` cannot print Decimal("7900.00") as the number 7900.00 (only as a
    string, or as the float 7900.0). Floats (and bytes) are refused, so a rounding
    error can never reach the wire: serializers quantize what they send.
    """
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
    raise TypeError(f"{type(value).__name__} has no wire form; format it in the serializer")


def json_response(data: Any, status: int = 200) -> HttpResponse:
    return HttpResponse(render(data).encode(), status=status, content_type=JSON_CONTENT_TYPE)
