"""New work order: one page, one form, whose POST branches on the button pressed.

"Visa val" (``narrow``, also sent by htmx when a select changes) shows the next
level of the fixed structure under what is chosen; "Hämta kund"
(``find_customer``) starts the walk from the customer's objekt; "Skapa
arbetsorder" (``create``) sends it. Every step answers the same page, so the walk
works without JavaScript one level per press; with htmx only the form is swapped.
"""

import logging

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from apps.backends.errors import BackendError, BackendNotFound
from apps.staff import new_work_order as creation
from apps.staff.forms import NewWorkOrderForm
from apps.staff.refusals import ActionRefused
from portal.unavailable import unavailable_page

logger = logging.getLogger(__name__)
TEMPLATE = "staff/new_work_order.html"


def _unavailable(*args, **kwargs) -> dict:
    return {"title": _("Ny arbetsorder kan inte skapas just nu"), "retry_url": reverse("staff:new_work_order")}


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@unavailable_page("staff/page_unavailable.html", _unavailable)
def new_work_order(request: HttpRequest) -> HttpResponse:
    structure = creation.Structure(request.session)
    if request.method == "GET":
        creation.forget_customer(request.session)
        return _page(request, structure, {})
    posted = {name: request.POST.get(f"ny-{name}", "").strip() for name in NewWorkOrderForm.WALK}
    if "create" in request.POST:
        return _create(request, structure, posted)
    if "find_customer" in request.POST:
        return _find_customer(request, structure, posted)
    return _page(request, structure, posted)


def _page(request, structure, chosen: dict[str, str], *, notice: str = "") -> HttpResponse:
    """The form with each level's choices under what is chosen; what was typed is kept, nothing is checked yet."""
    choices, chosen, notice = _walk(structure, chosen, notice)
    number = request.POST.get("ny-customer_number", "").strip()
    initial = {"priority": "10", "access_code": "N", "reporter": "kund"}
    initial |= {name: value for name, value in request.POST.items() if name.startswith("ny-")}
    initial = {name.removeprefix("ny-"): value for name, value in initial.items()}
    initial |= {name: chosen.get(name, "") for name in NewWorkOrderForm.WALK}
    form = NewWorkOrderForm(initial=initial, choices=choices)
    return _render(request, form, creation.found_customer(request.session, number), notice)


def _find_customer(request, structure, chosen: dict[str, str]) -> HttpResponse:
    number = request.POST.get("ny-customer_number", "").strip()
    field = NewWorkOrderForm.base_fields["customer_number"]
    if not number or not field.regex.fullmatch(number):
        return _customer_error(request, structure, chosen, _("Skriv kundnumret med siffror."))
    try:
        customer = creation.find_customer(structure, number)
    except BackendNotFound:
        return _customer_error(request, structure, chosen, _("Det finns ingen kund med det kundnumret."))
    except BackendError as exc:
        logger.warning("New work order: customer lookup unavailable (%s)", type(exc).__name__)
        notice = _("Kunden kan inte hämtas just nu. Försök igen om en stund, eller välj objektet själv.")
        return _page(request, structure, chosen, notice=notice)
    if customer.object_ids:
        home = customer.object_ids[0]
        chosen = {"property": structure.property_of(home) or "", "object_id": home}
    return _page(request, structure, chosen)


def _customer_error(request, structure, chosen, message: str) -> HttpResponse:
    creation.forget_customer(request.session)
    choices, _chosen, notice = _walk(structure, chosen, "")
    form = NewWorkOrderForm(request.POST, choices=choices)
    form.is_valid()
    form.errors.clear()  # only the lookup's own error: the rest is not being sent yet
    form.add_error("customer_number", message)
    return _render(request, form, None, notice, status=400)


def _create(request, structure, chosen: dict[str, str]) -> HttpResponse:
    if chosen["object_id"] and structure.property_of(chosen["object_id"]) is None:
        raise Http404  # not an objekt one may report on: nothing the page offered
    choices, _chosen, notice = _walk(structure, chosen, "")
    form = NewWorkOrderForm(request.POST, choices=choices)
    number = request.POST.get("ny-customer_number", "").strip()
    customer = creation.found_customer(request.session, number)
    if not form.is_valid():
        return _render(request, form, customer, notice, status=400)
    try:
        new_id = creation.create(form.order(), by=request.user)
    except ActionRefused as exc:
        form.add_error(exc.field, str(exc))
        return _render(request, form, customer, notice, status=409)
    except BackendError as exc:
        logger.warning("New work order: FAST2 unavailable (%s)", type(exc).__name__)
        form.add_error(
            None, _("Arbetsordern kunde inte skapas just nu. Det du skrivit finns kvar; försök igen om en stund.")
        )
        return _render(request, form, customer, notice, status=503)
    creation.forget_customer(request.session)
    messages.success(request, _("Arbetsorder %(id)s är skapad.") % {"id": new_id})
    return redirect("staff:work_order", new_id)


def _walk(structure, chosen: dict[str, str], notice: str) -> tuple[dict, dict[str, str], str]:
    """Each level's choices under the level above; a choice not among them (walked away from) is dropped.

    A level below the objekt that FAST2 cannot give now is left empty with a
    notice: the objekt alone is enough for a work order.
    """
    choices: dict[str, list] = {"property": structure.properties()}
    kept: dict[str, str] = {}
    levels = (
        ("property", None),
        ("object_id", lambda: structure.objects_of(kept["property"])),
        ("room", lambda: structure.rooms(kept["object_id"])),
        ("unit", lambda: structure.units(int(kept["room"]))),
        ("phrase", lambda: structure.phrases(int(kept["unit"]))),
    )
    previous = None
    for name, read in levels:
        if read is not None:
            if not kept.get(previous):
                break
            try:
                choices[name] = read()
            except BackendError as exc:
                if name == "object_id":
                    raise
                logger.warning("New work order: FAST2 structure unavailable (%s)", type(exc).__name__)
                notice = notice or _(
                    "Utrymmen, enheter och fel kan inte hämtas just nu. Objektet räcker för att skapa arbetsordern."
                )
                break
        if chosen.get(name) in {value for value, _label in choices[name]}:
            kept[name] = chosen[name]
        previous = name
    return choices, kept, notice


def _render(request, form, customer, notice: str, *, status: int = 200) -> HttpResponse:
    template_name = TEMPLATE + "#walk" if request.htmx and "narrow" in request.POST else TEMPLATE
    context = {"form": form, "customer": customer, "notice": notice}
    return render(request, template_name, context, status=status)
