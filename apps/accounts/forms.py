"""Signup that links the new account to its backend customer, and allauth's other forms in our words."""

from allauth.account import forms as account_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django.contrib.auth import password_validation
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from apps.accounts.link_forms import CustomerProofMixin


def password_hint() -> str:
    return " ".join(str(text) for text in password_validation.password_validators_help_texts())


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


class LinkCustomerSignupForm(CustomerProofMixin, OurWordsMixin, account_forms.SignupForm):
    """A new account for an existing backend customer, proven by customer number and personnummer
    and then by the code sent to the landlord's contact for the customer (see CustomerProofMixin).

    The account is created unlinked with a pending link; the code page links it.
    """

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

    def try_save(self, request):
        if self.account_already_exists:
            # allauth answers as if the account were new, so the link does too: the code page,
            # bound to this signup, but no code is sent and none can match.
            self.start_link(request, None)
        return super().try_save(request)

    @transaction.atomic
    def save(self, request):
        user = super().save(request)
        self.start_link(request, user)
        return user


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
