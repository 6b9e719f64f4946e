from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.customer import services
from apps.customer.decorators import customer_required
from apps.faults.services import active_draft_for
from portal.unavailable import unavailable_page


@require_GET
@customer_required
@unavailable_page("customer/overview_unavailable.html")
def overview(request: HttpRequest) -> HttpResponse:
    summary = services.overview(request.customer.data())
    context = {"overview": summary, "draft": active_draft_for(request.user)}
    return render(request, "customer/overview.html", context)
