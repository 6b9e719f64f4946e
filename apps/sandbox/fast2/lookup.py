"""The work order a request names: its id in the path, or arbetsorderId in the query of the lists under it."""

from django.http import HttpResponse

from apps.sandbox.fast2.serializers import work_orders
from apps.sandbox.fast2.wire import error
from apps.sandbox.models import ErrandRow


def work_order(work_order_id: str) -> ErrandRow | None:
    if not work_order_id.isdigit():
        return None
    return work_orders().filter(pk=int(work_order_id)).first()


def not_found(work_order_id: str) -> HttpResponse:
    return error(404, "NotFound", f"Arbetsorder {work_order_id} finns inte.")


def unknown_work_order_param() -> HttpResponse:
    """The lists under a work order (events, contacts, times) name it in the query string."""
    return error(400, "BadRequest", "arbetsorderId saknas eller är okänt.")
