"""General errands (Allmänna ärenden): a disturbance or a request, through the fault report's own wizard.

The start page offers the landlord's classes of general errands (Hämta NodKlassInfoLista,
one backend call); choosing one starts a draft of that class, whose questions are the
wizard's GENERAL_STEPS and whose delivery is the fault report's outbox.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from apps.backends.errors import BackendError
from apps.backends.pm5.general import is_disturbance
from apps.customer.decorators import customer_required
from apps.faults.general_forms import ClassForm
from apps.faults.services import drafts
from apps.faults.services.drafts import Option
from apps.faults.steps import next_url
from apps.faults.views.wizard import check_offered
from portal.unavailable import unavailable

TEMPLATE = "faults/general_start.html"


@require_http_methods(["GET", "POST"])
@customer_required
def general_start(request: HttpRequest) -> HttpResponse:
    """GET: the classes to choose from, or the general errand in progress. POST: start (or restart) one."""
    draft = drafts.active_draft_for(request.user, general=True)
    if request.method == "POST" and "restart" in request.POST:
        if draft is not None:
            drafts.discard(draft)
        return redirect("faults:general_start")
    if draft is not None and request.method == "GET":
        return render(request, TEMPLATE, {"draft": draft, "disturbance": is_disturbance(draft.errand_class)})
    try:
        classes = request.customer.call(lambda client, key: client.errand_classes(key))
    except BackendError:
        return unavailable(request, TEMPLATE, {"draft": draft, "unavailable": True, "form": None})
    options = [Option(c.system_name, c.label) for c in classes]
    form = ClassForm(request.POST if request.method == "POST" else None, options=options)
    context = {"form": form}
    if request.method == "POST":
        check_offered(request, "klass", options)
        if form.is_valid():
            chosen = next(c for c in classes if c.system_name == form.cleaned_data["klass"])
            session = drafts.session_for_report(request.customer)
            if session is None:
                return unavailable(request, TEMPLATE, context | {"unavailable": True})
            started = drafts.start(
                request.user, request.customer.customer_number, session, restart=False, errand_class=chosen
            )
            if started is None:
                return render(request, TEMPLATE, context | {"nothing_to_report": True})
            return redirect(next_url(started))
    return render(request, TEMPLATE, context)
