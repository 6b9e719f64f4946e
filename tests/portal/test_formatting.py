from datetime import UTC, date, datetime
from decimal import Decimal

from django.utils import translation

from portal.formatting import isodate, isodatetime, money, postcode


def test_money_is_written_as_on_a_swedish_invoice():
    with translation.override("sv"):
        assert money(Decimal("7900")) == "7\xa0900,00\xa0kr"
        assert money(Decimal("-1234.5")) == "-1\xa0234,50\xa0kr"
        assert money(0) == "0,00\xa0kr"


def test_money_follows_the_english_number_format_in_english():
    with translation.override("en"):
        assert money(Decimal("7900")).startswith("7,900.00")


def test_nothing_is_written_for_a_missing_amount():
    assert money(None) == ""


def test_dates_are_iso_8601_in_swedish_time():
    assert isodate(date(2026, 11, 23)) == "2026-11-23"
    late_evening_utc = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert isodate(late_evening_utc) == "2026-11-24"
    assert isodatetime(late_evening_utc) == "2026-11-24 00:30"


def test_a_swedish_postal_code_is_written_as_on_a_letter():
    assert postcode("80426") == "804\xa026"
    assert postcode("804 26") == "804\xa026"
    assert postcode("N-0150") == "N-0150", "a foreign code stays as it was given"
