"""Calendar arithmetic shared by the facades and the demo data."""

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def last_weekday_of_month(day: date) -> date:
    """Rent falls due on the month's last weekday, so a weekend never makes it late."""
    end = month_end(day)
    while end.weekday() >= 5:
        end -= timedelta(days=1)
    return end
