"""The photo step: add photos (checked and re-encoded by the portal), preview them, remove them."""

from uuid import UUID

from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.customer.decorators import customer_required
from apps.faults import forms
from apps.faults.models import Photo
from apps.faults.services import photos
from apps.faults.views.common import ahead_of, draft_of, next_url, render_step, step_context, step_url


@csrf_exempt  # checked below, once the upload handlers are set (Django's documented pattern)
@require_http_methods(["GET", "POST"])
@customer_required
def photos_step(request: HttpRequest, report: UUID) -> HttpResponse:
    # Every upload goes to a temporary file, never into memory, however many come at once.
    request.upload_handlers = [TemporaryFileUploadHandler(request)]
    return _photos_step(request, report)


@csrf_protect
def _photos_step(request: HttpRequest, report: UUID) -> HttpResponse:
    draft = draft_of(request, report)
    if guard := ahead_of(draft, "photos"):
        return guard
    form = forms.PhotoForm()
    if request.method == "POST" and "done" in request.POST:
        draft.photos_done = True
        draft.save(update_fields=["photos_done", "updated_at"])
        return redirect(next_url(draft))
    if request.method == "POST":
        form = forms.PhotoForm(request.POST, request.FILES)
        if form.is_valid():
            refused = photos.add(draft, form.cleaned_data["photos"])
            if not refused:
                return redirect(step_url(draft, "photos"))
            form.add_photo_errors(refused)
    context = step_context(draft, form, "photos")
    context["photos"] = draft.photos.all()
    context["room"] = photos.MAX_PHOTOS - len(context["photos"])
    return render_step(request, "faults/photos.html", context)


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
