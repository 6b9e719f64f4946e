"""Signup that links the new account to its backend customer, and allauth's other forms in our words."""

import re

from allauth.account import forms as account_forms
from allauth.core import context
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from localflavor.se.forms import SEPersonalIdentityNumberField

from apps.accounts import services

MISMATCH = _("Kundnumret och personnumret hör inte ihop. Kontrollera båda och försök igen.")
UNAVAILABLE = _("Vi kan inte kontrollera dina uppgifter just nu. Försök igen om en stund.")


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


def password_hint() -> str:
    return " ".join(str(text) for text in password_validation.password_validators_help_texts())


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


class OurWordsMixin:
    """allauth's fields with our labels and hints, and without placeholders:
    a label that vanishes as you type helps nobody."""

    labels: dict = {}
    help_texts: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.labels:
                field.label = self.labels[name]
            if name in self.help_texts:
                field.help_text = self.help_texts[name]


class LinkCustomerSignupForm(OurWordsMixin, account_forms.SignupForm):
    """A new account for an existing backend customer, proven by customer number and personnummer.

    Checked in this order: the personnummer itself, then — once everything else
    is right — the backend, and only then whether the customer already has an
    account here, so that nobody without the personnummer can learn which
    customer numbers have accounts. The personnummer goes to the backend and
    nowhere else.
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
    field_order = ["customer_number", "personnummer", "email", "password1", "password2"]
    labels = {
        "email": _("E-postadress"),
        "password1": _("Välj ett lösenord"),
        "password2": _("Skriv lösenordet igen"),
    }
    help_texts = {"email": _("Vi skickar ett mejl till adressen för att bekräfta den.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = password_hint()
        _hide_from_error_reports("personnummer")

    def clean(self):
        cleaned_data = super().clean()
        customer_number = cleaned_data.get("customer_number")
        personnummer = cleaned_data.get("personnummer")
        if not (customer_number and personnummer) or self._errors:
            return cleaned_data  # the backend is asked only once everything else is right
        try:
            belongs_together = services.verify_customer(customer_number, personnummer)
        except services.CustomerCheckUnavailable:
            raise ValidationError(UNAVAILABLE, code="unavailable") from None
        if not belongs_together:
            raise ValidationError(MISMATCH, code="mismatch")
        if services.customer_is_linked(customer_number):
            raise already_linked_error()
        return cleaned_data

    def signup(self, request, user) -> None:
        services.link_customer(user, self.cleaned_data["customer_number"])

    @transaction.atomic
    def save(self, request):
        return super().save(request)

    def try_save(self, request):
        """A concurrent signup for the same customer got there first: say so, keep the input."""
        try:
            return super().try_save(request)
        except services.CustomerAlreadyLinked:
            self.add_error(None, already_linked_error())
            return None, TemplateResponse(request, "account/signup.html", {"form": self})


# allauth's other forms, in our words.


class LoginForm(OurWordsMixin, account_forms.LoginForm):
    labels = {
        "login": _("E-postadress"),
        "password": _("Lösenord"),
        "remember": _("Kom ihåg mig på den här enheten"),
    }
    help_texts = {"password": ""}  # the page links to "Glömt lösenordet?" itself


class ReauthenticateForm(OurWordsMixin, account_forms.ReauthenticateForm):
    labels = {"password": _("Lösenord")}
    help_texts = {"password": ""}


class ResetPasswordForm(OurWordsMixin, account_forms.ResetPasswordForm):
    labels = {"email": _("E-postadress")}


class NewPasswordMixin(OurWordsMixin):
    labels = {"password1": _("Nytt lösenord"), "password2": _("Skriv det nya lösenordet igen")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = password_hint()


class ResetPasswordKeyForm(NewPasswordMixin, account_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(NewPasswordMixin, account_forms.ChangePasswordForm):
    labels = {**NewPasswordMixin.labels, "oldpassword": _("Nuvarande lösenord")}
    help_texts = {"oldpassword": ""}


class AddEmailForm(OurWordsMixin, account_forms.AddEmailForm):
    labels = {"email": _("Ny e-postadress")}


class CodeMixin(OurWordsMixin):
    """A six-digit code from the authenticator app, or a recovery code."""

    labels = {"code": _("Kod")}
    help_texts = {"code": _("Sex siffror från din autentiseringsapp, eller en av dina återställningskoder.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update({"inputmode": "numeric", "spellcheck": "false"})


class ActivateTOTPForm(CodeMixin, totp_forms.ActivateTOTPForm):
    labels = {"code": _("Kod från appen")}
    help_texts = {"code": _("De sex siffror som appen visar just nu.")}


class AuthenticateForm(CodeMixin, mfa_forms.AuthenticateForm):
    pass


class MfaReauthenticateForm(CodeMixin, mfa_forms.ReauthenticateForm):
    pass
