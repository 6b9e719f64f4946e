"""Hämta en bilaga (000:560-577): one attachment of the customer's message, as a NotifieringBilagaFil.

The file goes in base64 inside JSON (A28), written a block at a time: a block
of a multiple of three bytes encodes without padding, so the blocks join into
one valid base64 string and the file is never read whole.
"""

import base64
import json
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from apps.sandbox.http import JSON_CONTENT_TYPE
from apps.sandbox.models import MessageAttachment, SessionKey
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.wire import PM5, felmeddelande, not_acceptable

BLOCK = 3 * 64 * 1024


@PM5.endpoint
@PM5.allow("GET")
@session_required
def message_attachment(request: HttpRequest, session: SessionKey, message_id: str, external_id: str) -> HttpResponse:
    """GET /session/{key}/notifieringBilagaFil/{MeddelandeId}/{ExterntId}; another customer's is 404 (A02)."""
    attachment = MessageAttachment.objects.filter(
        pk=_integer(external_id), message_id=_integer(message_id), message__customer=session.customer
    ).first()
    if attachment is None or not attachment.file:
        return felmeddelande(404, "BilagaSaknas", "Bilagan finns inte.")
    if refused := not_acceptable(request, "application/json"):
        return refused
    return StreamingHttpResponse(_wrapped(attachment), content_type=JSON_CONTENT_TYPE)


def _wrapped(attachment: MessageAttachment) -> Iterator[bytes]:
    head = {"MimeTyp": attachment.content_type, "Extension": attachment.extension}
    yield json.dumps(head, ensure_ascii=False)[:-1].encode() + b', "Data": "'
    carry = b""  # a storage may return short reads: only whole 3-byte groups are encoded before the end
    with attachment.file.open("rb") as file:
        while block := file.read(BLOCK):
            carry += block
            whole = len(carry) - len(carry) % 3
            yield base64.b64encode(carry[:whole])
            carry = carry[whole:]
    yield base64.b64encode(carry) + b'"}'


def _integer(value: str) -> int:
    return int(value) if value.isdigit() and len(value) <= 18 else -1
