"""The work order a request names: its id in the path, or arbetsorderId in the query of the lists under it.

Stacked under ``@FAST2.allow``, so a wrong method is 405 before the work order is looked up.
"""

from functools import wraps

from django.http import HttpRequest, HttpResponse

from apps.sandbox.behaviour import View
from apps.sandbox.fast2.serializers import work_orders
from apps.sandbox.fast2.wire import error
from apps.sandbox.models import ErrandRow


def work_order_in_path(view: View) -> View:
    """The path's ``work_order_id`` as the view's ``row=``, or 404."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, work_order_id: str, **kwargs) -> HttpResponse:
        row = _work_order(work_order_id)
        if row is None:
            return error(404, "NotFound", f"Arbetsorder {work_order_id} finns inte.")
        return view(request, *args, row=row, **kwargs)

    return wrapped


def work_order_in_query(view: View) -> View:
    """The lists under a work order (events, contacts, times) name it in the query: ``row=``, or 400."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        row = _work_order(request.GET.get("arbetsorderId") or "")
        if row is None:
            return error(400, "BadRequest", "arbetsorderId saknas eller är okänt.")
        return view(request, *args, row=row, **kwargs)

    return wrapped


def _work_order(work_order_id: str) -> ErrandRow | None:
    if not work_order_id.isdigit():
        return None
    return work_orders().filter(pk=int(work_order_id)).first()
