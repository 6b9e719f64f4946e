from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from apps.backends.errors import BackendError
from apps.backends.pm5.types import Document
from apps.customer.decorators import customer_required
from apps.documents import services
from portal.responses import streamed


@require_GET
@customer_required
def document_list(request: HttpRequest) -> HttpResponse:
    try:
        session = request.customer.data()
    except BackendError:
        return render(request, "documents/unavailable.html", status=503)
    return render(request, "documents/list.html", {"groups": services.groups(session)})


@require_GET
@customer_required
def document_download(request: HttpRequest, file_id: int) -> HttpResponse:
    try:
        document = _get_document_for_tenant(request, file_id)
    except BackendError:
        return render(request, "documents/unavailable.html", status=503)
    try:
        download = services.document_file(request.customer, document)
    except BackendError:
        messages.error(
            request,
            _("Vi kunde inte hämta %(document)s just nu. Försök igen om en stund.")
            % {"document": document.label or _("dokumentet")},
        )
        return redirect("documents:list")
    return streamed(request, download, filename=services.filename(document))


def _get_document_for_tenant(request: HttpRequest, file_id: int) -> Document:
    """The tenant's own stored file, or 404 before any backend call for it."""
    document = services.find_document(request.customer, file_id)
    if document is None:
        raise Http404("No such document for this tenant")
    return document
