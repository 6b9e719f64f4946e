from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from apps.backends.errors import BackendError
from apps.customer.decorators import customer_required
from apps.customer.kept_responses import kept_response
from apps.customer.services import page_key
from apps.documents import services
from portal.responses import streamed
from portal.unavailable import unavailable_page


@require_GET
@customer_required
@unavailable_page("documents/unavailable.html")
def document_list(request: HttpRequest) -> HttpResponse:
    session = request.customer.data()
    # Worked out only when the list is not kept already ({% kept %}): the session data is all it is made of.
    groups = SimpleLazyObject(lambda: services.groups(session))
    context = {
        "groups": groups,
        "rows": SimpleLazyObject(lambda: services.list_rows(groups)),
        "kept_key": page_key(session, timezone.localdate()),
    }
    return kept_response(request, "documents/list.html", context)


@require_GET
@customer_required
@unavailable_page("documents/unavailable.html")
def document_download(request: HttpRequest, file_id: int) -> HttpResponse:
    document, file = services.own_file(request.customer, file_id)
    with file:  # another tenant's file, or one that failed: nothing of it is kept
        if document is None:
            raise Http404("No such document for this tenant")
        try:
            download = file.result()
        except BackendError:
            messages.error(
                request,
                _("Vi kunde inte hämta %(document)s just nu. Försök igen om en stund.")
                % {"document": document.label or _("dokumentet")},
            )
            return redirect("documents:list")
    return streamed(request, download, filename=services.filename(document))
