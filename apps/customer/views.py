from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.backends.errors import BackendError
from apps.customer import services
from apps.customer.decorators import customer_required
from apps.faults.services import active_draft_for


@require_GET
@customer_required
def overview(request: HttpRequest) -> HttpResponse:
    try:
        summary = services.overview(request.customer.data())
    except BackendError:
        return render(request, "customer/overview_unavailable.html", status=503)
    context = {"overview": summary, "draft": active_draft_for(request.user)}
    return render(request, "customer/overview.html", context)
