"""The general errand's own question: what it is about, in words, and when it happened."""

from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.faults.forms import DESCRIPTION_MAX
from apps.faults.services.drafts import Option


class WhatForm(forms.Form):
    """The description, and a date (and, if known, a time) for each point in time the class records."""

    description = forms.CharField(
        label=_("Beskriv vad det gäller"),
        help_text=_("Till exempel vad som händer, hur ofta och var. Högst 1 000 tecken."),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Beskriv vad det gäller."),
            "max_length": _("Beskrivningen får vara högst 1 000 tecken."),
        },
    )

    def __init__(self, *args, options: list[Option], **kwargs):
        super().__init__(*args, **kwargs)
        self.points = options
        for point in options:
            self.fields[f"date_{point.value}"] = forms.DateField(
                label=_("Datum"),
                help_text=_("Till exempel 2026-11-20."),
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                error_messages={"required": _("Skriv vilket datum."), "invalid": _("Skriv datumet som 2026-11-20.")},
            )
            self.fields[f"time_{point.value}"] = forms.TimeField(
                label=_("Klockslag"),
                help_text=_("Till exempel 23:30. Lämna tomt om du inte vet."),
                required=False,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                error_messages={"invalid": _("Skriv klockslaget som 23:30.")},
            )

    def point_fields(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        """(the point's name as PM5 words it, e.g. "Inträffat"; its date field; its time field)."""
        return [(p.label, self[f"date_{p.value}"], self[f"time_{p.value}"]) for p in self.points]

    def clean(self) -> dict:
        cleaned = super().clean()
        times: dict[str, datetime] = {}
        for point in self.points:
            day = cleaned.get(f"date_{point.value}")
            if day is None:
                continue
            at = timezone.make_aware(datetime.combine(day, cleaned.get(f"time_{point.value}") or time(0, 0)))
            if at > timezone.now():
                self.add_error(f"date_{point.value}", _("Tidpunkten kan inte ligga i framtiden."))
                continue
            times[point.value] = at
        cleaned["times"] = times
        return cleaned


class ClassForm(forms.Form):
    """Which kind of general errand: the classes the backend offers (Störning, Önskemål)."""

    klass = forms.ChoiceField(
        label=_("Vad vill du göra?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj vad ärendet gäller.")},
    )

    def __init__(self, *args, options: list[Option], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["klass"].choices = [(o.value, o.label) for o in options]
