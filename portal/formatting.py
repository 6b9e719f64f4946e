"""Template filters for money and dates, loaded into every template (TEMPLATES builtins).

Each filter writes in the active language's format, defined in
portal/formats/<lang>/formats.py (FORMAT_MODULE_PATH):

    Swedish    2026-11-23   2026-11-23 14:05         7 900,00 kr
    Norwegian  23.11.2026   23.11.2026 kl. 14.05     kr 7 900,00
    English    23 Nov 2026  23 Nov 2026 14:05        SEK 7,900.00

The names isodate and isodatetime date from when the portal was Swedish only, and
Swedish dates are ISO 8601; they now mean "the language's date" and are for
reading. For machines (<time datetime>, <input type="date"> values) use
`|date:"Y-m-d"`, which is ISO in every language. The spaces inside an amount or
a date are non-breaking, so neither wraps.
"""

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, ngettext

register = template.Library()

SWEDISH_MONEY = "{amount}\xa0kr"


# Amounts and days written, kept per language: a list of invoices writes the same rent and the same
# due days over and over, and Django's number_format() looks its formats up anew every time.
WRITTEN_KEPT = 4096


@register.filter
def money(value: Decimal | int | None) -> str:
    if value is None or value == "":
        return ""
    return _money(get_language(), Decimal(value))


@lru_cache(maxsize=WRITTEN_KEPT)
def _money(language: str | None, amount: Decimal) -> str:
    # Equal amounts (1900, 1900.00) are one entry; two decimals are written either way.
    written = formats.number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    return _money_format().format(amount=written)


def _money_format() -> str:
    # Django's get_format() only knows its own setting names, so our MONEY_FORMAT
    # is looked up in the same format modules it uses, ours first.
    for module in formats.get_format_modules():
        if pattern := getattr(module, "MONEY_FORMAT", None):
            return pattern
    return SWEDISH_MONEY


@register.filter
def isodate(value: date | datetime | None) -> str:
    """The date in the active language's short format, in Swedish time."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return _short_date(get_language(), value)


@lru_cache(maxsize=WRITTEN_KEPT)
def _short_date(language: str | None, day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


@receiver(setting_changed)
def _forget_written(**kwargs) -> None:
    """A test that changes the formats' settings sees them at once, as Django's own format cache does."""
    _money.cache_clear()
    _short_date.cache_clear()


def machine_date(value: date | datetime | None) -> str:
    """What ``|date:"Y-m-d"`` writes, for a <time datetime> in a row written in Python: the day in Swedish time."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def machine_moment(value: datetime | None) -> str:
    """What ``|date:"c"`` writes (ISO 8601 in Swedish time), for a row written in Python."""
    if value is None or value == "":
        return ""
    return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat()


@register.filter
def isodatetime(value: datetime | None) -> str:
    """The date and time in the active language's short format, in Swedish time."""
    if value is None or value == "":
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "SHORT_DATETIME_FORMAT")


@register.filter
def postcode(value: str | None) -> str:
    """A Swedish postal code as written on a letter: 804 26."""
    if not value:
        return ""
    digits = value.replace(" ", "")
    if len(digits) == 5 and digits.isdigit():
        return f"{digits[:3]}\xa0{digits[3:]}"
    return value


@register.filter
def duration(minutes: int | None) -> str:
    """A span of minutes as people say it: "12 dagar 14 tim", "3 tim 20 min", "45 min".

    Days drop the minutes and hours drop nothing: the larger the span, the less its
    last unit matters. A negative span is written as its size (the caller says "over").
    """
    if minutes is None or minutes == "":
        return ""
    days, rest = divmod(abs(int(minutes)), 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        text = ngettext("%(days)d dag", "%(days)d dagar", days) % {"days": days}
        return f"{text}\xa0{_hours(hours)}" if hours else text
    if hours:
        return f"{_hours(hours)}\xa0{_minutes(mins)}" if mins else _hours(hours)
    return _minutes(mins)


def _hours(hours: int) -> str:
    return gettext("%(hours)d tim") % {"hours": hours}


def _minutes(minutes: int) -> str:
    return gettext("%(minutes)d min") % {"minutes": minutes}
