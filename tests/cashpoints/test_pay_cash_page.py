"""Betala kontant: the five nearest places from the tenant's home, what to bring, and the calm cases."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.cashpoints import services
from apps.cashpoints.models import RegisterCopy
from portal import background
from portal.formatting import money

pytestmark = pytest.mark.integration

# From Storgatan 16 (618 247, 6 727 756), alice's home, by Pythagoras on the demo's coordinates:
NEAREST_FIVE = [
    ("Brynäs Livs", "0,3 km"),  # √(147² + 256²) = 295 m
    ("Banken i Gästrikland, Gävle city", "1,4 km"),  # √(1 067² + 856²) = 1 368 m
    ("Matkassen Söder", "1,4 km"),  # √(1 347² + 406²) = 1 407 m
    ("Andersberg Närköp", "2,8 km"),  # √(2 347² + 1 456²) = 2 762 m
    ("Strömsbro Handel", "4,3 km"),  # √(3 447² + 2 544²) = 4 284 m; Sätra Servicebutik, 4 495 m, is sixth
]


@pytest.fixture
def copied(live_sandbox):
    assert services.sync_register().ok


@pytest.fixture
def unpaid(live_sandbox):
    from tests.invoices.conftest import Notices

    return Notices(live_sandbox.alice.number).overdue()


def page_url(number: str | None = None) -> str:
    return reverse("cashpoints:pay_cash_notice", args=[number]) if number else reverse("cashpoints:pay_cash")


def in_order(html: str, names: list[str]) -> bool:
    places = [html.index(f"<h3>{name}</h3>") for name in names]
    return places == sorted(places)


def test_it_lists_the_five_nearest_places_with_what_to_bring(logged_in, copied, unpaid):
    html = logged_in.get(page_url(unpaid.number)).text

    assert in_order(html, [name for name, _ in NEAREST_FIVE])
    assert "Sätra Servicebutik" not in html and "Sommarkiosken" not in html and "Nordkust" not in html
    for name, distance in NEAREST_FIVE:
        assert f"{distance} fågelvägen" in html, name
    assert unpaid.ocr in html and "Ta med dig" in html
    assert "30 timmar i veckan, stängt 4 veckor om året" in html  # the bank's template
    assert "60 timmar i veckan" in html  # Strömsbro's own hours over its principal's 84
    assert "0–50 kr" in html and "0–45 kr" in html


def test_the_page_asks_the_database_once_more_than_any_page(logged_in, copied, unpaid, django_assert_num_queries):
    logged_in.get(page_url(unpaid.number))  # the home's position is cached from here on
    with CaptureQueriesContext(connection) as any_page:  # the session, the account and its customer link
        logged_in.get(reverse("invoices:list"))

    with django_assert_num_queries(len(any_page) + 1):
        html = logged_in.get(page_url(unpaid.number)).text

    assert in_order(html, [name for name, _ in NEAREST_FIVE])


def test_each_place_opens_in_a_map_app_at_its_wgs84_position(logged_in, copied, unpaid):
    html = logged_in.get(page_url(unpaid.number)).text

    # Brynäs Livs, SWEREF 99 TM 618 100 / 6 727 500 → 60.6657 N 17.1615 E (PROJ).
    assert 'href="geo:60.665' in html and "openstreetmap.org/?mlat=60.665" in html


def test_the_invoice_pages_link_to_it_and_it_works_without_javascript(logged_in, copied, unpaid):
    detail = logged_in.get(reverse("invoices:detail", args=[unpaid.number])).text

    assert page_url(unpaid.number) in detail
    html = logged_in.get(page_url()).text
    assert '<ol class="cash-places">' in html and "hx-get" not in html.split("<main", 1)[-1]
    assert in_order(html, [name for name, _ in NEAREST_FIVE])


def test_each_unpaid_row_of_the_list_links_to_paying_just_that_one_in_cash(logged_in, copied, live_sandbox):
    from tests.invoices.conftest import Notices

    notices = Notices(live_sandbox.alice.number)
    listing = logged_in.get(reverse("invoices:list")).text
    links = set(re.findall(r'href="/betala-kontant/(\d+)/"', listing))

    assert {notices.overdue().number, notices.partly_paid().number} <= links
    assert (
        notices.paid().number not in links and notices.debt_collection().number not in links
    )  # paid as the agency says
    assert f'href="{page_url()}"' not in listing  # no one general link
    assert f'<span class="visually-hidden">: {notices.overdue().number}</span>' in listing  # a name of its own
    partly = notices.partly_paid()
    cash = logged_in.get(page_url(partly.number)).text
    assert partly.ocr in cash and money(partly.remaining) in cash
    assert reverse("invoices:detail", args=[partly.number]) in cash  # back to that notice


def test_a_link_from_a_longer_list_keeps_its_months(logged_in, copied, live_sandbox):
    from tests.invoices.conftest import Notices

    listing = logged_in.get(reverse("invoices:list"), {"manader": 36}).text
    number = Notices(live_sandbox.alice.number).overdue().number

    assert f'href="{page_url(number)}?manader=36"' in listing
    assert (
        f'href="{reverse("invoices:detail", args=[number])}?manader=36"'
        in logged_in.get(page_url(number), {"manader": 36}).text
    )


def test_another_tenants_notice_is_not_found(logged_in, copied, live_sandbox, backend_calls):
    from apps.sandbox.models import Notice

    theirs = Notice.objects.filter(customer__customer_number=live_sandbox.bob.number).first()
    logged_in.get(reverse("invoices:list"))
    logged_in.get(reverse("invoices:list"), {"manader": 36})
    backend_calls.reset()

    assert logged_in.get(page_url(theirs.number)).status_code == 404
    assert len(backend_calls) == 0


def test_a_paid_notice_has_nothing_to_pay_in_cash(logged_in, copied):
    from tests.invoices.conftest import Notices

    paid = Notices("15555").paid()

    assert logged_in.get(page_url(paid.number)).status_code == 404


def test_the_homes_position_is_cached_so_a_second_visit_asks_fast2_nothing(logged_in, copied, unpaid, backend_calls):
    logged_in.get(page_url(unpaid.number))
    backend_calls.reset()

    logged_in.get(page_url(unpaid.number))

    assert not [url for _, url in backend_calls.calls if "/fast2/" in url]


def test_without_fast2_the_postal_area_is_used_and_said(logged_in, copied, unpaid, settings, unreachable):
    settings.FAST2_BASE_URL = unreachable

    html = logged_in.get(page_url(unpaid.number)).text

    assert "räknat från ditt postnummer" in html
    assert "Strömsbro Handel" in html  # the only copied place in postal area 804


def test_an_old_copy_and_a_register_that_is_down_give_a_calm_message(logged_in, copied, unpaid, settings, unreachable):
    settings.CASHSERVICES_BASE_URL = unreachable
    assert not services.sync_register().ok
    RegisterCopy.objects.update(last_success_at=timezone.now() - timedelta(days=8))

    response = logged_in.get(page_url(unpaid.number))

    assert response.status_code == 200
    assert "svarar inte just nu" in response.text and "Brynäs Livs" in response.text


def test_a_register_never_copied_and_down_says_so_calmly(logged_in, live_sandbox, unpaid, settings, unreachable):
    settings.CASHSERVICES_BASE_URL = unreachable
    assert not services.sync_register().ok  # the first copy failed; its retries wait

    response = logged_in.get(page_url(unpaid.number))

    assert response.status_code == 200
    assert "Vi kan inte visa platser just nu" in response.text and "Vi försöker igen automatiskt" in response.text
    assert "Under tiden kan du betala på ett bankkontor" in response.text
    assert unpaid.ocr in response.text  # what to bring is still there


def test_before_the_first_copy_it_asks_for_one_once_and_says_what_to_do_meanwhile(
    logged_in, live_sandbox, unpaid, monkeypatch
):
    sent = []
    monkeypatch.setattr(background, "send", sent.append)  # as if a worker had it queued

    first = logged_in.get(page_url(unpaid.number))
    logged_in.get(page_url(unpaid.number))

    assert sent == [services.SYNC_TASK]  # the second visit does not ask again
    assert "Vi hämtar just nu listan över platser" in first.text and "Under tiden kan du betala" in first.text
    assert f'href="{page_url(unpaid.number)}"' in first.text and "Ladda om sidan" in first.text  # no JavaScript
    assert unpaid.ocr in first.text


def test_the_first_visit_gets_the_first_copy_made(logged_in, live_sandbox, unpaid, copy_finished):
    first = logged_in.get(page_url(unpaid.number)).text

    assert copy_finished().last_success_at is not None  # in-process, or by the production path's worker
    assert "Brynäs Livs" in first or "Vi hämtar just nu listan över platser" in first
    html = logged_in.get(page_url(unpaid.number)).text
    assert in_order(html, [name for name, _ in NEAREST_FIVE])
