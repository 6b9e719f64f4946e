from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.backends.errors import BackendError, BackendRefused, BackendSessionExpired
from apps.contacts import services
from apps.contacts.decorators import password_confirmed
from apps.contacts.forms import ContactDetailsForm
from apps.customer.decorators import customer_required
from apps.customer.kept_responses import kept_response
from apps.customer.services import page_key
from portal.htmx_forms import field_to_check, focus_first_field, is_field_check
from portal.unavailable import unavailable, unavailable_page

PAGE = "contacts/details.html"
EDIT = "contacts/edit.html"
CONFIRM = "contacts/confirm.html"
NOTHING_KNOWN = services.ContactDetails(email="", phone="", mobile="")
# How a link that cannot be used is answered: broken is a bad request, the others are gone.
LINK_STATUS = {
    services.LinkProblem.BROKEN: 400,
    services.LinkProblem.EXPIRED: 410,
    services.LinkProblem.USED: 410,
    services.LinkProblem.REPLACED: 410,
}


@require_GET
@customer_required
@unavailable_page(PAGE, {"unavailable": True})
def details(request: HttpRequest) -> HttpResponse:
    session = request.customer.data()
    context = _context(request, details=SimpleLazyObject(lambda: services.current_details(session)))
    pending, login_email = context["pending"], context["login_email"]
    # Whatever the kept parts show besides the session data ({% kept %}); the pending change's form is outside them.
    pending_key = (pending.email, pending.created_at.isoformat()) if pending else ("", "")
    context["kept_key"] = page_key(session, timezone.localdate(), *pending_key, login_email)
    return kept_response(request, PAGE, context)


@require_http_methods(["GET", "POST"])
@customer_required
@password_confirmed
def edit(request: HttpRequest) -> HttpResponse:
    """The form (in place with htmx), a per-field check, or the save; the password comes first."""
    try:
        current = services.current_details(request.customer.data())
    except BackendError:
        if request.method == "GET":
            return unavailable(request, EDIT, {"unavailable": True})
        current = None
    form = ContactDetailsForm(
        request.POST if request.method == "POST" else None,
        current=current or NOTHING_KNOWN,
        check_url=reverse("contacts:edit"),
    )

    field = field_to_check(request, form)
    if field:
        form.is_valid()
        return render(request, EDIT + "#field", {"field": form[field]})
    if is_field_check(request):
        return HttpResponseBadRequest()

    if request.method == "GET":
        if request.htmx:
            focus_first_field(form)
            return render(request, EDIT + "#form", _context(request, form=form))
        return render(request, EDIT, _context(request, form=form))

    outcome, status = _try_to_save(request, form, saving_possible=current is not None)
    if outcome is not None:
        _tell_outcome(request, outcome)
        return redirect("contacts:details")
    return render(request, EDIT, _context(request, form=form), status=status)


def _try_to_save(
    request: HttpRequest, form: ContactDetailsForm, *, saving_possible: bool
) -> tuple[services.Outcome | None, int]:
    """Save the details: the outcome when saved, otherwise None and the status to show the form with."""
    if not saving_possible:
        form.is_valid()  # shows what is wrong with the input as well
        form.add_error(None, _unavailable_message())
        return None, 503
    if not form.is_valid():
        return None, 200
    try:
        return services.save(request, form.changed_now(), form.new_email), 200
    except services.TooManyEmailChanges:
        form.add_error(
            "email",
            _(
                "Du har bett om för många ändringar av e-postadressen på kort tid, så vi skickar ingen ny länk just "
                "nu. Ingenting är sparat och det du skrev finns kvar – försök igen om en stund."
            ),
        )
        return None, 429
    except BackendSessionExpired:  # still refused after a new key: the backend is not itself
        form.add_error(None, _unavailable_message())
        return None, 503
    except BackendRefused as refusal:
        form.add_backend_refusal(refusal.code, refusal.message)
        return None, 200
    except BackendError:
        form.add_error(None, _unavailable_message())
        return None, 503


@require_POST
@customer_required
def cancel_email_change(request: HttpRequest) -> HttpResponse:
    if services.cancel_pending(request.user):
        messages.info(request, _("Ändringen av e-postadressen är avbruten. Länken vi skickade fungerar inte längre."))
    return redirect("contacts:details")


@require_http_methods(["GET", "POST"])
@customer_required
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail. GET asks (so a mail scanner opening links changes nothing), POST confirms."""
    try:
        change = services.change_for_link(token, request.user, request.customer.customer_number)
    except services.NotYours:
        raise Http404("No such e-mail change") from None
    except services.LinkError as error:
        return _link_problem(request, error.problem)

    if request.method == "POST":
        try:
            services.confirm(request, change)
        except services.LinkError as error:
            return _link_problem(request, error.problem)
        except BackendSessionExpired:
            return unavailable(request, CONFIRM, {"change": change, "unavailable": True})
        except BackendRefused as refusal:
            return render(request, CONFIRM, {"change": change, "refused": refusal.message}, status=400)
        except BackendError:
            return unavailable(request, CONFIRM, {"change": change, "unavailable": True})
        messages.success(
            request,
            _("Klart! Hyresvärden har nu %(email)s som din e-postadress.") % {"email": change.email},
        )
        return redirect("contacts:details")
    return render(request, CONFIRM, {"change": change})


def _context(request: HttpRequest, **extra) -> dict:
    return {"pending": services.pending_change(request.user), "login_email": request.user.email, **extra}


def _link_problem(request: HttpRequest, problem: services.LinkProblem) -> HttpResponse:
    return render(request, CONFIRM, {"problem": problem.value}, status=LINK_STATUS[problem])


def _tell_outcome(request: HttpRequest, outcome: services.Outcome) -> None:
    if outcome.saved:
        messages.success(request, _("Dina kontaktuppgifter är sparade."))
    if outcome.link_sent_to:
        messages.info(
            request,
            _(
                "Vi har skickat en länk till %(email)s. Klicka på den inom %(hours)d timmar för att bekräfta "
                "adressen. Tills dess använder hyresvärden din nuvarande e-postadress."
            )
            % {"email": outcome.link_sent_to, "hours": services.LINK_MAX_AGE.total_seconds() // 3600},
        )
    if not outcome.saved and not outcome.link_sent_to:
        messages.info(request, _("Du ändrade ingenting, så inget har sparats."))


def _unavailable_message() -> str:
    return _(
        "Vi kan inte spara just nu, hyresvärdens system svarar inte. Det du skrev finns kvar – försök igen om en stund."
    )
