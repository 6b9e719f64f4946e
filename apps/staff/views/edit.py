"""The work-order page's "Ändra arbetsordern" action: its texts, type, access and utförare.

A named submit button of the page's view (work_order.py); a FAST2 refusal is
shown in the form at the field its reason names, with what was typed kept.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from apps.backends.errors import BackendError, BackendNotFound
from apps.staff import editing, services
from apps.staff.forms import WorkOrderForm
from apps.staff.refusals import ActionRefused
from apps.staff.views.page import back_to_page, detail

ANCHOR = "andra-arbetsordern"
# Checking a posted utrymme, enhet or fras needs no list: FAST2 refuses one not of this objekt at its field.
_NO_CHOICES_NEEDED = services.Places()


def edit_work_order(request: HttpRequest, work_order_id: int) -> HttpResponse:
    form = WorkOrderForm(request.POST, places=_NO_CHOICES_NEEDED)
    if not form.is_valid():
        return detail(request, work_order_id, bound={"work_order_form": form}, status=400)
    try:
        changed = editing.edit(work_order_id, form.wanted(), by=request.user)
    except ActionRefused as exc:
        form.add_error(exc.field, str(exc))
        return detail(request, work_order_id, bound={"work_order_form": form}, status=409)
    except BackendNotFound:
        raise Http404 from None
    except BackendError:
        messages.error(request, _("Ändringen kunde inte sparas just nu. Försök igen om en stund."))
        return back_to_page(work_order_id, ANCHOR)
    messages.success(request, _("Arbetsordern är ändrad.") if changed else _("Inget var ändrat."))
    return back_to_page(work_order_id, ANCHOR)
