from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from apps.customer import services
from apps.customer.decorators import customer_required
from apps.customer.kept_responses import kept_response
from apps.faults.services import draft_to_resume
from apps.home.services import home_summary
from apps.inbox.services import unread_count
from portal.unavailable import unavailable_page


@require_GET
@customer_required
@unavailable_page("customer/overview_unavailable.html")
def overview(request: HttpRequest) -> HttpResponse:
    session, today = request.customer.data(), timezone.localdate()
    draft = draft_to_resume(request.user)
    unread_messages = unread_count(session, request.user)
    # Worked out only when the content is not kept already ({% kept %}): the key holds all they are made of.
    overview = SimpleLazyObject(lambda: services.overview(session, today))
    context = {
        "overview": overview,
        "open_errands": SimpleLazyObject(lambda: services.open_errand_rows(overview)),
        "home": SimpleLazyObject(lambda: home_summary(session, today)),
        "draft": draft,
        "unread_messages": unread_messages,
        "kept_key": services.page_key(session, today, draft.public_id.hex if draft else None, unread_messages),
    }
    return kept_response(request, "customer/overview.html", context)
