"""Money and dates in each language's own format; the amount is always Swedish kronor."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from portal import formatting
from portal.formatting import duration, isodate, isodatetime, machine_date, machine_moment, money, postcode

AFTERNOON_UTC = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)  # 14:05 in Stockholm
LATE_EVENING_UTC = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # already the 24th in Stockholm


def test_money_is_written_as_on_a_swedish_invoice():
    with translation.override("sv"):
        assert money(Decimal("7900")) == "7\xa0900,00\xa0kr"
        assert money(Decimal("-1234.5")) == "-1\xa0234,50\xa0kr"
        assert money(0) == "0,00\xa0kr"


def test_money_in_norwegian_puts_kr_before_the_amount():
    with translation.override("nb"):
        assert money(Decimal("7900")) == "kr\xa07\xa0900,00"
        assert money(Decimal("1234567.891")) == "kr\xa01\xa0234\xa0567,89"


def test_money_in_english_is_sek_with_the_english_number_format():
    with translation.override("en"):
        assert money(Decimal("7900")) == "SEK\xa07,900.00"
        assert money(Decimal("-1234.5")) == "SEK\xa0-1,234.50"


def test_nothing_is_written_for_a_missing_amount():
    assert money(None) == ""
    assert isodate(None) == "" and isodatetime(None) == ""


def test_dates_are_iso_8601_in_swedish_time():
    with translation.override("sv"):
        assert isodate(date(2026, 11, 23)) == "2026-11-23"
        assert isodate(LATE_EVENING_UTC) == "2026-11-24"
        assert isodatetime(LATE_EVENING_UTC) == "2026-11-24 00:30"
        assert isodatetime(AFTERNOON_UTC) == "2026-11-23 14:05"


@pytest.mark.parametrize(
    ("language", "day", "moment"),
    [
        ("nb", "23.11.2026", "23.11.2026 kl.\xa014.05"),
        ("en", "23\xa0Nov\xa02026", "23\xa0Nov\xa02026 14:05"),
    ],
)
def test_dates_follow_the_language_in_swedish_time(language, day, moment):
    with translation.override(language):
        assert isodate(date(2026, 11, 23)) == day
        assert isodate(AFTERNOON_UTC) == day
        assert isodatetime(AFTERNOON_UTC) == moment


@pytest.mark.parametrize("language", ["sv", "nb", "en"])
def test_a_machine_readable_date_stays_iso_in_every_language(language):
    # <time datetime> and <input type="date"> need ISO 8601 whatever the reader's language.
    template = Template("""<time datetime="{{ day|date:'Y-m-d' }}">{{ day|isodate }}</time>""")
    with translation.override(language):
        html = template.render(Context({"day": LATE_EVENING_UTC}))
    assert html.startswith('<time datetime="2026-11-24">')


@pytest.mark.parametrize("language", ["sv", "nb", "en"])
def test_a_date_field_is_filled_in_iso_in_every_language(language):
    from django import forms

    class Form(forms.Form):
        day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    with translation.override(language):
        form = Form(initial={"day": date(2026, 11, 23)})
        assert 'value="2026-11-23"' in str(form["day"])
        assert Form({"day": "2026-11-23"}).is_valid()


def test_a_swedish_postal_code_is_written_as_on_a_letter():
    assert postcode("80426") == "804\xa026"
    assert postcode("804 26") == "804\xa026"
    assert postcode("N-0150") == "N-0150", "a foreign code stays as it was given"


@pytest.mark.parametrize(
    ("minutes", "sv", "en"),
    [
        (45, "45 min", "45 min"),
        (60, "1 tim", "1 h"),
        (200, "3 tim 20 min", "3 h 20 min"),
        (18155, "12 dagar 14 tim", "12 days 14 h"),
        (-1440, "1 dag", "1 day"),
    ],
)
def test_a_duration_is_written_as_people_say_it(minutes, sv, en):
    with translation.override("sv"):
        assert duration(minutes).replace("\xa0", " ") == sv
    with translation.override("en"):
        assert duration(minutes).replace("\xa0", " ") == en


@pytest.mark.parametrize(
    "value", [AFTERNOON_UTC, LATE_EVENING_UTC, date(2026, 1, 2), datetime(2026, 3, 4, 23, 59), date(987, 6, 5), None]
)
def test_machine_date_writes_what_the_date_filter_writes_in_every_language(value):
    for language in ("sv", "nb", "en"):
        with translation.override(language):
            assert machine_date(value) == Template("{{ value|date:'Y-m-d' }}").render(Context({"value": value}))


def test_an_amount_or_day_written_once_is_written_anew_in_another_language_or_format(settings):
    amount, day = Decimal("4321.5"), date(2026, 2, 3)
    with translation.override("sv"):
        assert (money(amount), isodate(day)) == ("4\xa0321,50\xa0kr", "2026-02-03")
        assert money(Decimal("4321.50")) == money(amount), "equal amounts, the same text"
    with translation.override("en"):
        assert (money(amount), isodate(day)) == ("SEK\xa04,321.50", "3\xa0Feb\xa02026")
    settings.USE_THOUSAND_SEPARATOR = True  # any change of settings, as in a test: the kept texts are forgotten
    assert formatting._money.cache_info().currsize == formatting._short_date.cache_info().currsize == 0


@pytest.mark.parametrize("value", [AFTERNOON_UTC, LATE_EVENING_UTC, datetime(2026, 3, 4, 23, 59, 7, 123), None])
def test_machine_moment_writes_what_the_date_filter_writes_for_c(value):
    assert machine_moment(value) == Template("{{ value|date:'c' }}").render(Context({"value": value}))
