"""A draft's photos: shown from the portal's storage, and removed (the photo step in apps.faults.steps adds them)."""

from uuid import UUID

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_POST

from apps.customer.decorators import customer_required
from apps.faults.models import Photo
from apps.faults.services import photos
from apps.faults.steps import step_url
from apps.faults.views.wizard import draft_of


@require_POST
@customer_required
def remove_photo(request: HttpRequest, report: UUID, photo: UUID) -> HttpResponse:
    draft = draft_of(request, report)
    photos.remove(draft, photo)
    return redirect(step_url(draft, "photos"))


@require_GET
@customer_required
def photo_file(request: HttpRequest, report: UUID, photo: UUID, size: str) -> FileResponse:
    """A photo the tenant added, from the portal's storage: theirs only, draft or waiting in the outbox."""
    if size not in ("liten", "stor"):
        raise Http404("no such size")
    found = get_object_or_404(
        Photo,
        public_id=photo,
        report__public_id=report,
        report__user=request.user,
        report__customer_number=request.customer.customer_number,
    )
    file = found.preview if size == "liten" else found.image
    return FileResponse(file.open("rb"), content_type="image/jpeg")
