"""Give notice (tenant), Kobo's webhook (Kobo itself), and the staff's Kobo page."""

import json
import uuid

from allauth.account.decorators import reauthentication_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from apps.backends.kobo import NoticeActor, UnitStatus
from apps.backends.wire import code
from apps.customer.decorators import customer_required
from apps.kobo.forms import NoticeForm
from apps.kobo.models import Notice, UnitCopy
from apps.kobo.services import copy, notices
from portal.unavailable import unavailable_page

UNAVAILABLE = "kobo/unavailable.html"
STATUS_LABELS = {
    UnitStatus.READY: gettext_lazy("Klar för inflyttning"),
    UnitStatus.MAINTENANCE: gettext_lazy("Underhåll"),
    UnitStatus.LET: gettext_lazy("Uthyrd"),
    UnitStatus.UNAVAILABLE: gettext_lazy("Inte tillgänglig"),
}
ACTOR_LABELS = {
    NoticeActor.TENANT: gettext_lazy("uppsagt av hyresgästen"),
    NoticeActor.LANDLORD: gettext_lazy("uppsagt av hyresvärden"),
}


def _password_again_to_act(view):
    """The password again before notice is given or withdrawn (allauth's reauthentication); reading needs none."""
    return reauthentication_required(view, enabled=lambda request: request.method == "POST")


# --- the tenant ---------------------------------------------------------------------------------


@require_GET
@customer_required
@unavailable_page(UNAVAILABLE)
def start(request: HttpRequest) -> HttpResponse:
    units = notices.tenant_units(request.customer)
    if len(units) == 1:
        return redirect("kobo:notice", units[0].object.number)
    return render(request, "kobo/start.html", {"units": units})


@require_http_methods(["GET", "POST"])
@customer_required
@_password_again_to_act
@unavailable_page(UNAVAILABLE)
def notice(request: HttpRequest, object_number: str) -> HttpResponse:
    """One page: the lease and its earliest end, the form, the receipt; actions give_notice and withdraw."""
    unit = notices.tenant_unit(request.customer, object_number)
    if unit is None:
        raise Http404("Not this tenant's object, or not in Kobo")
    customer_number = request.user.customer_link.customer_number
    page = notices.page(unit, customer_number)
    if request.method == "POST" and "withdraw" in request.POST:
        if not page.can_withdraw:
            raise Http404("No notice this tenant can withdraw")
        notices.request_withdrawal(page.notice)
        return redirect("kobo:notice", object_number)
    form = _form(request, page)
    if request.method == "POST":
        if form is None:
            return redirect("kobo:notice", object_number)
        if form.is_valid():
            try:
                notices.give(
                    page,
                    user=request.user,
                    customer_number=customer_number,
                    end=form.cleaned_data["end_date"],
                    language=get_language() or "",
                )
            except notices.AlreadyGiven:
                pass  # a double submit: the first one is on its way
            return redirect("kobo:notice", object_number)
    context = {"page": page, "form": form, "Status": Notice.Status, "period_label": _period_label(page)}
    if request.htmx and request.htmx.target == "notice-receipt":
        return _receipt_poll(request, page, context)
    return render(request, "kobo/notice.html", context)


def _receipt_poll(request: HttpRequest, page: notices.NoticePage, context: dict) -> HttpResponse:
    """The receipt alone while the notice is on its way; once it has settled, the whole page again.

    A settled notice can change more than the receipt (a refusal brings the form back with
    Kobo's reason next to the field), so the browser reloads the page rather than the part.
    """
    if page.active and page.notice.status in (Notice.Status.QUEUED, Notice.Status.WITHDRAWING):
        return render(request, "kobo/notice.html#receipt", context)
    return HttpResponseClientRefresh()


def _period_label(page: notices.NoticePage) -> str:
    period = page.period
    if period is None:
        return page.lease.other_notice_period or "" if page.lease else ""
    if period.weeks:
        text = ngettext("%(count)d vecka", "%(count)d veckor", period.weeks) % {"count": period.weeks}
    else:
        text = ngettext("%(count)d månad", "%(count)d månader", period.months) % {"count": period.months}
    if period.by_law:
        return _("%(period)s, som lagen säger (avtalet säger inget annat)") % {"period": text}
    return _("%(period)s, enligt ditt avtal") % {"period": text}


def _form(request: HttpRequest, page: notices.NoticePage) -> NoticeForm | None:
    """The form when notice can be given; after Kobo's refusal, with the tenant's date and Kobo's reason."""
    if not page.can_give_notice:
        return None
    if request.method == "POST":
        return NoticeForm(request.POST, window=page.window, today=page.today)
    refused = page.refused
    if refused is None:
        return NoticeForm(window=page.window, today=page.today)
    form = NoticeForm({"end_date": refused.effective_from.isoformat()}, window=page.window, today=page.today)
    form.is_valid()
    form.refused(refused.refusal)
    return form


# --- Kobo's webhook ---------------------------------------------------------------------------------


@csrf_exempt  # called by Kobo, authenticated by the registered API key
@require_POST
def webhook(request: HttpRequest) -> HttpResponse:
    """Check the key in constant time, record the message, answer at once; a task does the work."""
    if not copy.key_is_valid(request.headers.get(copy.API_KEY_HEADER, "")):
        return JsonResponse({"error": "unauthorised"}, status=401)
    try:
        body = json.loads(request.body)
        new = copy.receive(body)
    except (ValueError, copy.BadMessage):
        return JsonResponse({"error": "bad message"}, status=400)
    return JsonResponse({"received": True, "duplicate": not new}, status=202 if new else 200)


# --- staff ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def staff_units(request: HttpRequest) -> HttpResponse:
    """Every unit of the landlord in Kobo, from the portal's copy; a new allocation stands out until seen."""
    if request.method == "POST":
        kobo_id = request.POST.get("seen", "")
        if not UnitCopy.objects.filter(kobo_id=kobo_id if _is_uuid(kobo_id) else None).exists():
            raise Http404("No such unit")
        copy.mark_allocation_seen(kobo_id)
        return redirect("staff:kobo:units")
    units = list(UnitCopy.objects.filter(deleted=False))
    rows = [
        {
            "unit": unit,
            "status": STATUS_LABELS.get(code(UnitStatus, unit.status), unit.status),
            "notice_by": ACTOR_LABELS.get(code(NoticeActor, unit.notice_by), ""),
        }
        for unit in units
    ]
    context = {"rows": rows, "new_allocations": sum(1 for unit in units if unit.allocation_new)}
    return render(request, "kobo/staff_units.html", context)


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
