"""The nearest places: ordered by straight-line distance in SWEREF 99 TM metres, computed here by hand."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.cashpoints.models import CashPoint, RegisterCopy
from apps.cashpoints.nearest import CopyState, copy_state, nearest

pytestmark = pytest.mark.django_db

HOME = (618250.0, 6727755.0)  # Storgatan 16, Gävle
BILLS = CashPoint.Purpose.BILL_PAYMENT


def place(name: str, east: float, north: float, purpose: str = BILLS) -> CashPoint:
    return CashPoint.objects.create(
        provider_id=CashPoint.objects.count() + 1,
        purpose=purpose,
        name=name,
        visiting_address="",
        postal_code="",
        post_town="",
        x=HOME[0] + east,
        y=HOME[1] + north,
        forms="",
        synced_at=timezone.now(),
    )


def test_the_five_nearest_come_in_order_of_distance():
    place("3 000 m", 3000, 0)
    place("500 m", 300, 400)  # 3-4-5
    place("4 101 m, in the first box's corner", 2900, 2900)  # √(2·2900²) = 4101.2
    place("1 000 m", -600, 800)
    place("3 500 m, outside the first box", 0, 3500)
    place("2 000 m", 1200, -1600)
    place("13 000 m", 5000, -12000)  # 5-12-13

    found = nearest(*HOME, BILLS).places

    assert [n.point.name for n in found] == ["500 m", "1 000 m", "2 000 m", "3 000 m", "3 500 m, outside the first box"]
    assert [round(n.metres) for n in found] == [500, 1000, 2000, 3000, 3500]


def test_a_place_for_another_purpose_is_not_counted():
    place("uttag 100 m", 60, 80, CashPoint.Purpose.WITHDRAWAL)
    place("räkningar 5 km", 3000, 4000)

    assert [n.point.name for n in nearest(*HOME, BILLS).places] == ["räkningar 5 km"]


def test_far_away_places_are_still_found_and_an_empty_copy_finds_none():
    assert nearest(*HOME, BILLS).places == []
    place("Kiruna", -100_000, 800_000)

    assert [round(n.metres) for n in nearest(*HOME, BILLS, count=1).places] == [806_226]  # √(100² + 800²) km


def test_a_far_home_is_still_one_query_however_often_the_box_doubles(django_assert_num_queries):
    place("Kiruna", -100_000, 800_000)  # the box doubles nine times to reach it

    with django_assert_num_queries(1):
        found = nearest(*HOME, BILLS)

    assert [n.point.name for n in found.places] == ["Kiruna"]


def test_it_tells_the_copys_state_in_the_same_query():
    nothing_yet = CopyState(copied=False, attempted=False, failing=False, stale=True)
    assert nearest(*HOME, BILLS).copy == nothing_yet == copy_state(timezone.now())
    now = timezone.now()
    RegisterCopy.objects.create(pk=RegisterCopy.SINGLETON_PK, last_attempt_at=now, last_error="BackendUnavailable")
    place("500 m", 300, 400)

    never_copied = nearest(*HOME, BILLS, stale_before=now - timedelta(days=7)).copy
    RegisterCopy.objects.update(last_success_at=now - timedelta(days=8))
    old_and_failing = nearest(*HOME, BILLS, stale_before=now - timedelta(days=7)).copy
    RegisterCopy.objects.update(last_success_at=now - timedelta(days=1))
    recent = nearest(*HOME, BILLS, stale_before=now - timedelta(days=7)).copy

    assert never_copied == CopyState(copied=False, attempted=True, failing=True, stale=True)
    assert old_and_failing.out_of_date and old_and_failing.copied
    assert not recent.out_of_date and recent.failing
    assert recent == copy_state(now - timedelta(days=7))
