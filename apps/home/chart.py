"""The geometry of a meter's consumption chart, drawn by the template as inline SVG.

Horizontal bars, one row per month: this year's value filled, the same month a
year before as an outline below it, so the two differ by shape as well as colour
(WCAG 1.4.1). Rows stack downwards, which stays readable at 320 px, where
columns side by side would not. No JavaScript and no style attribute (our CSP
has style-src 'self'): the look is classes in portal.css.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats

from apps.home.consumption import Consumption

WIDTH = 400
LABEL_WIDTH = 72  # the month names, left of the bars
RIGHT = 20
TOP = 8
ROW = 30
AXIS = 28  # the tick labels under the bars
BAR = 12
LAST_YEAR_BAR = 8
PLOT = WIDTH - LABEL_WIDTH - RIGHT
NICE_STEPS = (1, 2, 2.5, 5)
TICKS = 4


@dataclass(frozen=True)
class Bar:
    label: str
    label_y: float
    y: float
    width: float
    last_year_y: float
    last_year_width: float | None


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_left: int
    plot_bottom: int
    bar_height: int
    last_year_bar_height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]


def chart(consumption: Consumption) -> Chart | None:
    months = consumption.months
    if not months:
        return None
    largest = max(max(m.consumption, m.last_year or 0) for m in months)
    step = _nice_step(largest / TICKS if largest > 0 else Decimal(1))
    top = step * TICKS
    plot_bottom = TOP + ROW * len(months)

    def scaled(value: Decimal) -> float:
        return round(float(value / top) * PLOT, 1)

    bars = tuple(
        Bar(
            label=formats.date_format(m.month, "M Y")
            if i == 0 or m.month.month == 1
            else formats.date_format(m.month, "M"),
            label_y=TOP + ROW * i + BAR,
            y=TOP + ROW * i + 2,
            width=scaled(m.consumption),
            last_year_y=TOP + ROW * i + 2 + BAR + 2,
            last_year_width=None if m.last_year is None else scaled(m.last_year),
        )
        for i, m in enumerate(months)
    )
    ticks = tuple(
        Tick(
            x=LABEL_WIDTH + PLOT * i / TICKS, label=formats.number_format(step * i, use_l10n=True, force_grouping=True)
        )
        for i in range(TICKS + 1)
    )
    return Chart(WIDTH, plot_bottom + AXIS, LABEL_WIDTH, plot_bottom, BAR, LAST_YEAR_BAR, bars, ticks)


def _nice_step(rough: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least ``rough``."""
    power = Decimal(10) ** (rough.adjusted())
    for factor in NICE_STEPS:
        step = (Decimal(str(factor)) * power).normalize()
        if step >= rough:
            return step
    return (10 * power).normalize()
