from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from apps.kobo.rules import Window


class NoticeForm(forms.Form):
    """The last day of the lease: at the earliest the rule's date, never in the past, never after a fixed end."""

    end_date = forms.DateField(
        label=_("Sista dag för hyresavtalet"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Välj hyresavtalets sista dag."), "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )

    def __init__(self, *args, window: Window, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.window = window
        self.today = today
        field = self.fields["end_date"]
        field.help_text = _("Tidigast %(date)s. Du kan välja en senare dag.") % {"date": _day(window.earliest)}
        field.widget.attrs["min"] = window.earliest.isoformat()
        if window.latest:
            field.widget.attrs["max"] = window.latest.isoformat()
        if not self.is_bound and "end_date" not in self.initial:
            self.initial["end_date"] = window.earliest

    def clean_end_date(self) -> date:
        chosen = self.cleaned_data["end_date"]
        if chosen < self.today:
            raise forms.ValidationError(
                _("Dagen har redan varit. Välj en dag från och med %(date)s."),
                params={"date": _day(self.window.earliest)},
            )
        if chosen < self.window.earliest:
            raise forms.ValidationError(
                _("Uppsägningstiden räcker inte. Välj %(date)s eller senare."),
                params={"date": _day(self.window.earliest)},
            )
        if self.window.latest and chosen > self.window.latest:
            raise forms.ValidationError(
                _("Hyresavtalet upphör senast %(date)s. Välj en dag till och med den."),
                params={"date": _day(self.window.latest)},
            )
        return chosen

    def refused(self, reason: str) -> None:
        """Kobo's reason, next to the field, the tenant's date kept."""
        if reason:
            message = _("Kobo tog inte emot uppsägningen: %(reason)s") % {"reason": reason}
        else:
            message = _("Kobo tog inte emot uppsägningen. Kontakta hyresvärden.")
        self.add_error("end_date", message)


def _day(value: date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")
