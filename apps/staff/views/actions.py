"""The work order's older actions, each at its own URL: status, event, priority, planning, SLA, contacts.

The newer ones (time) are named submit buttons of the page's own view (work_order.py).
"""

import logging

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from apps.backends.errors import BackendError, BackendNotFound
from apps.staff import services
from apps.staff.forms import ContactForm, EventForm, PlanningForm, PriorityForm, StatusForm
from apps.staff.views.page import act, detail, unavailable_context
from portal.unavailable import unavailable_page

logger = logging.getLogger(__name__)


@require_POST
def move_status(request: HttpRequest, work_order_id: int) -> HttpResponse:
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Välj en av de statusar som sidan visar."))
        return redirect("staff:work_order", work_order_id)
    try:
        status = services.move_status(work_order_id, form.cleaned_data["status"], by=request.user)
    except BackendNotFound:
        raise Http404 from None
    except services.ActionRefused as exc:
        messages.error(request, str(exc))
    except BackendError as exc:
        logger.warning("Staff status change: FAST2 unavailable (%s)", type(exc).__name__)
        messages.error(request, _("Statusen kunde inte ändras just nu. Försök igen om en stund."))
    else:
        messages.success(request, _("Statusen är nu %(status)s.") % {"status": status.label})
    return redirect("staff:work_order", work_order_id)


@require_POST
def add_event(request: HttpRequest, work_order_id: int) -> HttpResponse:
    try:
        form = EventForm(request.POST, event_types=services.event_types())
    except BackendError:
        messages.error(request, _("Händelsen kunde inte sparas just nu. Försök igen om en stund."))
        return redirect("staff:work_order", work_order_id)
    if not form.is_valid():
        return detail(request, work_order_id, bound={"event_form": form}, status=400)
    data = form.cleaned_data
    return act(
        request,
        work_order_id,
        lambda: services.add_event(
            work_order_id, title=data["title"], text=data["text"], type_code=data["type_code"], by=request.user
        ),
        _("Händelsen är sparad."),
    )


@require_POST
def change_priority(request: HttpRequest, work_order_id: int) -> HttpResponse:
    form = PriorityForm(request.POST)
    if not form.is_valid():
        return detail(request, work_order_id, bound={"priority_form": form}, status=400)
    return act(
        request,
        work_order_id,
        lambda: services.change_priority(work_order_id, form.cleaned_data["priority"], by=request.user),
        _("Prioriteten är ändrad."),
    )


@require_POST
def plan(request: HttpRequest, work_order_id: int) -> HttpResponse:
    if "clear" in request.POST:
        return act(
            request,
            work_order_id,
            lambda: services.plan(work_order_id, None, by=request.user),
            _("Planeringen är borttagen."),
        )
    form = PlanningForm(request.POST)
    if not form.is_valid():
        return detail(request, work_order_id, bound={"planning_form": form}, status=400)
    return act(
        request,
        work_order_id,
        lambda: services.plan(work_order_id, form.planning(), by=request.user),
        _("Arbetsordern är planerad."),
    )


@require_POST
def close_sla(request: HttpRequest, work_order_id: int) -> HttpResponse:
    return act(
        request,
        work_order_id,
        lambda: services.close_sla(work_order_id, by=request.user),
        _("SLA:n är avslutad."),
    )


@require_POST
def add_contact(request: HttpRequest, work_order_id: int) -> HttpResponse:
    form = ContactForm(request.POST, prefix="new")
    if not form.is_valid():
        return detail(request, work_order_id, bound={"contact_form": form}, status=400)
    return act(
        request,
        work_order_id,
        lambda: services.add_contact(work_order_id, form.contact(), by=request.user),
        _("Kontaktpersonen är tillagd."),
    )


@require_http_methods(["GET", "POST"])
@unavailable_page("staff/unavailable.html", unavailable_context, not_found_is_404=True)
def edit_contact(request: HttpRequest, work_order_id: int, contact_id: int) -> HttpResponse:
    contact = services.contact_of(work_order_id, contact_id)
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            return act(
                request,
                work_order_id,
                lambda: services.change_contact(work_order_id, contact_id, form.contact(), by=request.user),
                _("Kontaktpersonen är ändrad."),
            )
    else:
        form = ContactForm(initial=ContactForm.initial_for(contact))
    context = {"form": form, "contact": contact, "work_order_id": work_order_id}
    return render(request, "staff/contact_form.html", context, status=400 if form.errors else 200)


@require_POST
def remove_contact(request: HttpRequest, work_order_id: int, contact_id: int) -> HttpResponse:
    return act(
        request,
        work_order_id,
        lambda: services.remove_contact(work_order_id, contact_id, by=request.user),
        _("Kontaktpersonen är borttagen."),
    )
