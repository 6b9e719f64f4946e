"""A file the PM5 backend is sending: the notice PDF (Hämta utskrift) or a document (Hämta dokument).

The body is never read whole: the portal hands the chunks on to the browser as
they arrive, so a 20 MB drawing costs the portal one chunk of memory, not 20 MB.
"""

import logging
from collections.abc import Iterator

import requests

from apps.backends.errors import BackendUnavailable

logger = logging.getLogger(__name__)

CHUNK_SIZE = 64 * 1024


class Download:
    """An open backend answer, read chunk by chunk. Iterate it once, then close it.

    Django's StreamingHttpResponse closes it when the browser has the last byte,
    or has gone away; a view that does not stream it must close it itself.
    """

    def __init__(self, response: requests.Response, *, endpoint: str, content_type: str):
        self._response = response
        self._endpoint = endpoint
        self.content_type = content_type
        self.length = _length(response)

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._response.iter_content(CHUNK_SIZE)
        except requests.RequestException as exc:
            # Mid-stream the browser already has part of the file: the server must break the
            # connection rather than end it cleanly, or a cut-off file would look complete.
            logger.warning("PM5 %s broke off while streaming: %s", self._endpoint, type(exc).__name__)
            raise BackendUnavailable(f"PM5 {self._endpoint}: {type(exc).__name__}") from None

    def close(self) -> None:
        self._response.close()


def _length(response: requests.Response) -> int | None:
    """The size in bytes, when the backend said so and requests hands the bytes on unchanged."""
    if response.headers.get("Content-Encoding", "identity").lower() != "identity":
        return None  # requests decompresses: the length on the wire is not the length we send on
    value = response.headers.get("Content-Length", "")
    return int(value) if value.isdigit() else None
