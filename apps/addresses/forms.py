"""The temporary-address form and its rules, in the tenant's words.

The rules the landlord's system also enforces are checked here first, so the
tenant hears about them next to the field before anything is sent: a Swedish
postal code in Sweden, dates in order, no start in the past, no start moved
once the address applies, no overlap with another temporary address.
"""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from localflavor.se.forms import SEPostalCodeField

from apps.addresses.countries import COUNTRIES, SWEDEN
from apps.backends.pm5.addresses_types import TemporaryAddressInput
from apps.backends.pm5.types import TemporaryAddress
from portal.formatting import isodate
from portal.htmx_forms import check_fields_on_change

FOREIGN_POSTAL_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 -]{1,9}")
SWEDISH_POSTAL_CODE_ERROR = _("Skriv ett svenskt postnummer med fem siffror, till exempel 123 45.")

# The backend's Felkod for a refusal → the field it concerns (contract A44: the
# sandbox names the field; an overlap is about the period, so at its first day).
FIELD_OF_FELKOD = {
    "namn": "name",
    "careof": "care_of",
    "attention": "attention",
    "gatuadress1": "street",
    "gatuadress2": "street2",
    "postnummer": "postal_code",
    "postort": "city",
    "land": "country",
    "fom": "valid_from",
    "tom": "valid_to",
    "overlapp": "valid_from",
}


