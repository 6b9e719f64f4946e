"""Invoices and documents: the notice PDF (Hämta utskrift) and stored files (Hämta dokument).

Both answer raw bytes with their Content-Type (contract A28) and are streamed
(requests with stream=True): the caller gets a Download to hand on, never the
whole body in memory.
"""

import re

import requests

from apps.backends.errors import BackendInvalid
from apps.backends.pm5.base import Pm5Base
from apps.backends.pm5.economy_types import Download

PDF = "application/pdf"
FALLBACK_TYPE = "application/octet-stream"
# type "/" subtype, each an RFC 9110 token; parameters (charset=...) are dropped.
MIME_TYPE = re.compile(r"[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+")


class EconomyApi(Pm5Base):
    def notice_pdf(self, key: str, notice_id: int) -> Download:
        """GET /session/{key}/kund/ekonomi/avisering/{AviseringId}: the notice as a PDF.

        ``notice_id`` is SessionAviseringTyp.AviseringId, never the printed Avinummer (A08).
        A notice that is not the session customer's is BackendNotFound.
        """
        endpoint = "get notice pdf"
        path = self._session_path(key, "kund", "ekonomi", "avisering", str(notice_id))
        response = self._send("GET", path, endpoint, stream=True, accept=PDF)
        content_type = _mime_type(response)
        if content_type != PDF:
            response.close()
            raise BackendInvalid(f"PM5 {endpoint}: answered {content_type}, not a PDF")
        return Download(response, endpoint=endpoint, content_type=PDF)

    def document_file(self, key: str, file_id: int) -> Download:
        """GET /session/{key}/kund/dokument/{EntitetfilId}: a stored file, with its MIME type.

        ``file_id`` is SessionDokument.EntitetFilId; FilUrl is never followed (A50).
        """
        endpoint = "get document"
        path = self._session_path(key, "kund", "dokument", str(file_id))
        response = self._send("GET", path, endpoint, stream=True, accept="*/*")
        return Download(response, endpoint=endpoint, content_type=_mime_type(response) or FALLBACK_TYPE)


def _mime_type(response: requests.Response) -> str:
    """The bare MIME type of the answer, lower-cased; "" when absent or malformed."""
    value = response.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    return value if MIME_TYPE.fullmatch(value) else ""
