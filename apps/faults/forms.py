"""One form per wizard step. Choices come from the backend, as the draft keeps them: ``options``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.faults.services.drafts import Option

DESCRIPTION_MAX = 1000
NOTE_MAX = 200
PLACE_IN_WORDS_MAX = 300


def _choices(options: list[Option]) -> list[tuple[str, str]]:
    return [(o.value, o.label) for o in options]


class ObjectForm(forms.Form):
    object = forms.ChoiceField(
        label=_("Var finns felet?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj var felet finns.")},
    )

    def __init__(self, *args, options: list[Option], label: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["object"].choices = _choices(options)
        if label:  # a general errand asks it in its own words
            self.fields["object"].label = label


class PlaceForm(forms.Form):
    """One level of the node walk; or, where PM5 is down and this part was never fetched (no ``options``), words."""

    node = forms.ChoiceField(widget=forms.RadioSelect, error_messages={"required": _("Välj ett alternativ.")})
    where = forms.CharField(
        label=_("Beskriv var felet finns"),
        help_text=_("Till exempel ”badrummet, handfatet” eller ”tvättstugan, maskin 2”. Högst 300 tecken."),
        max_length=PLACE_IN_WORDS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Beskriv var felet finns."),
            "max_length": _("Texten får vara högst 300 tecken."),
        },
    )

    def __init__(self, *args, options: list[Option] | None, label: str, **kwargs):
        super().__init__(*args, **kwargs)
        if options is None:
            del self.fields["node"]
            return
        del self.fields["where"]
        self.fields["node"].choices = _choices(options)
        self.fields["node"].label = label


class FaultForm(forms.Form):
    fault_type = forms.ChoiceField(
        label=_("Vilket stämmer bäst?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj vad det är för fel.")},
    )
    description = forms.CharField(
        label=_("Beskriv felet"),
        help_text=_("Till exempel när det började och hur det märks. Högst 1 000 tecken."),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Beskriv felet."),
            "max_length": _("Beskrivningen får vara högst 1 000 tecken."),
        },
    )

    def __init__(self, *args, options: list[Option], **kwargs):
        super().__init__(*args, **kwargs)
        if options:
            self.fields["fault_type"].choices = _choices(options)
        else:  # the backend offers no fault types for this place: the description says it all
            del self.fields["fault_type"]


class AccessForm(forms.Form):
    key_handling = forms.ChoiceField(
        label=_("Hur kommer hantverkaren in?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj hur hantverkaren kommer in.")},
    )
    key_note = forms.CharField(
        label=_("Något mer om tillträdet (valfritt)"),
        help_text=_("Till exempel när du är hemma. Högst 200 tecken."),
        max_length=NOTE_MAX,
        required=False,
        error_messages={"max_length": _("Texten får vara högst 200 tecken.")},
    )
    has_pets = forms.TypedChoiceField(
        label=_("Finns det husdjur hemma?"),
        choices=[("yes", _("Ja")), ("no", _("Nej"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Svara om det finns husdjur hemma.")},
    )
    pets = forms.CharField(
        label=_("Vilka husdjur?"),
        help_text=_("Till exempel ”katt” eller ”stor hund”. Högst 200 tecken."),
        max_length=NOTE_MAX,
        required=False,
        error_messages={"max_length": _("Texten får vara högst 200 tecken.")},
    )

    def __init__(self, *args, options: list[Option], **kwargs):
        super().__init__(*args, **kwargs)
        if options:
            self.fields["key_handling"].choices = _choices(options)
        else:  # PM5 is down and offered no ways in before: the note says how
            del self.fields["key_handling"]

    def clean(self):
        data = super().clean()
        if data.get("has_pets") and not data.get("pets", "").strip():
            self.add_error("pets", _("Skriv vilka husdjur det finns hemma."))
        return data


class ContactForm(forms.Form):
    contact = forms.ChoiceField(
        label=_("Kontaktperson"),
        choices=[("customer", _("Mig")), ("other", _("Någon annan"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj vem som ska kontaktas.")},
    )
    first_name = forms.CharField(label=_("Förnamn"), max_length=60, required=False)
    last_name = forms.CharField(label=_("Efternamn"), max_length=60, required=False)
    phone = forms.CharField(
        label=_("Telefonnummer"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("E-postadress (valfritt)"),
        required=False,
        error_messages={"invalid": _("Skriv en e-postadress som namn@exempel.se.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("contact") == "other":
            required = {
                "first_name": _("Skriv förnamnet på den vi ska kontakta."),
                "last_name": _("Skriv efternamnet på den vi ska kontakta."),
                "phone": _("Skriv ett telefonnummer till den vi ska kontakta."),
            }
            for field, message in required.items():
                if not data.get(field, "").strip():
                    self.add_error(field, message)
            phone = data.get("phone", "")
            if phone and sum(c.isdigit() for c in phone) < 6:
                self.add_error("phone", _("Skriv ett telefonnummer med riktnummer, till exempel 070-123 45 67."))
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation shows."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/heic,image/heif"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)) and data:
            return [single(item, initial) for item in data]
        cleaned = single(data or None, initial)  # nothing chosen: "required" speaks
        return [cleaned] if cleaned else []


class PhotoForm(forms.Form):
    photos = MultipleFileField(
        label=_("Lägg till bilder"),
        help_text=_("Högst 5 bilder, högst 10 MB var. JPEG, PNG eller HEIC (som iPhone tar)."),
        required=True,
        error_messages={"required": _("Välj en bild att lägga till."), "empty": _("Filen är tom.")},
    )
