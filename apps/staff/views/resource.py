"""Min resurs: a staff member who is a FAST2 utförare says which one, so their queue opens on their work orders."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from apps.staff import resources
from apps.staff.forms import ResourceForm
from apps.staff.models import resource_of
from portal.unavailable import unavailable_page

TEMPLATE = "staff/resource.html"


def _unavailable(*args, **kwargs) -> dict:
    return {"title": _("Resurserna kan inte visas just nu"), "retry_url": reverse("staff:my_resource")}


@require_http_methods(["GET", "POST"])
@unavailable_page("staff/page_unavailable.html", _unavailable)
def my_resource(request: HttpRequest) -> HttpResponse:
    current = resource_of(request.user)
    if current:
        status = 409 if request.method == "POST" else 200
        return render(request, TEMPLATE, {"current": current, "form": None}, status=status)
    performers = resources.known_performers()
    form = ResourceForm(request.POST or None, performers=performers)
    if request.method == "POST" and form.is_valid():
        try:
            resources.set_own(request.user, form.performer())
        except resources.AlreadySet:
            return render(request, TEMPLATE, {"current": resource_of(request.user), "form": None}, status=409)
        messages.success(request, _("Din resurs är sparad. Kön visar nu dina arbetsorder först."))
        return redirect("staff:queue")
    status = 400 if form.errors else 200
    return render(request, TEMPLATE, {"current": "", "form": form}, status=status)
