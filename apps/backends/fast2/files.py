"""FAST2 filetransfer (seed 8): temporary uploads, and the files linked to a work order.

A mixin of Fast2Client. Uploads are multipart and downloads are bytes, not the
JSON ``self._resource`` speaks, so this module makes its own calls with both
tokens through ``self._send``, renewed once after a 401 as every other call is. A download is streamed:
the caller hands the chunks on and the portal holds one at a time.
Readings (contract ambiguity 5): POST tempfile answers 201 {"name": ...};
GET file/{id} answers the bytes with their Content-Type.
"""

import logging
from collections.abc import Iterator
from typing import IO

import requests

from apps.backends.errors import BackendInvalid, BackendUnavailable
from apps.backends.pm5.parse import Wire

logger = logging.getLogger(__name__)

CHUNK_SIZE = 64 * 1024
FALLBACK_TYPE = "application/octet-stream"


class FileDownload:
    """A work order's file on its way from FAST2. Iterate it once, then close it.

    Django's StreamingHttpResponse closes it when the browser has the last byte or
    has gone away; a caller that does not stream it must close it itself.
    """

    def __init__(self, response: requests.Response, *, endpoint: str):
        self._response = response
        self._endpoint = endpoint
        self.content_type = response.headers.get("Content-Type") or FALLBACK_TYPE
        self.length = _length(response)

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._response.iter_content(CHUNK_SIZE)
        except requests.RequestException as exc:
            # The browser already has part of the file: break the connection, so a cut-off file never looks whole.
            logger.warning("FAST2 %s broke off while streaming: %s", self._endpoint, type(exc).__name__)
            raise BackendUnavailable(f"FAST2 {self._endpoint}: {type(exc).__name__}") from None

    def close(self) -> None:
        self._response.close()


class FileCalls:
    """The filetransfer endpoints of Fast2Client."""

    def upload_temp_file(self, filename: str, content: bytes | IO[bytes], content_type: str) -> str:
        """Store a temporary file; the name FAST2 knows it by."""

        def part() -> dict:
            if hasattr(content, "seek"):
                content.seek(0)  # a second try after a 401 sends the whole file again
            return {"tempFile": (filename, content, content_type)}

        response = self._transfer("POST", "/v1/filetransfer/tempfile", "filetransfer/tempfile", files=part)
        try:
            data = response.json()
        except ValueError:
            raise BackendInvalid("FAST2 filetransfer/tempfile: the answer is not JSON") from None
        return Wire(data, "TempFile").required_text("name")

    def delete_temp_file(self, name: str) -> None:
        path = "/v1/filetransfer/tempfile/" + requests.utils.quote(name, safe="")
        self._transfer("DELETE", path, "filetransfer/tempfile/{name}").close()

    def file(self, file_id: int) -> FileDownload:
        """The file's bytes, streamed; the caller hands them on or closes the download."""
        endpoint = "filetransfer/file/{id}"
        response = self._transfer("GET", f"/v1/filetransfer/file/{int(file_id)}", endpoint, stream=True)
        return FileDownload(response, endpoint=endpoint)

    def delete_file(self, file_id: int) -> None:
        self._transfer("DELETE", f"/v1/filetransfer/file/{int(file_id)}", "filetransfer/file/{id}").close()

    def _transfer(self, method: str, path: str, endpoint: str, *, files=None, stream: bool = False):
        """One call with both tokens whose body or answer is not JSON; ``files`` makes the multipart parts."""

        def call() -> requests.Response:
            headers = {"Authorization": f"Bearer {self._gateway_token()}", "X-Auth-Token": self._resource_token()}
            if stream:
                headers["Accept"] = "*/*"
            # files() again on a retry: it rewinds the upload first.
            parts = files() if files else None
            return self._send(method, "/ao-produkt" + path, endpoint, headers=headers, files=parts, stream=stream)

        return self._with_fresh_tokens(call)


def _length(response: requests.Response) -> int | None:
    """The size in bytes, when FAST2 said so and requests hands the bytes on unchanged."""
    if response.headers.get("Content-Encoding", "identity").lower() != "identity":
        return None
    value = response.headers.get("Content-Length", "")
    return int(value) if value.isdigit() else None
