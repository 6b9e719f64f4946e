"""A file a backend is sending (an invoice PDF, a document, a photo), read chunk by chunk.

The body is never read whole: the portal hands the chunks on to the browser as
they arrive, so a 20 MB drawing costs the portal one chunk of memory, not 20 MB.
"""

import logging
import re
from collections.abc import Iterator

import requests

from apps.backends.errors import BackendUnavailable

logger = logging.getLogger(__name__)

CHUNK_SIZE = 64 * 1024
FALLBACK_TYPE = "application/octet-stream"
# type "/" subtype, each an RFC 9110 token; parameters (charset=...) are dropped.
MIME_TYPE = re.compile(r"[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+")


class Download:
    """An open backend answer, read chunk by chunk. Iterate it once, then close it.

    Django's StreamingHttpResponse closes it when the browser has the last byte,
    or has gone away; a view that does not stream it must close it itself.
    ``content_type`` is the backend's, as sent; a caller may narrow it.
    """

    def __init__(self, response: requests.Response, *, where: str, content_type: str | None = None):
        self._response = response
        self._where = where  # "PM5 get document": the backend and endpoint, never the URL
        self.content_type = content_type or response.headers.get("Content-Type") or FALLBACK_TYPE
        self.length = _length(response)

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._response.iter_content(CHUNK_SIZE)
        except requests.RequestException as exc:
            # Mid-stream the browser already has part of the file: the server must break the
            # connection rather than end it cleanly, or a cut-off file would look complete.
            logger.warning("%s broke off while streaming: %s", self._where, type(exc).__name__)
            raise BackendUnavailable(f"{self._where}: {type(exc).__name__}") from None

    @property
    def mime_type(self) -> str:
        """The bare MIME type, lower-cased; "" when absent or malformed."""
        value = self.content_type.split(";", 1)[0].strip().lower()
        return value if MIME_TYPE.fullmatch(value) else ""

    def close(self) -> None:
        self._response.close()


def _length(response: requests.Response) -> int | None:
    """The size in bytes, when the backend said so and requests hands the bytes on unchanged."""
    if response.headers.get("Content-Encoding", "identity").lower() != "identity":
        return None  # requests decompresses: the length on the wire is not the length we send on
    value = response.headers.get("Content-Length", "")
    return int(value) if value.isdigit() else None
