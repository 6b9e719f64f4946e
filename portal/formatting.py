"""Template filters for money and dates, loaded into every template (TEMPLATES builtins).

Money as on a Swedish paper invoice: 7 900,00 kr (non-breaking spaces, so an
amount never wraps); dates as ISO 8601, the Swedish way: 2026-11-23.
"""

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext

register = template.Library()


@register.filter
def money(value: Decimal | int | None) -> str:
    if value is None or value == "":
        return ""
    amount = formats.number_format(Decimal(value), decimal_pos=2, use_l10n=True, force_grouping=True)
    # Translators: the currency after an amount, e.g. "7 900,00 kr".
    return f"{amount}\xa0{gettext('kr')}"


@register.filter
def isodate(value: date | datetime | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%Y-%m-%d")
    return value.isoformat()


@register.filter
def isodatetime(value: datetime | None) -> str:
    if value is None or value == "":
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d %H:%M")


@register.filter
def postcode(value: str | None) -> str:
    """A Swedish postal code as written on a letter: 804 26."""
    if not value:
        return ""
    digits = value.replace(" ", "")
    if len(digits) == 5 and digits.isdigit():
        return f"{digits[:3]}\xa0{digits[3:]}"
    return value
