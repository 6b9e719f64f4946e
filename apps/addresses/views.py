from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from apps.addresses import services
from apps.addresses.forms import TemporaryAddressForm, initial_for
from apps.backends.errors import BackendError, BackendNotFound, BackendRefused, BackendSessionExpired
from apps.backends.pm5.types import PortalSession, TemporaryAddress
from apps.customer.decorators import customer_required
from apps.customer.kept_responses import kept_response
from apps.customer.services import page_key
from portal.htmx_forms import field_to_check, focus_first_field, is_field_check
from portal.unavailable import part_of_page, unavailable, unavailable_page

PAGE = "addresses/addresses.html"
FORM = "addresses/address_form.html"


@require_GET
@customer_required
@unavailable_page(PAGE, {"unavailable": True})
def addresses(request: HttpRequest) -> HttpResponse:
    """Current and upcoming temporary addresses, ended ones on request, and the permanent ones."""
    today = timezone.localdate()
    show_ended = request.GET.get("avslutade") == "1"
    if request.htmx and show_ended:
        request.customer.data()  # the calm page, as for the whole page, when not even the session data can be read
        return render(request, PAGE + "#ended", _ended(request, today))

    session, customer_addresses = services.data_and_customer_addresses(request.customer)
    permanent = part_of_page(customer_addresses, "Permanent addresses")
    # Worked out only when the content is not kept already ({% kept %}).
    book = SimpleLazyObject(lambda: services.address_book(session, today))
    context = {"book": book, "show_ended": show_ended, "ended": None, "ended_unavailable": False}
    context["permanent"] = () if permanent.unavailable else permanent.value.addresses
    context["permanent_unavailable"] = permanent.unavailable
    if show_ended:
        context |= _ended(request, today)
    # Kept while the session data, today and the permanent addresses are the same; never with the
    # ended addresses (read from the backend every time) or the permanent ones unavailable.
    keep = not show_ended and not permanent.unavailable
    context["kept_key"] = page_key(session, today, permanent.value.digest) if keep else None
    return kept_response(request, PAGE, context)


def _ended(request: HttpRequest, today: date) -> dict:
    """The ended addresses' part of the page, read from the backend when the tenant asks."""
    ended = part_of_page(lambda: services.ended_addresses(request, today), "Ended addresses")
    return {"ended": ended.value, "ended_unavailable": ended.unavailable}


@require_http_methods(["GET", "POST"])
@customer_required
def add(request: HttpRequest) -> HttpResponse:
    return _address_form(request, address_id=None)


@require_http_methods(["GET", "POST"])
@customer_required
def edit(request: HttpRequest, address_id: int) -> HttpResponse:
    return _address_form(request, address_id=address_id)


def _address_form(request: HttpRequest, address_id: int | None) -> HttpResponse:
    """Add (address_id None) or edit one address: the form, a per-field check, or the save.

    Whatever the tenant typed stays in the form on every error, the backend's included.
    """
    today = timezone.localdate()
    try:
        session = request.customer.data()
    except BackendError:
        session = None
    if session is None and request.method == "GET":
        return unavailable(request, FORM, {"unavailable": True})

    book = services.address_book(session, today) if session else None
    # Checked against the tenant's own session data before the backend hears of the id.
    original = services.own_address(session, address_id, today) if session and address_id is not None else None
    form = TemporaryAddressForm(
        request.POST if request.method == "POST" else None,
        initial=initial_for(original) if original else _initial_for_new(session),
        today=today if session else None,
        others=book.editable if book else (),
        original=original,
        check_url=request.path,
    )
    context = {"form": form, "address": original, "address_id": address_id}

    field = field_to_check(request, form)
    if field:
        form.is_valid()
        return render(request, FORM + "#field", {"field": form[field]})
    if is_field_check(request):
        return HttpResponseBadRequest()

    if request.method == "GET":
        if request.htmx:
            focus_first_field(form)
            return render(request, FORM + "#form", context)
        return render(request, FORM, context)

    status = _try_to_save(request, form, saving_possible=session is not None)
    if status is None:
        messages.success(request, _saved_message(original))
        return redirect("addresses:list")
    return render(request, FORM, context, status=status)


def _try_to_save(request: HttpRequest, form: TemporaryAddressForm, *, saving_possible: bool) -> int | None:
    """Save the address: None when saved, otherwise the status to show the form again with.

    A refusal lands at the field the backend names, anything else at the top.
    """
    if not saving_possible:
        form.is_valid()  # shows what is wrong with the input as well
        form.add_error(None, _unavailable_message())
        return 503
    if not form.is_valid():
        return 200
    try:
        services.save(request, form.as_input())
    except BackendNotFound:
        raise Http404("No such temporary address") from None
    except BackendSessionExpired:  # still refused after a new key: the backend is not itself
        form.add_error(None, _unavailable_message())
        return 503
    except BackendRefused as refusal:
        form.add_backend_refusal(refusal.code, refusal.message)
        return 200
    except BackendError:
        form.add_error(None, _unavailable_message())
        return 503
    return None


def _initial_for_new(session: PortalSession | None) -> dict:
    customer = session.customer if session else None
    return {"name": customer.full_name if customer else ""}


def _saved_message(original: TemporaryAddress | None) -> str:
    return _("Den tillfälliga adressen är ändrad.") if original else _("Den tillfälliga adressen är sparad.")


def _unavailable_message() -> str:
    return _(
        "Vi kan inte spara just nu, hyresvärdens system svarar inte. Det du skrev finns kvar – försök igen om en stund."
    )
