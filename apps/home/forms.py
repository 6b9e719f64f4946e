from django import forms
from django.utils.translation import gettext_lazy as _

from apps.home.services import DECLINE, Offer


class OfferAnswerForm(forms.Form):
    """Yes or no to a one-row offer; one of the rows, or none, of an offer with several."""

    answer = forms.ChoiceField(
        label=_("Ditt svar"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj ett svar."), "invalid_choice": _("Välj ett av svaren.")},
    )

    def __init__(self, *args, offer: Offer, **kwargs):
        accepted = offer.accepted
        kwargs.setdefault("initial", {"answer": str(accepted.row_id) if accepted else None})
        super().__init__(*args, **kwargs)
        self.offer = offer
        # Labels are the template's (each row has its price as a hint); the values are what is checked here.
        field = self.fields["answer"]
        field.choices = [(str(row.row_id), row.action or "") for row in offer.choices] + [(DECLINE, "")]
        if not offer.is_yes_or_no:
            field.label = _("Välj ett alternativ")
