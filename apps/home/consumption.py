"""A meter's readings as consumption by month, each month next to the same month a year before."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from apps.backends.pm5.home_types import Meter

MONTHS_SHOWN = 12


@dataclass(frozen=True)
class Month:
    month: date  # the first day of the month
    consumption: Decimal
    cost: Decimal | None
    last_year: Decimal | None  # the same month a year before, when the meter has it

    @property
    def change(self) -> Decimal | None:
        return None if self.last_year is None else self.consumption - self.last_year

    @property
    def change_percent(self) -> Decimal | None:
        if self.last_year is None or self.last_year == 0:
            return None
        return ((self.consumption - self.last_year) / self.last_year * 100).quantize(Decimal("1"))


@dataclass(frozen=True)
class Consumption:
    unit: str
    months: tuple[Month, ...]  # the latest MONTHS_SHOWN months with a value, oldest first

    @property
    def total(self) -> Decimal:
        return sum((m.consumption for m in self.months), Decimal(0))

    @property
    def total_last_year(self) -> Decimal | None:
        """The same months a year before, when every one of them is known."""
        if not self.months or any(m.last_year is None for m in self.months):
            return None
        return sum((m.last_year for m in self.months if m.last_year is not None), Decimal(0))


def by_month(meter: Meter) -> Consumption:
    """Readings summed per calendar month of their period's end (a month may come in parts)."""
    used: dict[date, Decimal] = defaultdict(Decimal)
    cost: dict[date, Decimal] = {}
    unit = ""
    for reading in meter.readings:
        if reading.period_end is None or reading.consumption is None:
            continue
        month = reading.period_end.replace(day=1)
        used[month] += reading.consumption
        if reading.cost is not None:
            cost[month] = cost.get(month, Decimal(0)) + reading.cost
        unit = unit or (reading.unit or "")
    latest = sorted(used)[-MONTHS_SHOWN:]
    months = tuple(
        Month(month, used[month], cost.get(month), used.get(month.replace(year=month.year - 1))) for month in latest
    )
    return Consumption(unit=unit, months=months)
