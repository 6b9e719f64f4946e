"""The händelse actions of the work-order page: change and delete one (adding one has its own URL).

Named submit buttons of the page's view (work_order.py); a FAST2 refusal is
shown in the form at the field its reason names, with what was typed kept.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from apps.backends.errors import BackendError, BackendNotFound
from apps.staff import events, services
from apps.staff.forms import EventChangeForm
from apps.staff.refusals import ActionRefused
from apps.staff.views.page import act, back_to_page, detail, posted_id

ANCHOR = "handelser"


def change_event(request: HttpRequest, work_order_id: int) -> HttpResponse:
    event_id = posted_id(request, "change_event")
    try:
        form = EventChangeForm(request.POST, event_types=services.event_types())
        if form.is_valid():
            events.change(work_order_id, event_id, form.change(), by=request.user)
            messages.success(request, _("Händelsen är ändrad."))
            return back_to_page(work_order_id, ANCHOR)
        status = 400
    except ActionRefused as exc:
        form.add_error(exc.field, str(exc))
        status = 409
    except BackendNotFound:
        raise Http404 from None
    except BackendError:
        messages.error(request, _("Händelsen kunde inte sparas just nu. Försök igen om en stund."))
        return back_to_page(work_order_id, ANCHOR)
    return detail(request, work_order_id, bound={"event_change_form": form}, status=status, editing_event=event_id)


def delete_event(request: HttpRequest, work_order_id: int) -> HttpResponse:
    event_id = posted_id(request, "delete_event")
    delete = lambda: events.delete(work_order_id, event_id, by=request.user)  # noqa: E731
    return act(request, work_order_id, delete, _("Händelsen är borttagen."), anchor=ANCHOR)
