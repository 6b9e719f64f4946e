from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from apps.backends.errors import BackendError, BackendNotFound, BackendRefused
from apps.customer.decorators import customer_required
from apps.home import chart, consumption, services
from apps.home.forms import OfferAnswerForm
from portal.unavailable import unavailable, unavailable_page

MAINTENANCE = "home/maintenance.html"
OFFERS = "home/offers.html"
OFFER = "home/offer.html"
METERS = "home/meters.html"
METER = "home/meter.html"


@require_GET
@customer_required
@unavailable_page(MAINTENANCE, {"unavailable": True})
def maintenance(request: HttpRequest) -> HttpResponse:
    plan = services.maintenance_plan(request.customer.data())
    return render(request, MAINTENANCE, {"plan": plan})


@require_GET
@customer_required
@unavailable_page(OFFERS, {"unavailable": True})
def offer_list(request: HttpRequest) -> HttpResponse:
    offers = services.offers(request.customer.data(), timezone.localdate())
    return render(request, OFFERS, {"offers": offers})


@require_http_methods(["GET", "POST"])
@customer_required
def offer(request: HttpRequest, errand_id: int) -> HttpResponse:
    """One offer and the tenant's answer: yes or no, or one of its choices.

    The backend owns the deadline: a refusal (too late) is shown at the choice, and
    what the tenant picked stays picked whatever goes wrong.
    """
    today = timezone.localdate()
    try:
        session = request.customer.data()
    except BackendError:
        return unavailable(request, OFFER, {"unavailable": True})
    found = services.own_offer(session, errand_id, today)
    form = OfferAnswerForm(request.POST if request.method == "POST" else None, offer=found)
    context = {"offer": found, "form": form, "decline": services.DECLINE}
    template = OFFER + "#offer" if request.htmx else OFFER
    if request.method == "GET":
        return render(request, template, context)

    status = _try_to_answer(request, form, today)
    if status is not None:
        return render(request, template, context, status=status)
    saved = _saved_message(form.cleaned_data["answer"])
    if not request.htmx:
        messages.success(request, saved)
        return redirect("home:offer", errand_id=errand_id)
    # htmx: the offer as the backend now has it, in place, with the same message.
    try:
        fresh = services.own_offer(request.customer.data(), errand_id, today)
    except BackendError:
        fresh = found
    context = {"offer": fresh, "form": OfferAnswerForm(offer=fresh), "decline": services.DECLINE, "saved": saved}
    return render(request, template, context)


def _try_to_answer(request: HttpRequest, form: OfferAnswerForm, today) -> int | None:
    """Send the answer: None when saved, otherwise the status to show the form again with."""
    if not form.is_valid():
        return 200
    try:
        services.answer_offer(request.customer, form.offer, form.cleaned_data["answer"], today)
    except BackendNotFound:
        raise Http404("No such offer") from None
    except BackendRefused as refusal:
        form.add_error("answer", refusal.message or _("Svaret kunde inte sparas."))
        return 200
    except BackendError:
        form.add_error(None, _("Vi kan inte spara ditt svar just nu. Försök igen om en stund – ditt val finns kvar."))
        return 503
    return None


def _saved_message(answer: str) -> str:
    if answer == services.DECLINE:
        return _("Ditt svar är sparat: du tackar nej till erbjudandet.")
    return _("Ditt svar är sparat: du tackar ja till erbjudandet.")


@require_GET
@customer_required
@unavailable_page(METERS, {"unavailable": True})
def meter_list(request: HttpRequest) -> HttpResponse:
    meters = services.meters(request.customer.data(services.METER_PARTS))
    rows = [(view, consumption.by_month(view.meter)) for view in meters]
    return render(request, METERS, {"meters": rows})


@require_GET
@customer_required
@unavailable_page(METER, {"unavailable": True})
def meter(request: HttpRequest, meter_key: str) -> HttpResponse:
    view = services.own_meter(request.customer.data(services.METER_PARTS), meter_key)
    used = consumption.by_month(view.meter)
    return render(request, METER, {"view": view, "consumption": used, "chart": chart.chart(used)})
