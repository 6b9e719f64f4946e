"""The time actions of the work-order page: add, change and delete a tid, start and stop the timer.

Each is one named submit button of the page's view (work_order.py). A refusal
from FAST2 (a closed work order, a duration it will not take) is shown in the
form, next to the field its reason names, with what was typed kept.
"""

import logging
from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from apps.backends.errors import BackendError, BackendNotFound
from apps.staff import time_reporting
from apps.staff.forms import TimeForm
from apps.staff.refusals import ActionRefused
from apps.staff.views.page import act, back_to_page, detail, posted_id

logger = logging.getLogger(__name__)
ANCHOR = "tider"


def add_time(request: HttpRequest, work_order_id: int) -> HttpResponse:
    return _save(request, work_order_id, None, time_reporting.add, _("Tiden är sparad."))


def change_time(request: HttpRequest, work_order_id: int) -> HttpResponse:
    time_id = posted_id(request, "change_time")
    return _save(
        request,
        work_order_id,
        time_id,
        lambda wo_id, entry, *, by: time_reporting.change(wo_id, time_id, entry, by=by),
        _("Tiden är ändrad."),
    )


def delete_time(request: HttpRequest, work_order_id: int) -> HttpResponse:
    time_id = posted_id(request, "delete_time")
    delete = lambda: time_reporting.delete(work_order_id, time_id, by=request.user)  # noqa: E731
    return act(request, work_order_id, delete, _("Tiden är borttagen."), anchor=ANCHOR)


def start_timer(request: HttpRequest, work_order_id: int) -> HttpResponse:
    start = lambda: time_reporting.start_timer(work_order_id, by=request.user)  # noqa: E731
    return act(request, work_order_id, start, _("Tidtagningen har startat."), anchor=ANCHOR)


def stop_timer(request: HttpRequest, work_order_id: int) -> HttpResponse:
    stop = lambda: time_reporting.stop_timer(work_order_id, by=request.user)  # noqa: E731
    return act(request, work_order_id, stop, _("Tidtagningen är stoppad och tiden sparad."), anchor=ANCHOR)


def _save(request: HttpRequest, work_order_id: int, time_id: int | None, save: Callable, done: str) -> HttpResponse:
    """Add or change a tid from the time form; the page again with the form's errors when it fails."""
    try:
        form = TimeForm(request.POST, activities=time_reporting.activities())
    except BackendError:
        return _unavailable(request, work_order_id)
    if not form.is_valid():
        return detail(request, work_order_id, bound={"time_form": form}, status=400, editing_time=time_id)
    try:
        save(work_order_id, form.time_input(), by=request.user)
    except ActionRefused as exc:
        form.add_error(exc.field, str(exc))
        return detail(request, work_order_id, bound={"time_form": form}, status=409, editing_time=time_id)
    except BackendNotFound:
        raise Http404 from None
    except BackendError as exc:
        logger.warning("Staff time: FAST2 unavailable (%s)", type(exc).__name__)
        return _unavailable(request, work_order_id)
    messages.success(request, done)
    return back_to_page(work_order_id, ANCHOR)


def _unavailable(request: HttpRequest, work_order_id: int) -> HttpResponse:
    messages.error(request, _("Tiden kunde inte sparas just nu. Försök igen om en stund."))
    return back_to_page(work_order_id, ANCHOR)
