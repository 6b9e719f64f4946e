"""The work-order queue: filters, paging and counts per status; a technician's own work orders first."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from apps.staff import services
from apps.staff.forms import QueueFilterForm
from apps.staff.models import resource_of
from portal.unavailable import part_of_page


@require_GET
@vary_on_headers("HX-Request")
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET, resource_id=resource_of(request.user))
    page_number = _page_number(request)
    context: dict = {"form": form, "page": None, "counts": None, "unavailable": False}
    if form.is_valid():
        filters = form.filters()
        found = part_of_page(lambda: services.queue_and_counts(filters, page_number), "Staff queue")
        context["page"], context["counts"] = found.value or (None, None)
        context["unavailable"] = found.unavailable
    template_name = "staff/queue.html"
    if request.htmx:
        template_name += "#results"
    return render(request, template_name, context)


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("sida", "1")), 10_000))
    except ValueError:
        return 1
