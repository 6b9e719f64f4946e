"""A work order's files (the tenant's photos) for staff, streamed from FAST2.

The file id comes from the browser: services.open_file finds it only among the
work order's own files, so another work order's file is a 404, as a guessed one
is. The bytes pass through in chunks (portal.responses.streamed). Only
raster image types are shown in the browser; anything else, an SVG included
(it can carry script), is offered as a download under a neutral type, and no
answer lets the browser guess a type of its own.
"""

import logging

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.backends.errors import BackendError, BackendNotFound
from apps.staff import services
from portal.responses import streamed

logger = logging.getLogger(__name__)

INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


@require_GET
def work_order_file(request: HttpRequest, work_order_id: int, file_id: int) -> HttpResponse:
    try:
        found, download = services.open_file(work_order_id, file_id)
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
