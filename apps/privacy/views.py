"""The privacy page (public), the tenant's export, and deleting their portal account."""

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from apps.accounts.models import CustomerLink
from apps.accounts.services import LINK_ATTEMPT_RETENTION, PENDING_LINK_RETENTION
from apps.contacts.services import CHANGE_RETENTION, LINK_MAX_AGE
from apps.faults.models import DELIVERED_RETENTION, DRAFT_LIFETIME
from apps.faults.services import account_data as faults
from apps.kobo.models import NOTICE_RETENTION
from apps.privacy import deletion, export
from apps.privacy.forms import DeleteAccountForm


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """What the portal stores, why and for how long; the periods are the ones its purge tasks use."""
    context = {
        "landlord": settings.LANDLORD_NAME or _("Hyresvärden"),
        "pending_link_days": PENDING_LINK_RETENTION.days,
        "link_attempt_days": LINK_ATTEMPT_RETENTION.days,
        "draft_days": DRAFT_LIFETIME.days,
        "delivered_days": DELIVERED_RETENTION.days,
        "notice_days": NOTICE_RETENTION.days,
        "email_change_days": CHANGE_RETENTION.days,
        # The fault wizard's copies for an outage (kept_trees, CustomerSession.kept_for_outage): the cache's timeout.
        "outage_copy_days": settings.FAULT_OUTAGE_COPY_SECONDS // (24 * 60 * 60),
        "email_link_hours": int(LINK_MAX_AGE.total_seconds() // 3600),
        "session_hours": settings.SESSION_COOKIE_AGE // 3600,
    }
    return render(request, "privacy/privacy.html", context)


@never_cache
@require_GET
@login_required
def download(request: HttpRequest) -> HttpResponse:
    """Everything the portal holds about the signed-in account, as a JSON file to keep."""
    response = HttpResponse(export.as_json(request.user), content_type="application/json; charset=utf-8")
    name = f"mina-sidor-mina-uppgifter-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
@reauthentication_required
def delete_account(request: HttpRequest) -> HttpResponse:
    """The password again, a page that says what happens, then the account goes and the person is logged out."""
    if request.user.is_staff:
        raise PermissionDenied("staff accounts are the landlord's to remove")
    undelivered = faults.undelivered(request.user).count()
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, undelivered=undelivered)
    if request.method == "POST" and form.is_valid():
        deleted = deletion.delete_account(request, deliver_queued=form.deliver_queued)
        messages.success(request, _said_goodbye(deleted))
        return redirect("account_login")
    link = CustomerLink.objects.filter(user=request.user).first()
    context = {"form": form, "undelivered": undelivered, "customer_number": link.customer_number if link else ""}
    return render(request, "privacy/delete.html", context)


def _said_goodbye(deleted: deletion.Deleted) -> str:
    text = _(
        "Ditt konto på Mina sidor är borttaget och du är utloggad. Hos hyresvärden är du kund som förut: "
        "ingenting i hyresvärdens system har ändrats."
    )
    if deleted.undelivered and deleted.delivering:
        text += " " + ngettext(
            "Din felanmälan som väntade skickas till hyresvärden.",
            "Dina %(count)s felanmälningar som väntade skickas till hyresvärden.",
            deleted.undelivered,
        ) % {"count": deleted.undelivered}
    elif deleted.undelivered:
        text += " " + ngettext(
            "Din felanmälan som väntade är slängd.",
            "Dina %(count)s felanmälningar som väntade är slängda.",
            deleted.undelivered,
        ) % {"count": deleted.undelivered}
    return text
