"""The page that completes a link: the code sent to the landlord's contact, or a new one.

A plain form POST, with htmx or without. Reached right after signup (the pending
link is bound to the signup's session) and by a signed-in account that has no
customer yet (customer_required sends it here).
"""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from apps.accounts import linking
from apps.accounts.link_forms import LinkCodeForm, LinkCustomerForm, already_linked_error
from apps.accounts.linking import CodeResult

MINUTES = int(linking.CODE_VALID_FOR.total_seconds() // 60)


@never_cache
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_authenticated and hasattr(user, "customer_link"):
        return redirect("customer:overview")
    pending = linking.current_pending(request)
    code_form = LinkCodeForm()
    start_form = LinkCustomerForm(user=user) if user.is_authenticated else None
    posted = None
    if request.method == "POST" and "check_code" in request.POST:
        posted = code_form = LinkCodeForm(request.POST)
        if code_form.is_valid():
            if pending is None:
                code_form.add_error(
                    None, gettext("Det finns ingen kod att skriva in här. Börja med att skapa ett konto.")
                )
            else:
                answer = linking.enter_code(request, pending, code_form.cleaned_data["code"])
                if answer.result is CodeResult.LINKED:
                    return _linked(request, pending.customer_number)
                code_form.add_error("code", _code_error(answer))
                pending.refresh_from_db()
    elif request.method == "POST" and "new_code" in request.POST and start_form is not None:
        posted = start_form = LinkCustomerForm(request.POST, user=user)
        if start_form.is_valid():
            with transaction.atomic():
                start_form.start_link(request, user)
            return redirect("accounts:link")
    context = {
        "pending": pending,
        "live": linking.is_live(pending),
        "code_form": code_form,
        "start_form": start_form,
        "form": posted,  # the error summary's
        "minutes": MINUTES,
    }
    return render(request, "accounts/link.html", context)


def _linked(request: HttpRequest, customer_number: str) -> HttpResponse:
    text = gettext("Ditt konto är kopplat till kundnummer %(number)s.") % {"number": customer_number}
    if request.user.is_authenticated:
        messages.success(request, text)
        return redirect("customer:overview")
    messages.success(request, text + " " + gettext("Bekräfta nu din e-postadress, så kan du logga in."))
    return redirect("account_email_verification_sent")


def _code_error(answer: linking.CodeAnswer):
    if answer.result is CodeResult.WRONG:
        return ngettext(
            "Koden stämmer inte. Du kan försöka %(tries)s gång till.",
            "Koden stämmer inte. Du kan försöka %(tries)s gånger till.",
            answer.tries_left,
        ) % {"tries": answer.tries_left}
    if answer.result is CodeResult.ALREADY_LINKED:
        return already_linked_error()
    return {
        CodeResult.LOCKED: gettext("Du har skrivit fel kod för många gånger, så koden går inte att använda längre."),
        CodeResult.EXPIRED: gettext("Koden har gått ut. En kod gäller i %(minutes)s minuter.") % {"minutes": MINUTES},
        CodeResult.USED: gettext("Koden är redan använd."),
    }[answer.result]
