"""FAST2 filetransfer (seed 8): temporary uploads, and the files linked to a work order.

A mixin of Fast2Client. Uploads are multipart and downloads are bytes, not the
JSON ``self._resource`` speaks: they go through ``self._transfer`` and
``self._download``, with both tokens, renewed once after a 401 as every other
call is. A download is streamed: the caller hands the chunks on and the portal
holds one at a time. Readings (contract ambiguity 5): POST tempfile answers
201 {"name": ...}; GET file/{id} answers the bytes with their Content-Type.
"""

from typing import IO, Any
from urllib.parse import quote

from apps.backends.download import Download
from apps.backends.transport import decode_json
from apps.backends.wire import Wire


class FileCalls:
    """The filetransfer endpoints of Fast2Client."""

    _transfer: Any  # Fast2Base._transfer
    _download: Any  # Fast2Base._download

    def upload_temp_file(self, filename: str, content: bytes | IO[bytes], content_type: str) -> str:
        """Store a temporary file; the name FAST2 knows it by."""

        def part() -> dict:
            if hasattr(content, "seek"):
                content.seek(0)  # a second try after a 401 sends the whole file again
            return {"tempFile": (filename, content, content_type)}

        endpoint = "filetransfer/tempfile"
        response = self._transfer("POST", "/v1/filetransfer/tempfile", endpoint, files=part)
        return Wire(decode_json(response, f"FAST2 {endpoint}"), "TempFile").required_text("name")

    def delete_temp_file(self, name: str) -> None:
        path = "/v1/filetransfer/tempfile/" + quote(name, safe="")
        self._transfer("DELETE", path, "filetransfer/tempfile/{name}").close()

    def file(self, file_id: int) -> Download:
        """The file's bytes, streamed; the caller hands them on or closes the download."""
        return self._download(f"/v1/filetransfer/file/{int(file_id)}", "filetransfer/file/{id}")

    def delete_file(self, file_id: int) -> None:
        self._transfer("DELETE", f"/v1/filetransfer/file/{int(file_id)}", "filetransfer/file/{id}").close()
