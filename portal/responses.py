"""A file from a backend, handed on to the browser as it arrives.

Shared by every page that passes a backend's file on (invoice PDFs, documents,
the photos of a staff work order): the bytes pass through in chunks
(StreamingHttpResponse over the backend's open answer), so the portal holds one
chunk at a time however large the file, and the backend's connection is closed
when the browser has it all or has gone away.
"""

import re
from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, StreamingHttpResponse
from django.utils.http import content_disposition_header

from apps.backends.pm5.economy_types import Download

# Characters that have no place in a file name on any system the tenant may save to.
UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def streamed(
    request: HttpRequest, download: Download, *, filename: str, as_attachment: bool = True
) -> StreamingHttpResponse:
    """The download as a response: saved as ``filename``, or shown in the browser (as_attachment=False).

    The name is sent as RFC 6266 prescribes (filename= in ASCII, filename*= in UTF-8).
    """
    # Django reads a synchronous iterator whole before serving it over ASGI (and an
    # asynchronous one whole over WSGI): hand each server the kind it streams.
    content = AsyncChunks(download) if isinstance(request, ASGIRequest) else download
    response = StreamingHttpResponse(content, content_type=download.content_type)
    if download.length is not None:
        response["Content-Length"] = str(download.length)
    response["Content-Disposition"] = content_disposition_header(as_attachment, safe_filename(filename))
    return response


def safe_filename(name: str) -> str:
    cleaned = UNSAFE.sub(" ", name).strip(" .")
    return cleaned or "fil"


class AsyncChunks:
    """A Download read chunk by chunk in a worker thread, for an ASGI server."""

    def __init__(self, download: Download):
        self._chunks = iter(download)
        self.close = download.close  # StreamingHttpResponse closes what has close()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        # Not thread-sensitive: a slow backend must not hold up the thread every sync view shares.
        read = sync_to_async(next, thread_sensitive=False)
        while (chunk := await read(self._chunks, None)) is not None:
            yield chunk
