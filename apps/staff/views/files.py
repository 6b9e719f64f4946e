"""The work-order page's "Bifoga fil" actions: attach a photo or PDF, or drop the one waiting.

Named submit buttons of the page's view (work_order.py). A file that passes the
checks waits in the portal until FAST2 has it, so a refusal or an outage never
asks staff to choose it again.
"""

import logging

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from apps.backends.errors import BackendError, BackendNotFound
from apps.staff import attachments, services
from apps.staff.forms import AttachForm
from apps.staff.refusals import ActionRefused
from apps.staff.views.page import back_to_page, detail

logger = logging.getLogger(__name__)
ANCHOR = "bilder"


def attach_file(request: HttpRequest, work_order_id: int) -> HttpResponse:
    try:
        return _attach(request, work_order_id)
    except Http404:
        attachments.drop(request.session, work_order_id)  # no such work order: nothing to wait for
        raise


def _attach(request: HttpRequest, work_order_id: int) -> HttpResponse:
    # The file is checked and kept first, so nothing after it (the type list, FAST2) can lose it.
    rejected = ""
    upload = request.FILES.get("file-file")
    if upload is not None:
        try:
            attachments.keep(request.session, work_order_id, upload, attachments.check(upload))
        except attachments.FileRejected as exc:
            rejected = str(exc)
    try:
        form = AttachForm(request.POST, event_types=services.event_types())
    except BackendError:
        return _unavailable(request, work_order_id)
    if rejected:
        form.add_error("file", rejected)
    elif attachments.pending(request.session, work_order_id) is None:
        form.add_error("file", _("Välj en fil att bifoga."))
    if not form.is_valid():
        return detail(request, work_order_id, bound={"attach_form": form}, status=400)
    data = form.cleaned_data
    try:
        attached = attachments.attach(
            request.session, work_order_id, title=data["title"].strip(), type_code=data["type_code"], by=request.user
        )
    except ActionRefused as exc:
        form.add_error(exc.field or "file", str(exc))
        return detail(request, work_order_id, bound={"attach_form": form}, status=409)
    except BackendNotFound:
        raise Http404 from None
    except BackendError as exc:
        logger.warning("Staff file: FAST2 unavailable (%s)", type(exc).__name__)
        return _unavailable(request, work_order_id)
    messages.success(request, _("%(name)s är bifogad.") % {"name": attached.name})
    return back_to_page(work_order_id, ANCHOR)


def drop_file(request: HttpRequest, work_order_id: int) -> HttpResponse:
    attachments.drop(request.session, work_order_id)
    messages.success(request, _("Filen är borttagen och skickas inte."))
    return back_to_page(work_order_id, ANCHOR)


def _unavailable(request: HttpRequest, work_order_id: int) -> HttpResponse:
    messages.error(request, _("Filen kunde inte bifogas just nu. Den finns kvar här; försök igen om en stund."))
    return back_to_page(work_order_id, ANCHOR)
