"""The contact-details form: an e-mail address and two phone numbers, checked and tidied.

Phone numbers are read with Google's libphonenumber (the `phonenumbers` package):
Swedish unless they start with + or 00, and stored the way people write them
(070-123 45 67 for Swedish numbers, +47 41 23 45 67 for others). A value the
tenant leaves as it was is kept as the landlord has it, even if it would not
pass today's check, so an old number never blocks changing another detail.
"""

import phonenumbers
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from apps.contacts.services import ContactDetails
from portal.htmx_forms import check_fields_on_change

DEFAULT_REGION = "SE"

# The backend's Felkod for a refusal → the field it concerns (the wire names of Ändra kontaktuppgift).
FIELD_OF_FELKOD = {"epost": "email", "telefonnummer": "phone", "mobiltelefonnummer": "mobile"}


class TelInput(forms.TextInput):
    input_type = "tel"


class PhoneNumberField(forms.CharField):
    default_error_messages = {
        "invalid": _(
            "Skriv ett telefonnummer som går att ringa, till exempel 070-123 45 67, "
            "eller med landsnummer, till exempel +47 41 23 45 67."
        ),
        "not_mobile": _("Det här ser ut som ett fast telefonnummer. Skriv det under Telefon hem."),
    }

    def __init__(self, *, mobile: bool = False, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", TelInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))
        super().__init__(**kwargs)
        self.mobile = mobile
        self.unchanged = ""  # the landlord's current value, accepted as it is

    def clean(self, value):
        value = self.to_python(value).strip()
        if not value or value == self.unchanged:
            return value
        self.run_validators(value)
        try:
            number = phonenumbers.parse(value, DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if self.mobile and phonenumbers.number_type(number) == PhoneNumberType.FIXED_LINE:
            raise forms.ValidationError(self.error_messages["not_mobile"], code="not_mobile")
        return normalise(number)


def normalise(number: phonenumbers.PhoneNumber) -> str:
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


class ContactDetailsForm(forms.Form):
    email = forms.EmailField(
        label=_("E-postadress"),
        required=False,
        max_length=254,
        help_text=_(
            "Hit skickar hyresvärden e-post till dig. Ändrar du den skickar vi en länk till den nya adressen, "
            "och ändringen gäller först när du har klickat på länken."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "invalid": _("Skriv e-postadressen som namn@exempel.se."),
            "max_length": _("E-postadressen får vara högst %(limit_value)d tecken."),
        },
    )
    phone = PhoneNumberField(label=_("Telefon hem"), help_text=_("Lämna tomt om du inte har någon."))
    mobile = PhoneNumberField(
        label=_("Mobilnummer"),
        mobile=True,
        help_text=_("Lämna tomt om du inte har någon. Utländska nummer skriver du med landsnummer, till exempel +47."),
    )

    def __init__(self, *args, current: ContactDetails, check_url: str = "", **kwargs):
        kwargs.setdefault("initial", {"email": current.email, "phone": current.phone, "mobile": current.mobile})
        super().__init__(*args, **kwargs)
        self.current = current
        self.fields["phone"].unchanged = current.phone
        self.fields["mobile"].unchanged = current.mobile
        if check_url:
            check_fields_on_change(self, check_url)

    @property
    def email_changed(self) -> bool:
        return self.cleaned_data["email"].casefold() != self.current.email.casefold()

    @property
    def new_email(self) -> str | None:
        """The new address that needs its link followed first; None if there is none."""
        return self.cleaned_data["email"] if self.email_changed and self.cleaned_data["email"] else None

    def changed_now(self) -> dict[str, str]:
        """What goes to the landlord at once: the phone numbers, and an e-mail address being removed."""
        changes = {
            name: self.cleaned_data[name]
            for name in ("phone", "mobile")
            if self.cleaned_data[name] != getattr(self.current, name)
        }
        if self.email_changed and not self.cleaned_data["email"]:
            changes["email"] = ""
        return changes

    def add_backend_refusal(self, code: str | None, message: str) -> None:
        """The backend's Felmeddelande: at the field its Felkod names, otherwise at the top."""
        field = FIELD_OF_FELKOD.get((code or "").casefold())
        self.add_error(
            field, message or gettext("Hyresvärdens system tog inte emot ändringen. Kontrollera uppgifterna.")
        )