class DateInput(forms.DateInput):
    """The browser's date picker; the value is ISO 8601, the Swedish way of writing dates anyway."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def text(label, max_length: int, *, required: str = "", help_text="", autocomplete: str = "") -> forms.CharField:
    """A text field; ``required`` is the message for leaving it empty, when it must be filled in."""
    messages = {"max_length": _("Skriv högst %(limit_value)d tecken (du har skrivit %(show_value)d).")}
    if required:
        messages["required"] = required
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(required),
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete} if autocomplete else {}),
        error_messages=messages,
    )


class TemporaryAddressForm(forms.Form):
    name = text(
        _("Namn"),
        120,
        help_text=_("Den som posten ska ställas till. Oftast du själv."),
        autocomplete="name",
    )
    care_of = text(_("c/o"), 120, help_text=_("Om posten ska gå via någon annan, skriv hens namn."))
    attention = text(_("Att."), 120, help_text=_("Person eller avdelning som posten ska till, om det behövs."))
    street = text(_("Gatuadress"), 120, required=_("Skriv gatuadressen."), autocomplete="address-line1")
    street2 = text(_("Gatuadress, rad 2"), 120, autocomplete="address-line2")
    postal_code = text(_("Postnummer"), 10, required=_("Skriv postnumret."), autocomplete="postal-code")
    city = text(_("Ort"), 60, required=_("Skriv orten."), autocomplete="address-level2")
    country = forms.ChoiceField(
        label=_("Land"),
        choices=COUNTRIES,
        initial=SWEDEN,
        widget=forms.Select(attrs={"autocomplete": "country"}),
        error_messages={"required": _("Välj land."), "invalid_choice": _("Välj ett land i listan.")},
    )
    valid_from = forms.DateField(
        label=_("Första dag"),
        help_text=_("Från och med den dagen skickas posten hit. Skriv datumet som ÅÅÅÅ-MM-DD."),
        widget=DateInput(),
        error_messages={
            "required": _("Skriv första dagen som adressen ska gälla."),
            "invalid": _("Skriv första dagen som ett datum, till exempel 2026-12-01."),
        },
    )
    valid_to = forms.DateField(
        label=_("Sista dag"),
        help_text=_("Till och med den dagen. Sedan går posten till din vanliga adress igen."),
        widget=DateInput(),
        error_messages={
            "required": _("Skriv sista dagen som adressen ska gälla."),
            "invalid": _("Skriv sista dagen som ett datum, till exempel 2027-01-31."),
        },
    )

    def __init__(
        self,
        *args,
        today: date | None,
        others: tuple[TemporaryAddress, ...],
        original: TemporaryAddress | None = None,
        check_url: str = "",
        **kwargs,
    ):
        # today None: the tenant's addresses could not be read, so only the rules that need
        # nothing else are checked (the backend checks the rest when it is back).
        super().__init__(*args, **kwargs)
        self.today = today
        self.others = tuple(a for a in others if original is None or a.address_id != original.address_id)
        self.original = original
        if self.is_ongoing:
            self.fields["valid_from"].help_text = _("Adressen gäller redan, så första dagen kan inte ändras.")
        if check_url:
            check_fields_on_change(self, check_url)

    @property
    def is_ongoing(self) -> bool:
        return (
            self.today is not None
            and self.original is not None
            and self.original.valid_from is not None
            and self.original.valid_from <= self.today
        )

    def clean(self):
        cleaned = super().clean()
        self._clean_postal_code(cleaned)
        valid_from, valid_to = cleaned.get("valid_from"), cleaned.get("valid_to")
        if valid_from and self.today is not None:
            self._clean_start(valid_from)
        if valid_to:
            self._clean_end(valid_to, valid_from)
        if valid_from and valid_to and not self.errors.keys() & {"valid_from", "valid_to"}:
            self._clean_overlap(valid_from, valid_to)
        return cleaned

    def _clean_postal_code(self, cleaned: dict) -> None:
        code = cleaned.get("postal_code")
        if not code:
            return
        if cleaned.get("country") == SWEDEN:
            try:
                cleaned["postal_code"] = SEPostalCodeField(error_messages={"invalid": SWEDISH_POSTAL_CODE_ERROR}).clean(
                    code
                )
            except ValidationError as error:
                self.add_error("postal_code", error)
        elif FOREIGN_POSTAL_CODE.fullmatch(code) is None:
            self.add_error(
                "postal_code", _("Postnumret får bara innehålla bokstäver, siffror, mellanslag och bindestreck.")
            )

    def _clean_start(self, valid_from: date) -> None:
        if self.is_ongoing:
            if valid_from != self.original.valid_from:
                self.add_error(
                    "valid_from",
                    gettext("Adressen gäller redan, så första dagen kan inte ändras. Den är %(day)s.")
                    % {"day": isodate(self.original.valid_from)},
                )
        elif valid_from < self.today:
            self.add_error("valid_from", _("Första dagen kan inte ha passerat. Välj i dag eller ett senare datum."))

    def _clean_end(self, valid_to: date, valid_from: date | None) -> None:
        if valid_from and valid_to < valid_from:
            self.add_error("valid_to", _("Sista dagen kan inte vara före första dagen."))
        elif self.today is not None and valid_to < self.today:
            self.add_error(
                "valid_to", _("Sista dagen kan inte ha passerat. Vill du avsluta adressen nu, välj dagens datum.")
            )

    def _clean_overlap(self, valid_from: date, valid_to: date) -> None:
        for other in self.others:
            if other.valid_from is None or other.valid_to is None:
                continue
            if other.valid_from <= valid_to and valid_from <= other.valid_to:
                self.add_error(
                    "valid_from",
                    gettext(
                        "Perioden krockar med en annan tillfällig adress, %(street)s, %(start)s – %(end)s. "
                        "Välj dagar som inte överlappar den."
                    )
                    % {
                        "street": other.street or "",
                        "start": isodate(other.valid_from),
                        "end": isodate(other.valid_to),
                    },
                )
                return

    def as_input(self) -> TemporaryAddressInput:
        data = self.cleaned_data
        return TemporaryAddressInput(
            address_id=self.original.address_id if self.original else None,
            name=data["name"],
            care_of=data["care_of"],
            attention=data["attention"],
            street=data["street"],
            street2=data["street2"],
            postal_code=data["postal_code"],
            city=data["city"],
            country_code=data["country"],
            valid_from=data["valid_from"],
            valid_to=data["valid_to"],
        )

    def add_backend_refusal(self, code: str | None, message: str) -> None:
        """The backend's Felmeddelande: at the field its Felkod names, otherwise at the top."""
        field = FIELD_OF_FELKOD.get((code or "").casefold())
        self.add_error(
            field, message or gettext("Hyresvärdens system tog inte emot adressen. Kontrollera uppgifterna.")
        )


def initial_for(address: TemporaryAddress) -> dict:
    return {
        "name": address.name or "",
        "care_of": address.care_of or "",
        "attention": address.attention or "",
        "street": address.street or "",
        "street2": address.street2 or "",
        "postal_code": address.postal_code or "",
        "city": address.city or "",
        "country": address.country_code or SWEDEN,
        "valid_from": address.valid_from,
        "valid_to": address.valid_to,
    }
