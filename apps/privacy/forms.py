from django import forms
from django.utils.translation import gettext_lazy as _

DELIVER = "deliver"
DISCARD = "discard"


class DeleteAccountForm(forms.Form):
    """The confirmation; with reports still in the outbox, the tenant says what becomes of them."""

    queued = forms.ChoiceField(
        label=_("Vad ska vi göra med dem?"),
        choices=[
            (DELIVER, _("Skicka dem till hyresvärden ändå")),
            (DISCARD, _("Släng dem, de ska inte skickas")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj om felanmälningarna ska skickas eller slängas.")},
    )

    def __init__(self, *args, undelivered: int, **kwargs):
        super().__init__(*args, **kwargs)
        if not undelivered:
            del self.fields["queued"]

    @property
    def deliver_queued(self) -> bool:
        return self.cleaned_data.get("queued") == DELIVER
