"""Meter values as the reader's language writes them: 1 234,57 in Swedish, 1,234.57 in English."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils import formats
from django.utils.translation import get_language

register = template.Library()

# Swedish and Norwegian set a (non-breaking) space before the per cent sign; English does not.
SPACED_PERCENT = "{number}\xa0%"
PERCENT_FORMATS = {"en": "{number}%"}
MINUS = "\u2212"  # a real minus sign, which screen readers read as "minus"


@register.filter
def quantity(value: Decimal | None, decimals: int = 2) -> str:
    if value is None or value == "":
        return ""
    # Rounded here: Django's number_format cuts the decimals it does not show.
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = formats.number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    return text.replace("-", MINUS)


@register.filter
def signed_quantity(value: Decimal | None) -> str:
    """A change: +0,42 or −1,05; zero without a sign."""
    if value is None or value == "":
        return ""
    return _signed(Decimal(value), 2)


@register.filter
def percent(value: Decimal | None) -> str:
    """A signed whole percentage, spaced as the language spaces it ("+12 %" in Swedish, "+12%" in English)."""
    if value is None or value == "":
        return ""
    language = (get_language() or "sv").split("-")[0]
    return PERCENT_FORMATS.get(language, SPACED_PERCENT).format(number=_signed(Decimal(value), 0))


def _signed(value: Decimal, decimals: int) -> str:
    text = quantity(abs(value), decimals)
    if value > 0:
        return "+" + text
    if value < 0:
        return MINUS + text
    return text
