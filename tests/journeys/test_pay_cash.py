"""A tenant without online banking finds where to pay an unpaid notice in cash near home."""

import re

import pytest
from playwright.sync_api import expect

from apps.cashpoints import services

pytestmark = [pytest.mark.integration, pytest.mark.journey]


def test_a_tenant_finds_the_nearest_places_to_pay_a_notice_in_cash(journey, alice, live_sandbox):
    assert services.sync_register().ok
    walk = journey("pay-cash")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Fakturor").click()
    unpaid = page.get_by_role("table", name=re.compile("^Obetalda avier och fakturor"))
    unpaid.get_by_role("row").filter(has_text="Obetald").first.get_by_role("link").click()
    page.get_by_role("link", name="Betala kontant – platser nära dig").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Betala kontant")
    expect(page.get_by_role("heading", name="Ta med dig")).to_be_visible()
    places = page.get_by_role("list").filter(has=page.get_by_role("heading", level=3))
    expect(places.get_by_role("listitem")).to_have_count(5)
    expect(places.get_by_role("heading", level=3).first).to_have_text("Brynäs Livs")
    expect(page.get_by_role("link", name=re.compile("^Öppna i kartappen.*Brynäs Livs$"))).to_have_attribute(
        "href", re.compile(r"^geo:60\.66")
    )
    walk.check("pay cash")
