from django import forms
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from apps.invoices.services import DEFAULT_MONTHS, MONTHS


class PeriodForm(forms.Form):
    """How many months back the invoice list reaches: ?manader=12, 24 or 36 (the page offers them as links)."""

    manader = forms.TypedChoiceField(
        label=_("Antal månader"),
        choices=[(months, str(months)) for months in MONTHS],
        coerce=int,
        empty_value=DEFAULT_MONTHS,
        required=False,
    )


def months_from(query: QueryDict) -> int:
    """The months asked for; anything else (a typo, a tampered link) gets the default list."""
    form = PeriodForm(query)
    return form.cleaned_data["manader"] if form.is_valid() else DEFAULT_MONTHS


def months_query(months: int) -> str:
    """The query that keeps a list's months in a link to a notice (none for the default list)."""
    return "" if months == DEFAULT_MONTHS else "?" + urlencode({"manader": months})
