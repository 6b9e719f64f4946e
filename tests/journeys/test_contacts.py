"""A tenant changes the mobile number, giving the password again first."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.integration, pytest.mark.journey]


def test_a_tenant_changes_the_mobile_number_after_giving_the_password_again(journey, alice, live_sandbox):
    walk = journey("contacts")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Kontaktuppgifter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kontaktuppgifter")
    walk.check("contact details")

    # Giving the password at login is not enough: contact details are how an account is recovered.
    page.get_by_role("link", name="Ändra kontaktuppgifter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta att det är du")
    walk.check("password again")
    page.get_by_label("Lösenord", exact=True).fill("Alice-password-1")
    page.get_by_role("button", name="Fortsätt").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ändra kontaktuppgifter")
    walk.check("change contact details")
    page.get_by_label("Mobilnummer").fill("070-987 65 43")
    page.get_by_role("button", name="Spara").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kontaktuppgifter")
    expect(page.get_by_role("status")).to_have_text("Dina kontaktuppgifter är sparade.")
    expect(page.locator(".summary-list div").filter(has_text="Mobilnummer")).to_contain_text("070-987 65 43")
    walk.check("contact details saved")
