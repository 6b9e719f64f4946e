"""Consumption by month, the chart's geometry and the numbers as each language writes them."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from apps.backends.pm5.home_types import Meter, MeterReading
from apps.home.chart import chart
from apps.home.consumption import by_month
from apps.home.templatetags.home_format import percent, quantity, signed_quantity


def reading(day: date, used: str, cost: str | None = None) -> MeterReading:
    return MeterReading(
        consumption=Decimal(used),
        reading=None,
        unit="m³",
        period_end=day,
        read_at=None,
        cost=None if cost is None else Decimal(cost),
        unit_price=None,
        charged=False,
    )


def meter(*readings: MeterReading) -> Meter:
    return Meter(usage="Varmvatten", label="Varmvatten badrum", readings=readings)


def test_each_month_is_set_against_the_same_month_a_year_before():
    used = by_month(meter(reading(date(2025, 3, 31), "2.000"), reading(date(2026, 3, 31), "2.500", "150.00")))
    march = used.months[-1]
    assert march.month == date(2026, 3, 1)
    assert march.last_year == Decimal("2.000")
    assert march.change == Decimal("0.500")
    assert march.change_percent == Decimal("25")
    assert march.cost == Decimal("150.00")


def test_only_the_latest_twelve_months_are_shown_and_a_month_in_parts_is_summed():
    readings = [reading(date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 28), "1") for m in range(1, 25)]
    readings.append(reading(date(2026, 12, 14), "0.5"))
    used = by_month(meter(*readings))
    assert len(used.months) == 12
    assert used.months[0].month == date(2026, 1, 1)
    assert used.months[-1].consumption == Decimal("1.5")
    assert used.total == Decimal("12.5")
    assert used.total_last_year == Decimal("12")


def test_without_the_year_before_there_is_nothing_to_compare():
    used = by_month(meter(reading(date(2026, 5, 31), "3")))
    assert used.months[0].last_year is None and used.months[0].change is None
    assert used.total_last_year is None


def test_a_meter_without_readings_has_no_chart():
    assert by_month(meter()).months == ()
    assert chart(by_month(meter())) is None


def test_the_bars_scale_to_a_round_axis():
    drawn = chart(by_month(meter(reading(date(2025, 1, 31), "4"), reading(date(2026, 1, 31), "7.5"))))
    assert [t.label for t in drawn.ticks] == ["0", "2", "4", "6", "8"]
    bar = drawn.bars[-1]  # January 2026, next to January 2025
    assert bar.width == pytest.approx(308 * 7.5 / 8, abs=0.1)
    assert bar.last_year_width == pytest.approx(308 * 4 / 8, abs=0.1)


@pytest.mark.parametrize(
    ("language", "amount", "change", "share"),
    [
        ("sv", "1\xa0234,57", "\u22120,50", "+12\xa0%"),
        ("nb", "1\xa0234,57", "\u22120,50", "+12\xa0%"),
        ("en", "1,234.57", "\u22120.50", "+12%"),
    ],
)
def test_numbers_are_written_as_the_readers_language_writes_them(language, amount, change, share):
    with translation.override(language):
        assert quantity(Decimal("1234.567")) == amount
        assert signed_quantity(Decimal("-0.5")) == change
        assert percent(Decimal("12.4")) == share
