"""The earliest end of a lease: husleieloven § 9-6, counted from the end of the month of receipt."""

from datetime import date

import pytest

from apps.backends.kobo import Lease, NoticePeriod
from apps.kobo import rules


def lease(period: NoticePeriod | None = None, other: str | None = None, expires: date | None = None) -> Lease:
    return Lease(
        kobo_id="x",
        case_reference="SAK-1",
        start=date(2019, 4, 1),
        expires=expires,
        open_ended=expires is None,
        notice_period=period,
        other_notice_period=other,
        notice=None,
    )


@pytest.mark.parametrize(
    ("received", "earliest"),
    [
        (date(2026, 12, 3), date(2027, 3, 31)),
        (date(2026, 12, 31), date(2027, 3, 31)),  # the last day of the month counts as that month
        (date(2027, 1, 1), date(2027, 4, 30)),
        (date(2027, 11, 15), date(2028, 2, 29)),  # a leap year's February
    ],
)
def test_without_a_period_of_its_own_the_law_gives_three_months_from_the_end_of_the_month(received, earliest):
    period = rules.period_of(lease())

    assert period.by_law and period.months == 3
    assert rules.window(lease(), received).earliest == earliest


def test_a_lease_with_one_month_ends_at_the_end_of_the_next_month():
    assert rules.window(lease(NoticePeriod.ONE_MONTH), date(2027, 1, 31)).earliest == date(2027, 2, 28)
    assert rules.window(lease(NoticePeriod.THREE_MONTHS), date(2027, 1, 10)).earliest == date(2027, 4, 30)


@pytest.mark.parametrize(
    ("words", "earliest"),
    [("6 uker", date(2027, 3, 14)), ("2 måneder", date(2027, 3, 31)), ("1 mnd", date(2027, 2, 28))],
)
def test_a_period_in_words_is_counted_when_it_can_be_read(words, earliest):
    assert rules.window(lease(NoticePeriod.OTHER, words), date(2027, 1, 20)).earliest == earliest


def test_a_period_in_words_that_cannot_be_read_is_not_guessed():
    assert rules.window(lease(NoticePeriod.OTHER, "etter avtale med boligkontoret"), date(2027, 1, 20)) is None


def test_a_time_limited_lease_caps_the_choice_at_its_last_day():
    window = rules.window(lease(expires=date(2027, 2, 15)), date(2026, 12, 3))

    assert window.latest == date(2027, 2, 15)
    assert window.earliest == date(2027, 2, 15)  # it ends by itself before the notice would run out
