"""Invoices and documents: the notice PDF (Hämta utskrift) and stored files (Hämta dokument).

Both answer raw bytes with their Content-Type (contract A28) and are streamed:
the caller gets a Download to hand on, never the whole body in memory.
"""

from apps.backends.download import FALLBACK_TYPE, Download
from apps.backends.errors import BackendInvalid
from apps.backends.pm5.base import Pm5Base

PDF = "application/pdf"


class EconomyApi(Pm5Base):
    def notice_pdf(self, key: str, notice_id: int) -> Download:
        """GET /session/{key}/kund/ekonomi/avisering/{AviseringId}: the notice as a PDF.

        ``notice_id`` is SessionAviseringTyp.AviseringId, never the printed Avinummer (A08).
        A notice that is not the session customer's is BackendNotFound.
        """
        endpoint = "get notice pdf"
        path = self._session_path(key, "kund", "ekonomi", "avisering", str(notice_id))
        download = self.transport.download(path, endpoint, accept=PDF)
        if download.mime_type != PDF:
            download.close()
            raise BackendInvalid(f"PM5 {endpoint}: answered {download.mime_type}, not a PDF")
        download.content_type = PDF
        return download

    def document_file(self, key: str, file_id: int) -> Download:
        """GET /session/{key}/kund/dokument/{EntitetfilId}: a stored file, with its MIME type.

        ``file_id`` is SessionDokument.EntitetFilId; FilUrl is never followed (A50).
        """
        download = self.transport.download(self._session_path(key, "kund", "dokument", str(file_id)), "get document")
        download.content_type = download.mime_type or FALLBACK_TYPE
        return download
