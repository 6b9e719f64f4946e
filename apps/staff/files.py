"""A work order's files (the tenant's photos) for staff, streamed from FAST2.

The file id comes from the browser, so it is looked up among the work order's
own files first: an id of another work order's file is a 404, as a guessed one
is. The bytes pass through in chunks (apps.documents.responses.streamed). Only
raster image types are shown in the browser; anything else, an SVG included
(it can carry script), is offered as a download under a neutral type, and no
answer lets the browser guess a type of its own.
"""

import logging

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.backends import fast2
from apps.backends.errors import BackendError, BackendNotFound
from apps.backends.fast2.types import WorkOrderFile
from apps.documents.responses import streamed

logger = logging.getLogger(__name__)

INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


def file_of(client: fast2.Fast2Client, work_order_id: int, file_id: int) -> WorkOrderFile:
    """The file, if it belongs to this work order; BackendNotFound otherwise."""
    for found in client.work_order(work_order_id).files:
        if found.id == file_id:
            return found
    raise BackendNotFound("FAST2 file: not on this work order")


@require_GET
def work_order_file(request: HttpRequest, work_order_id: int, file_id: int) -> HttpResponse:
    client = fast2.get_client()
    try:
        found = file_of(client, work_order_id, file_id)
        download = client.file(found.id)
    except BackendNotFound:
        raise Http404 from None
    except BackendError as exc:
        logger.warning("Staff work-order file: FAST2 unavailable (%s)", type(exc).__name__)
        return render(request, "staff/unavailable.html", {"work_order_id": work_order_id}, status=503)
    content_type = download.content_type.split(";")[0].strip().lower()
    inline = content_type in INLINE_TYPES
    download.content_type = content_type if inline else "application/octet-stream"
    response = streamed(request, download, filename=found.name, as_attachment=not inline)
    response["X-Content-Type-Options"] = "nosniff"
    # Opened on its own, the file runs nothing and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
