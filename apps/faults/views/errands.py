"""The tenant's errands: the list (with reports still waiting in the portal), one errand, its photos."""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from apps.customer.decorators import customer_required
from apps.customer.kept_responses import kept_response
from apps.customer.services import page_key
from apps.faults.services import errands
from portal.unavailable import unavailable_page

UNAVAILABLE = "faults/errands_unavailable.html"

# What the portal passes on as a picture; anything else the backend claims is sent as a download.
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif"}


@require_GET
@customer_required
@unavailable_page(UNAVAILABLE)
def errand_list(request: HttpRequest) -> HttpResponse:
    session = request.customer.data()
    reports = errands.listed_reports(request.user, request.customer.customer_number)
    # Worked out only when the list is not kept already ({% kept %}): the key holds all they are made of.
    listed = SimpleLazyObject(lambda: errands.listed_errands(session, reports))
    context = {
        "errands": listed,
        "rows": SimpleLazyObject(lambda: errands.list_rows(listed)),
        "kept_key": page_key(session, timezone.localdate(), errands.reports_key(reports)),
    }
    return kept_response(request, "faults/errand_list.html", context)


@require_GET
@customer_required
@unavailable_page(UNAVAILABLE)
def errand_detail(request: HttpRequest, errand_id: int) -> HttpResponse:
    view = errands.errand_detail(request.customer, request.user, errand_id)
    context = {"view": view, "errand": view.errand, "kept_key": errands.detail_key(view, timezone.localdate())}
    return kept_response(request, "faults/errand_detail.html", context)


@require_GET
@customer_required
@unavailable_page(UNAVAILABLE)
def errand_photo(request: HttpRequest, errand_id: int, row_id: int, file_id: int) -> HttpResponse:
    download = errands.errand_photo(request.customer, request.user, errand_id, row_id, file_id)
    content_type = download.content_type.split(";")[0].strip().lower()
    is_image = content_type in IMAGE_TYPES
    response = StreamingHttpResponse(
        _closing(download), content_type=content_type if is_image else "application/octet-stream"
    )
    if download.length is not None:
        response["Content-Length"] = str(download.length)
    disposition = "inline" if is_image else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="arende-{errand_id}-bild-{file_id}"'
    return response


def _closing(download):
    try:
        yield from download
    finally:
        download.close()
