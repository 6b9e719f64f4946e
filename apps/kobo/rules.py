"""When a lease can end at the earliest: Norway's husleieloven § 9-6, unless the lease says otherwise.

Husleieloven (LOV-1999-03-26-17) § 9-6 first paragraph: "Oppsigelsesfristen er tre
måneder regnet fra utgangen av måneden oppsigelsen fant sted, med mindre annet er
avtalt." So notice given on 3 December with three months' notice ends the lease on
31 March at the earliest. A lease's own period (Kobo's oppsigelsestid: MND1, MND3,
or ANNET with the period in words) replaces the three months and is counted the
same way, from the end of the month the notice is received.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from apps.backends.kobo import Lease, NoticePeriod

LAW_MONTHS = 3
# "6 uker", "2 måneder", "1 mnd": the periods Kobo's free text (annenOppsigelsestid) can be read as.
IN_WORDS = re.compile(r"^\s*(\d{1,2})\s*(uke|uker|veke|veker|måned|måneder|mnd|månad|månader)\.?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    months: int = 0
    weeks: int = 0
    by_law: bool = False  # the lease says nothing of its own: husleieloven's three months


def period_of(lease: Lease) -> Period | None:
    """The lease's notice period; None when it is in words the portal cannot count (ask the landlord)."""
    if lease.notice_period is None:
        return Period(months=LAW_MONTHS, by_law=True)
    if lease.notice_period is NoticePeriod.ONE_MONTH:
        return Period(months=1)
    if lease.notice_period is NoticePeriod.THREE_MONTHS:
        return Period(months=3)
    found = IN_WORDS.match(lease.other_notice_period or "")
    if found is None:
        return None
    count, unit = int(found.group(1)), found.group(2).lower()
    return Period(weeks=count) if unit.startswith(("uke", "veke")) else Period(months=count)


def end_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months_to_month_end(month_end: date, months: int) -> date:
    year, month = divmod(month_end.month - 1 + months, 12)
    return end_of_month(date(month_end.year + year, month + 1, 1))


def earliest_end(received_on: date, period: Period) -> date:
    """The first day the lease may end: the period counted from the end of the month of receipt."""
    start = end_of_month(received_on)
    if period.weeks:
        return start + timedelta(weeks=period.weeks)
    return add_months_to_month_end(start, period.months)


@dataclass(frozen=True)
class Window:
    earliest: date
    latest: date | None  # a time-limited lease ends by itself on its last day


def window(lease: Lease, received_on: date) -> Window | None:
    """The dates the tenant may choose, or None when the lease's period cannot be counted here."""
    period = period_of(lease)
    if period is None:
        return None
    earliest = earliest_end(received_on, period)
    latest = None if lease.open_ended or lease.expires is None else lease.expires
    if latest is not None and earliest > latest:
        earliest = latest
    return Window(earliest=earliest, latest=latest)
