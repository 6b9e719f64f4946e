from django.contrib.auth import get_user_model
from django.db.models import OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from apps.customer import services
from apps.customer.decorators import customer_required
from apps.faults.services import DraftLink, draft_to_resume_id
from apps.home.services import home_summary
from apps.inbox.services import read_count
from portal.unavailable import unavailable_page


@require_GET
@customer_required
@unavailable_page("customer/overview_unavailable.html")
def overview(request: HttpRequest) -> HttpResponse:
    session, today = request.customer.data(), timezone.localdate()
    # One query for both things the page shows of the portal's own tables: the draft to resume, the messages read.
    account = OuterRef("pk")
    draft_id, read = (
        get_user_model()
        .objects.filter(pk=request.user.pk)
        .values_list(draft_to_resume_id(account), read_count(account, session.messages))
        .get()
    )
    draft = DraftLink(draft_id) if draft_id else None
    unread_messages = len(session.messages or ()) - read
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
    return render(request, "customer/overview.html", context)
