"""A tenant adds a temporary address, getting the postal code wrong first."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = [pytest.mark.integration, pytest.mark.journey]

POSTAL_CODE_ERROR = "Skriv ett svenskt postnummer med fem siffror, till exempel 123 45."


def test_a_tenant_adds_a_temporary_address_after_correcting_the_postal_code(journey, alice, live_sandbox):
    walk = journey("addresses")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Adresser").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Adresser")
    walk.check("addresses")

    page.get_by_role("link", name="Lägg till en tillfällig adress").click()
    name = page.get_by_label("Namn", exact=True)
    expect(name).to_be_visible()
    if walk.javascript:  # the form came in place of the link, and took the focus
        expect(name).to_be_focused()
    walk.check("new address")

    first_day = timezone.localdate() + timedelta(days=100)
    name.fill("Kalle Andersson")
    page.get_by_label("c/o").fill("Lena Andersson")
    page.get_by_label("Gatuadress", exact=True).fill("Fäbodvägen 12")
    postal_code = page.get_by_label("Postnummer")
    postal_code.fill("8206")
    page.get_by_label("Ort").fill("Bergsjö")
    page.get_by_label("Första dag").fill(first_day.isoformat())
    page.get_by_label("Sista dag").fill((first_day + timedelta(days=30)).isoformat())
    if walk.javascript:  # checked as soon as the field is left
        expect(page.locator(".field-error")).to_contain_text(POSTAL_CODE_ERROR)
        walk.check("postal code checked")
    page.get_by_role("button", name="Spara adressen").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Det finns ett problem")
    expect(summary.get_by_role("link", name=POSTAL_CODE_ERROR)).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Fel:"))  # waits for the answer; title() would not
    expect(postal_code).to_have_attribute("aria-invalid", "true")
    expect(postal_code).to_have_accessible_description(f"Fel: {POSTAL_CODE_ERROR}")
    expect(postal_code).to_have_value("8206")
    if walk.javascript:
        expect(summary).to_be_focused()
    walk.check("postal code error")

    summary.get_by_role("link", name=POSTAL_CODE_ERROR).click()
    expect(postal_code).to_be_focused()
    postal_code.fill("820 62")
    page.get_by_role("button", name="Spara adressen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Adresser")
    expect(page.get_by_role("status")).to_have_text("Den tillfälliga adressen är sparad.")
    new = page.get_by_role("listitem").filter(has_text="Fäbodvägen 12")
    expect(new).to_contain_text("Kommande")
    expect(new).to_contain_text("820 62 Bergsjö")
    walk.check("address saved")
