from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from apps.backends.errors import BackendError
from apps.backends.pm5.types import Notice
from apps.customer.decorators import customer_required
from apps.customer.kept_responses import kept_response
from apps.customer.services import page_key
from apps.invoices import services
from apps.invoices.forms import months_from, months_query
from portal.responses import streamed
from portal.unavailable import unavailable_page

UNAVAILABLE = "invoices/unavailable.html"


@require_GET
@vary_on_headers("HX-Request")
@customer_required
@unavailable_page(UNAVAILABLE)
def invoice_list(request: HttpRequest) -> HttpResponse:
    months, today = months_from(request.GET), timezone.localdate()
    session = request.customer.data(services.parts(months))
    query = months_query(months)
    # Worked out only when the list is not kept already ({% kept %}): the key holds all they are made of.
    invoices = SimpleLazyObject(lambda: services.invoice_list(session, months, today))
    context = {
        "invoices": invoices,
        "open_rows": SimpleLazyObject(lambda: services.table_rows(invoices.open, query)),
        "settled_rows": SimpleLazyObject(lambda: services.table_rows(invoices.settled, query)),
        "month_choices": services.MONTHS,
        "query": query,
        "kept_key": page_key(session, today, months),
    }
    template_name = "invoices/list.html"
    if request.htmx:
        template_name += "#invoices"
    return kept_response(request, template_name, context)


@require_GET
@customer_required
@unavailable_page(UNAVAILABLE)
def invoice_detail(request: HttpRequest, number: str) -> HttpResponse:
    notice, months = _get_notice_for_tenant(request, number)
    today = timezone.localdate()
    context = {
        # Worked out only when the page is not kept already ({% kept %}): the key holds all it is made of.
        "detail": SimpleLazyObject(lambda: services.invoice_detail(notice, today)),
        "months": months,
        "query": months_query(months),
        "kept_key": page_key(request.customer.data(services.parts(months)), today, notice.number, months),
    }
    return kept_response(request, "invoices/detail.html", context)


@require_GET
@customer_required
@unavailable_page(UNAVAILABLE)
def invoice_pdf(request: HttpRequest, number: str, inline: bool = False) -> HttpResponse:
    notice, months = _get_notice_for_tenant(request, number)
    try:
        download = services.notice_pdf(request.customer, notice)
    except BackendError:
        messages.error(request, _("Vi kunde inte hämta PDF:en just nu. Försök igen om en stund."))
        return redirect(reverse("invoices:detail", args=[notice.number]) + months_query(months))
    return streamed(request, download, filename=services.pdf_filename(notice), as_attachment=not inline)


def _get_notice_for_tenant(request: HttpRequest, number: str) -> tuple[Notice, int]:
    """The tenant's own notice and the months of its list, or 404 before any backend call for it."""
    found = services.find_notice(request.customer, number, months_from(request.GET))
    if found is None:
        raise Http404("No such notice for this tenant")
    return found
