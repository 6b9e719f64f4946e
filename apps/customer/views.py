from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from apps.customer import services
from apps.customer.decorators import customer_required
from apps.faults.services import draft_to_resume
from apps.home.services import home_summary
from apps.inbox.services import unread_count
from portal.unavailable import unavailable_page


@require_GET
@customer_required
@unavailable_page("customer/overview_unavailable.html")
def overview(request: HttpRequest) -> HttpResponse:
    session = request.customer.data()
    overview = services.overview(session)
    context = {
        "overview": overview,
        "open_errands": services.open_errand_rows(overview),
        "home": home_summary(session, timezone.localdate()),
        "draft": draft_to_resume(request.user),
        "unread_messages": unread_count(session, request.user),
    }
    return render(request, "customer/overview.html", context)
