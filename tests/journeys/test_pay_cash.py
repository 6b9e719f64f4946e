"""A tenant without online banking finds where to pay an unpaid notice in cash near home."""

import re

import pytest
from playwright.sync_api import expect

from apps.cashpoints import services

pytestmark = [pytest.mark.integration, pytest.mark.journey]


def unpaid_invoices(journey, name: str):
    """alice, logged in, at her invoice list, with the register copied: the walk and the table of unpaid ones."""
    assert services.sync_register().ok
    walk = journey(name)
    walk.log_in("alice@example.se", "Alice-password-1")
    walk.page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Fakturor").click()
    return walk, walk.page.get_by_role("table", name=re.compile("^Obetalda avier och fakturor"))


def test_a_tenant_finds_the_nearest_places_to_pay_a_notice_in_cash(journey, alice, live_sandbox):
    walk, unpaid = unpaid_invoices(journey, "pay-cash")
    page = walk.page

    unpaid.get_by_role("row").filter(has_text="Obetald").first.get_by_role("rowheader").get_by_role("link").click()
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


def test_a_tenant_goes_from_an_unpaid_row_of_the_list_straight_to_paying_it_in_cash(journey, alice, live_sandbox):
    from apps.sandbox.models import Notice

    walk, unpaid = unpaid_invoices(journey, "pay-cash-from-list")
    page = walk.page

    row = unpaid.get_by_role("row").filter(has=page.get_by_role("link", name=re.compile("^Betala kontant"))).last
    number = row.get_by_role("rowheader").inner_text().strip()
    row.get_by_role("link", name=re.compile(rf"^Betala kontant\W*{number}$")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Betala kontant")
    expect(page.locator(".cash-bring-list")).to_contain_text(Notice.objects.get(number=number).ocr)
    expect(page.get_by_role("link", name="Tillbaka till avin")).to_have_attribute("href", re.compile(f"/{number}/"))
    walk.check("pay cash from the list")
