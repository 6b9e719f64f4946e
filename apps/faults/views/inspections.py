"""An inspection's protocol (besiktningsprotokoll), streamed like an invoice PDF."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from apps.backends.errors import BackendError, BackendNotFound
from apps.customer.decorators import customer_required
from apps.faults.services import inspections
from portal.responses import streamed
from portal.unavailable import unavailable_page


@require_GET
@customer_required
@unavailable_page("faults/errands_unavailable.html")
def inspection_protocol(request: HttpRequest, errand_id: int, inline: bool = False) -> HttpResponse:
    errand = inspections.own_inspection(request.customer, errand_id)
    try:
        download = inspections.protocol(request.customer, errand)
    except BackendNotFound:
        messages.info(request, _("Protokollet finns inte hos hyresvärden ännu. Försök igen senare."))
        return redirect("faults:errand", errand_id)
    except BackendError:
        messages.error(request, _("Vi kunde inte hämta protokollet just nu. Försök igen om en stund."))
        return redirect("faults:errand", errand_id)
    return streamed(request, download, filename=inspections.protocol_filename(errand), as_attachment=not inline)
