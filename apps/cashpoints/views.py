"""Betala kontant: where to pay a bill in cash near home, and exactly what to bring."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.backends.pm5.types import Notice
from apps.cashpoints import services
from apps.customer.decorators import customer_required
from apps.invoices import services as invoices
from apps.invoices.forms import months_from, months_query
from apps.invoices.payment import payable_to_giro
from portal.unavailable import unavailable_page

# The tenant's own notices come from PM5: without it the page has nothing to say what to bring.
UNAVAILABLE = "invoices/unavailable.html"


@require_GET
@customer_required
@unavailable_page(UNAVAILABLE)
def pay_cash(request: HttpRequest, number: str | None = None) -> HttpResponse:
    notice, months = _get_notice_for_tenant(request, number) if number is not None else (None, None)
    context = {
        "page": services.pay_cash(request.customer, notice),
        # Back to the notice in the list it came from, so no longer list is read again.
        "query": months_query(months) if months else "",
    }
    return render(request, "cashpoints/pay_cash.html", context)


def _get_notice_for_tenant(request: HttpRequest, number: str) -> tuple[Notice, int]:
    """The tenant's own notice with something to pay to a giro, and its list's months; 404 before anything else."""
    found = invoices.find_notice(request.customer, number, months_from(request.GET))
    if found is None or not payable_to_giro(found[0]):
        raise Http404("No such notice to pay in cash for this tenant")
    return found
