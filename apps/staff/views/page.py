"""The work-order page as the staff see it, and how an action on it answers."""

import logging
from collections.abc import Iterable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.backends.errors import BackendError, BackendNotFound
from apps.staff import attachments, editing, services
from apps.staff.forms import (
    AttachForm,
    ContactForm,
    EventChangeForm,
    EventForm,
    PlanningForm,
    PriorityForm,
    TimeForm,
    WorkOrderForm,
)
from portal.unavailable import unavailable_page

logger = logging.getLogger(__name__)


def unavailable_context(work_order_id: int, *args, **kwargs) -> dict:
    return {"work_order_id": work_order_id}


@unavailable_page("staff/unavailable.html", unavailable_context, not_found_is_404=True)
def detail(
    request: HttpRequest,
    work_order_id: int,
    *,
    bound: dict | None = None,
    status: int = 200,
    editing_time: int | None = None,
    editing_event: int | None = None,
) -> HttpResponse:
    """The work-order page; ``bound`` carries a form that failed, with what was typed and its errors.

    ``?tid=<id>`` and ``?handelse=<id>`` (or ``editing_time``, ``editing_event``)
    open one of the order's tider or händelser for change in its own section, so
    a change needs no page of its own. An id that is not the order's is 404.
    """
    page = services.work_order_page(work_order_id)
    wo = page.work_order
    planning = wo.planning
    if request.method == "GET":
        editing_time = _number(request.GET.get("tid"))
        editing_event = _number(request.GET.get("handelse"))
    edited = _one_of(page.times.entries, editing_time)
    edited_event = _one_of([e for e in page.events if not e.is_system], editing_event)
    forms = {
        "event_form": EventForm(event_types=page.event_types),
        "attach_form": AttachForm(event_types=page.event_types),
        "priority_form": PriorityForm(initial={"priority": wo.priority_code}),
        "contact_form": ContactForm(prefix="new"),
        "planning_form": PlanningForm(
            initial={"day": planning.day, "from_time": planning.from_time, "to_time": planning.to_time}
            if planning
            else None
        ),
        "event_change_form": EventChangeForm(
            event_types=page.event_types, initial=EventChangeForm.initial_for(edited_event) if edited_event else None
        ),
        "work_order_form": WorkOrderForm(initial=editing.current(wo), places=page.places),
        "time_form": TimeForm(
            activities=list(page.activities),
            initial=TimeForm.initial_for(edited) if edited else {"day": timezone.localdate()},
        ),
    } | (bound or {})
    if bound and "work_order_form" in bound and page.places is not None:
        bound["work_order_form"].offer(page.places)  # the choices it was checked without
    context = {"page": page, "wo": wo, "open": wo.is_open, "edited_time": edited, "edited_event": edited_event}
    context["pending_file"] = attachments.pending(request.session, work_order_id)
    context |= forms
    if bound:
        context["form"] = next(iter(bound.values()))  # the error summary and the "Fel:" title
    return render(request, "staff/work_order.html", context, status=status)


def _one_of[T](items: Iterable[T], item_id: int | None) -> T | None:
    """The tid or händelse being changed: one of this work order's own, or 404."""
    if item_id is None:
        return None
    for item in items:
        if item.id == item_id:
            return item
    raise Http404


def posted_id(request: HttpRequest, button: str) -> int:
    """The id a submit button names (its value); 404 for anything but an id."""
    found = _number(request.POST.get(button))
    if found is None:
        raise Http404
    return found


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


def act(request: HttpRequest, work_order_id: int, action, done: str, *, anchor: str = "") -> HttpResponse:
    """Run one staff action; tell how it went on the work order's page (POST-redirect-GET)."""
    try:
        action()
    except BackendNotFound:
        raise Http404 from None
    except services.ActionRefused as exc:
        messages.error(request, str(exc))
    except BackendError as exc:
        logger.warning("Staff action: FAST2 unavailable (%s)", type(exc).__name__)
        messages.error(request, _("Ändringen kunde inte sparas just nu. Försök igen om en stund."))
    else:
        messages.success(request, done)
    return back_to_page(work_order_id, anchor)


def back_to_page(work_order_id: int, anchor: str = "") -> HttpResponseRedirect:
    """POST-redirect-GET to the work order, at the section the action was in."""
    url = reverse("staff:work_order", args=[work_order_id])
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)
