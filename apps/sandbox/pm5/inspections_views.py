"""PM5 inspections: Hämta besiktningsprotokoll (000:726-746).

GET /session/{key}/arende/protokoll/{ArendeId}/{InflyttandeHyresgäst}: the PDF of one of
the session customer's own inspections, for the side the boolean names (A29: true = the
incoming tenant's protocol). An errand that is not theirs, not an inspection, not yet done,
or not of that side has no protocol: 404, as for any id that is not theirs (A02).
"""

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from apps.sandbox.models import Errand, SessionKey
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.inspection_pdf import inspection_pdf
from apps.sandbox.pm5.wire import PM5, felmeddelande, folded, not_acceptable

BOOLEANS = {"true": True, "false": False}


@PM5.endpoint
@PM5.allow("GET")
@session_required
def inspection_protocol(request: HttpRequest, session: SessionKey, errand_id: str, incoming: str) -> HttpResponse:
    moving_in = BOOLEANS.get(folded(incoming))
    if moving_in is None:
        return felmeddelande(400, "OgiltigParameter", "InflyttandeHyresgäst ska vara true eller false.")
    errand = (
        Errand.objects.filter(
            pk=int(errand_id),
            customer=session.customer,
            kind=Errand.Kind.BESIKTNING,
            moving_in=moving_in,
            rows__done_at__isnull=False,
        )
        .select_related("customer", "rental_object__building__property__company")
        .prefetch_related("rows__node")
        .distinct()
        .first()
    )
    if errand is None:
        return felmeddelande(404, "ProtokollSaknas", "Det finns inget sådant besiktningsprotokoll.")
    if refused := not_acceptable(request, "application/pdf"):
        return refused
    response = HttpResponse(inspection_pdf(errand), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"besiktningsprotokoll-{errand.number}.pdf")
    return response
