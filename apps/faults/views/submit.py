"""Submitting a report, and the receipt that follows it until the errand has a number."""

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_GET, require_POST

from apps.customer.decorators import customer_required
from apps.faults.models import FaultReport
from apps.faults.services import delivery
from apps.faults.steps import next_url, step_url


@require_POST
@customer_required
def submit(request: HttpRequest, report: UUID) -> HttpResponse:
    """Saved, then sent in the background: the tenant goes straight to the receipt.

    The same POST again (a double click, a resent form) finds the report queued
    already and shows the same receipt: one report, one errand.
    """
    found = _own(request, report)
    if found.status == FaultReport.Status.DRAFT:
        try:
            delivery.submit(found, translation.get_language() or "sv")
        except delivery.Incomplete:
            return redirect(next_url(found))
    return redirect("faults:receipt", report=found.public_id)


@require_GET
@customer_required
def receipt(request: HttpRequest, report: UUID) -> HttpResponse:
    found = _own(request, report)
    if found.status == FaultReport.Status.DRAFT:  # refused: back to the answers, to correct them
        return redirect(step_url(found, "check"))
    template = "faults/receipt.html"
    if request.htmx and request.htmx.target == "report-status":
        template += "#status"  # the status alone, polled while the report waits
    return render(request, template, {"report": found, "photos": found.photos.all()})


def _own(request: HttpRequest, report: UUID) -> FaultReport:
    return get_object_or_404(
        FaultReport, public_id=report, user=request.user, customer_number=request.customer.customer_number
    )
