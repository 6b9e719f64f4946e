"""PM5 'Mina sidor': the notice PDF (Hämta utskrift) and stored files (Hämta dokument).

Both answer the raw bytes with their Content-Type (contract A28). An id that
does not exist and one that is not the session customer's get the same 404
Felmeddelande (A02), so nobody can probe which ids exist.
"""

from django.db.models import Prefetch
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from apps.sandbox.demo.documents import make_on_demand
from apps.sandbox.models import LedgerPeriod, LedgerRow, Notice, SessionKey
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.economy_pdf import notice_pdf
from apps.sandbox.pm5.wire import PM5, felmeddelande, not_acceptable
from apps.sandbox.scope import available_objects, visible_documents

# Blocks of the file sent at a time; FileResponse's default of 4 KB makes a 25 MB scan 6 000 writes.
BLOCK_SIZE = 64 * 1024


@PM5.endpoint
@PM5.allow("GET")
@session_required
def notice_print(request: HttpRequest, session: SessionKey, notice_id: str) -> HttpResponse:
    """GET /session/{Sessionsnyckel}/kund/ekonomi/avisering/{AviseringId}: the notice as a PDF."""
    rows = LedgerRow.objects.select_related("specification")
    periods = LedgerPeriod.objects.select_related("rental_object__building__property__company").prefetch_related(
        Prefetch("rows", queryset=rows)
    )
    notice = (
        Notice.objects.filter(pk=_integer(notice_id), customer=session.customer)
        .select_related("customer")
        .prefetch_related("payments", Prefetch("periods", queryset=periods))
        .first()
    )
    if notice is None:
        return felmeddelande(404, "AviseringSaknas", "Aviseringen finns inte.")
    if refused := not_acceptable(request, "application/pdf"):
        return refused
    response = HttpResponse(notice_pdf(notice), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"{notice.number}.pdf")
    return response


@PM5.endpoint
@PM5.allow("GET")
@session_required
def document_file(request: HttpRequest, session: SessionKey, file_id: str) -> HttpResponse:
    """GET /session/{Sessionsnyckel}/kund/dokument/{EntitetfilId}: the file's bytes, with its MIME type."""
    customer = session.customer
    objects = list(available_objects(customer, timezone.localdate()))
    # Links (Webbadress) have no file: their id is not an EntitetFilId (A50).
    document = visible_documents(customer, objects).filter(pk=_integer(file_id)).exclude(extension="").first()
    if document is None:
        return felmeddelande(404, "DokumentSaknas", "Dokumentet finns inte.")
    make_on_demand(document)
    if not document.file:
        return felmeddelande(404, "DokumentSaknas", "Dokumentet finns inte.")
    if refused := not_acceptable(request, document.content_type or "application/octet-stream"):
        return refused
    response = FileResponse(
        document.file.open("rb"),
        content_type=document.content_type or "application/octet-stream",
        filename=f"{document.label}{document.extension.lower()}",
    )
    response.block_size = BLOCK_SIZE
    return response


def _integer(value: str) -> int:
    """The id from the path; one that is not a number matches nothing (-1 is no id)."""
    return int(value) if value.isdigit() and len(value) <= 18 else -1
