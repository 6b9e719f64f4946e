"""The inbox: messages from the landlord, one message (opening it marks it read), its attachments."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from apps.backends.errors import BackendError, BackendNotFound
from apps.customer.decorators import customer_required
from apps.customer.kept_responses import kept_response
from apps.customer.services import page_key
from apps.inbox import services
from portal.responses import streamed
from portal.unavailable import unavailable_page

UNAVAILABLE = "inbox/unavailable.html"


@require_GET
@customer_required
@unavailable_page(UNAVAILABLE)
def message_list(request: HttpRequest) -> HttpResponse:
    session = request.customer.data()
    read = services.read_ids(session, request.user)
    # Worked out only when the list is not kept already ({% kept %}): the key holds all they are made of.
    listed = SimpleLazyObject(lambda: services.inbox(session, request.user, read))
    context = {
        "messages_listed": listed,
        "rows": SimpleLazyObject(lambda: services.list_rows(listed)),
        "kept_key": page_key(session, timezone.localdate(), " ".join(map(str, read))),
    }
    return kept_response(request, "inbox/list.html", context)


@require_http_methods(["GET", "POST"])
@customer_required
@unavailable_page(UNAVAILABLE)
def message_detail(request: HttpRequest, message_id: int) -> HttpResponse:
    item = _get_message_for_tenant(request, message_id)
    if request.method == "POST":
        if "unread" in request.POST:
            services.mark_unread(request.user, message_id)
            messages.success(request, _("Meddelandet är markerat som oläst."))
        return redirect("inbox:list")
    services.mark_read(request.user, message_id)
    return render(request, "inbox/detail.html", {"item": item, "message": item.message})


@require_GET
@customer_required
@unavailable_page(UNAVAILABLE)
def attachment_download(request: HttpRequest, message_id: int, external_id: int) -> HttpResponse:
    attachment, file = services.own_attachment(request.customer, message_id, external_id)
    with file:  # another tenant's attachment, or one that failed: nothing of it is kept
        if attachment is None:
            raise Http404("No such attachment for this tenant")
        try:
            download = file.result()
        except BackendNotFound:
            raise Http404("The backend has no such attachment") from None
        except BackendError:
            messages.error(
                request,
                _("Vi kunde inte hämta %(attachment)s just nu. Försök igen om en stund.")
                % {"attachment": attachment.name or _("bilagan")},
            )
            return redirect("inbox:detail", message_id)
    return streamed(request, download, filename=services.filename(attachment, download))


def _get_message_for_tenant(request: HttpRequest, message_id: int) -> services.InboxMessage:
    """The tenant's own message, or 404 before anything else is done with the id."""
    item = services.find_message(request.customer.data(), request.user, message_id)
    if item is None:
        raise Http404("No such message for this tenant")
    return item
