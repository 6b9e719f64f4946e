"""Filetransfer (seed 8): temporary uploads, and the files linked to a work order.

Readings (contract ambiguity 5): POST tempfile answers 201 {"name": ...}, the
name DELETE tempfile/{name} takes. The files linked to a work order are the
photos tenants attached to the fault report through PM5 (ErrandRowMedia), so
GET file/{id} serves those, and the work order's read shape lists them in the
sandbox-defined field ``filer`` (serializers.py). Linking a temporary file to a
work order or händelse is not in the seed, and the sandbox does not invent it.

Allowed types and sizes are "a system setting" (seed 2.7): JPEG, PNG and PDF,
recognised by their first bytes rather than the type the uploader claims, up to
SANDBOX_FAST2_MAX_FILE_BYTES (10 MB, as for PM5's photos).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from apps.sandbox.fast2 import auth
from apps.sandbox.fast2.serializers import media_name
from apps.sandbox.fast2.wire import FAST2, error, ok
from apps.sandbox.http import json_response
from apps.sandbox.models import ErrandRowMedia, TempFile

MAX_FILE_BYTES = 10 * 1024 * 1024
SIGNATURES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png", b"%PDF-": "application/pdf"}
# Temporary files nobody linked or deleted are dropped after a day.
TEMP_LIFETIME = timedelta(hours=24)
# Room for the multipart boundaries and part headers around the file itself.
MULTIPART_OVERHEAD = 16 * 1024


def max_file_bytes() -> int:
    return getattr(settings, "SANDBOX_FAST2_MAX_FILE_BYTES", MAX_FILE_BYTES)


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("POST")
def temp_file_upload(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    limit = max_file_bytes()
    declared = request.META.get("CONTENT_LENGTH") or ""
    if declared.isdigit() and int(declared) > limit + MULTIPART_OVERHEAD:
        return _too_large(limit)  # refused before Django reads the body
    if not request.content_type.startswith("multipart/form-data"):
        return error(400, "BadRequest", "Kroppen ska vara multipart/form-data med delen tempFile.")
    upload = request.FILES.get("tempFile")
    if upload is None:
        return error(400, "BadRequest", "Delen tempFile saknas.")
    if upload.size > limit:
        return _too_large(limit)
    if upload.size == 0:
        return error(400, "BadRequest", "Filen är tom.")
    content = upload.read()
    content_type = next((kind for magic, kind in SIGNATURES.items() if content.startswith(magic)), None)
    if content_type is None:
        return error(400, "BadRequest", "Filtypen tas inte emot. Tillåtna är JPEG, PNG och PDF.")
    now = timezone.now()
    TempFile.objects.filter(uploaded_at__lt=now - TEMP_LIFETIME).delete()
    stored = TempFile.objects.create(
        name=secrets.token_urlsafe(24),
        original_name=(upload.name or "")[:200],
        content_type=content_type,
        size=len(content),
        content=content,
        uploaded_by=resource.username,
        uploaded_at=now,
    )
    return json_response({"name": stored.name}, status=201)


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("DELETE")
def temp_file(request: HttpRequest, name: str, resource: auth.Resource) -> HttpResponse:
    deleted, _ = TempFile.objects.filter(name=name, uploaded_by=resource.username).delete()
    if not deleted:
        return error(404, "NotFound", "Den temporära filen finns inte.")
    return ok()


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "DELETE")
def work_order_file(request: HttpRequest, file_id: str, resource: auth.Resource) -> HttpResponse:
    media = None
    if file_id.isdigit():
        media = ErrandRowMedia.objects.select_related("row").defer("content").filter(pk=int(file_id)).first()
    if media is None:
        return error(404, "NotFound", f"Fil {file_id} finns inte.")
    if request.method == "DELETE":
        if not media.row.is_open:
            label = media.row.get_status_display().lower()
            return error(409, "Conflict", f"Arbetsorder {media.row_id} är {label}; dess filer kan inte tas bort.")
        media.delete()
        return ok()
    content = ErrandRowMedia.objects.values_list("content", flat=True).get(pk=media.pk)
    response = HttpResponse(bytes(content), content_type=media.content_type)
    inline = media.content_type.startswith("image/") or media.content_type == "application/pdf"
    response["Content-Disposition"] = content_disposition_header(not inline, media_name(media))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _too_large(limit: int) -> HttpResponse:
    return error(413, "PayloadTooLarge", f"Filen får vara högst {limit} byte.")
