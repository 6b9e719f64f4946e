"""The forms that link an account to its customer: the proof at signup (or again later), and the code."""

import re

from allauth.core import context
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from localflavor.se.forms import SEPersonalIdentityNumberField

from apps.accounts import linking
from apps.accounts.linking import LinkRefused, Outcome

MISMATCH = _("Kundnumret och personnumret hör inte ihop. Kontrollera båda och försök igen.")
UNAVAILABLE = _("Vi kan inte kontrollera dina uppgifter just nu. Försök igen om en stund.")
LIMITED = _("Det har gjorts för många försök att koppla ett konto. Vänta en timme och försök igen.")
NO_CONTACT = _(
    "Din hyresvärd har ingen e-postadress eller mobiltelefon till dig som vi kan skicka en kod till. "
    "Kontakta din hyresvärd och be dem lägga till en, och försök sedan igen."
)


def already_linked_error() -> ValidationError:
    message = format_html(
        gettext(
            "Det finns redan ett konto för det här kundnumret. "
            '<a href="{login_url}">Logga in</a> eller <a href="{reset_url}">återställ ditt lösenord</a>.'
        ),
        login_url=reverse("account_login"),
        reset_url=reverse("account_reset_password"),
    )
    return ValidationError(message, code="already_linked")


def refusal_error(outcome: str) -> ValidationError:
    if outcome == Outcome.ALREADY_LINKED:
        return already_linked_error()
    message = {Outcome.LIMITED: LIMITED, Outcome.UNAVAILABLE: UNAVAILABLE, Outcome.NO_CONTACT: NO_CONTACT}
    return ValidationError(message.get(outcome, MISMATCH), code=outcome)


def _hide_from_error_reports(field_name: str) -> None:
    """Keep a POSTed value out of Django's error reports, next to the passwords allauth hides."""
    request = context.request
    if request is None:
        return
    hidden = getattr(request, "sensitive_post_parameters", ())
    if hidden != "__ALL__":
        request.sensitive_post_parameters = (*hidden, field_name)


class DropsSpacesMixin:
    """Drops the spaces people type between groups of digits."""

    def to_python(self, value):
        return re.sub(r"\s+", "", super().to_python(value))


class CustomerNumberField(DropsSpacesMixin, forms.CharField):
    default_validators = [RegexValidator(r"^\d+$", message=_("Kundnumret får bara innehålla siffror."))]


class PersonnummerField(DropsSpacesMixin, SEPersonalIdentityNumberField):
    """ÅÅÅÅMMDD-XXXX or ÅÅMMDD-XXXX, with or without dash or plus; cleaned to 12 digits.

    localflavor checks the Luhn checksum and that the date exists.
    """


class CustomerProofMixin(forms.Form):
    """Customer number and personnummer, checked by the backend; then a code goes to the landlord's contact.

    Checked in this order: the personnummer itself, then — once everything else
    is right — the limits and the backend, and only then whether the customer
    already has an account here, so that nobody without the personnummer can
    learn which customer numbers have accounts. The personnummer goes to the
    backend (and, keyed-hashed, to the audit) and nowhere else.
    """

    customer_number = CustomerNumberField(
        label=_("Kundnummer"),
        help_text=_("Kundnumret står på din hyresavi."),
        max_length=32,
        error_messages={
            "required": _("Skriv ditt kundnummer."),
            "max_length": _("Kundnumret får vara högst 32 siffror."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}),
    )
    personnummer = PersonnummerField(
        label=_("Personnummer"),
        help_text=_("12 siffror, ÅÅÅÅMMDD-XXXX."),
        error_messages={
            "required": _("Skriv ditt personnummer."),
            "invalid": _("Personnumret är inte giltigt. Skriv det som ÅÅÅÅMMDD-XXXX."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}),
    )
    user_to_link = None  # the signed-in account asking again; None at signup

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.contact = None
        _hide_from_error_reports("personnummer")

    def clean(self):
        cleaned_data = super().clean()
        customer_number = cleaned_data.get("customer_number")
        personnummer = cleaned_data.get("personnummer")
        if not (customer_number and personnummer) or self._errors:
            return cleaned_data  # the backend is asked only once everything else is right
        try:
            self.contact = linking.check_customer(context.request, customer_number, personnummer, self.user_to_link)
        except LinkRefused as refused:
            raise refusal_error(refused.outcome) from None
        return cleaned_data

    def start_link(self, request, user):
        return linking.start(
            request,
            user=user,
            customer_number=self.cleaned_data["customer_number"],
            personnummer=self.cleaned_data["personnummer"],
            contact=self.contact,
        )


class LinkCustomerForm(CustomerProofMixin):
    """For a signed-in account whose code expired or was locked: prove it again for a new code."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user_to_link = user


class CodeField(DropsSpacesMixin, forms.CharField):
    pass


class LinkCodeForm(forms.Form):
    code = CodeField(
        label=_("Kod"),
        help_text=_("Sex siffror."),
        error_messages={"required": _("Skriv koden.")},
        validators=[RegexValidator(r"^\d{6}$", message=_("Koden är sex siffror."))],
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "spellcheck": "false", "maxlength": 12}
        ),
    )
