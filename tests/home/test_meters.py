"""Meter pages: consumption by month as a chart drawn on the server and as a table, next to the year before."""

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.integration

METERS = reverse("home:meters")


def meter_links(client) -> dict[str, str]:
    """Meter label → its page, as the list links them."""
    html = client.get(METERS).text
    return {
        label: href
        for href, label in re.findall(r'<a href="(/hemmet/forbrukning/[0-9a-f]+/)"><strong>([^<]+)</strong>', html)
    }


def hot_water_readings(customer_number: str):
    from apps.sandbox.models import MeterReading

    return MeterReading.objects.filter(
        meter__installation__rental_object__leases__customer__customer_number=customer_number,
        meter__usage="Varmvatten",
    ).order_by("period_end")


def test_the_list_links_a_page_for_each_meter_of_the_home(logged_in, live_sandbox):
    response = logged_in.get(METERS)
    assert response.status_code == 200
    assert set(meter_links(logged_in)) == {"Varmvatten badrum", "Kallvatten badrum"}


def test_a_meter_page_shows_twelve_months_as_a_chart_and_a_table_with_the_year_before(logged_in, live_sandbox):
    readings = list(hot_water_readings(live_sandbox.alice.number))
    latest, year_before = readings[-1], readings[-13]
    assert (latest.period_end.month, latest.period_end.year - 1) == (
        year_before.period_end.month,
        year_before.period_end.year,
    )

    response = logged_in.get(meter_links(logged_in)["Varmvatten badrum"])

    assert response.status_code == 200
    html = response.text
    assert html.count('<rect class="chart-bar"') == 12
    assert html.count('<rect class="chart-bar-last-year"') == 12
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in html
    assert " style=" not in html, "the CSP (style-src 'self') would refuse a style attribute"
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</th>(.*?)</tr>", html, re.S)
    assert len(rows) == 12
    month, cells = rows[0]  # the latest month first
    assert month == f"{_swedish_month(latest.period_end.month)} {latest.period_end.year}"
    change = latest.consumption - year_before.consumption
    assert _swedish(latest.consumption) in cells
    assert _swedish(year_before.consumption) in cells
    assert ("+" if change > 0 else "\u2212") + _swedish(abs(change)) in cells
    assert _swedish(latest.cost) + "\xa0kr" in cells


def test_the_meter_page_is_written_as_an_english_reader_writes(logged_in, live_sandbox):
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    latest = hot_water_readings(live_sandbox.alice.number).last()

    html = logged_in.get(meter_links(logged_in)["Varmvatten badrum"]).text

    assert f"{latest.period_end:%B %Y}</th>" in html
    assert f"{_two_decimals(latest.consumption)}" in html
    assert f"SEK\xa0{latest.cost:,.2f}" in html
    assert "Consumption by month" in html


def test_a_meter_page_costs_one_backend_call_and_none_when_cached(logged_in, live_sandbox, backend_calls):
    page = meter_links(logged_in)["Kallvatten badrum"]
    backend_calls.reset()
    assert logged_in.get(page).status_code == 200
    assert len(backend_calls) == 0, "the list read the meter data; the page reads the cache"

    from django.core.cache import cache

    cache.clear()
    logged_in.get(page)
    assert len(backend_calls) == 1


def test_another_tenants_meter_is_not_found(client, alice, bob, live_sandbox):
    client.force_login(alice)
    alices = meter_links(client)["Varmvatten badrum"]
    client.force_login(bob)
    assert client.get(alices).status_code == 404
    assert client.get(reverse("home:meter", args=["0123456789ab"])).status_code == 404


def test_a_backend_that_is_down_gives_the_calm_page(logged_in, live_sandbox, sandbox_behaviour):
    sandbox_behaviour(outage=True)
    for page in (METERS, reverse("home:meter", args=["0123456789ab"])):
        response = logged_in.get(page)
        assert response.status_code == 503
        assert "Vi kan inte visa din förbrukning just nu" in response.text


def _two_decimals(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _swedish(value: Decimal) -> str:
    whole, _, decimals = f"{_two_decimals(value)}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\xa0")
    return f"{grouped},{decimals}"


def _swedish_month(month: int) -> str:
    return [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ][month - 1]
