"""A new tenant signs up, enters the code sent to the landlord's e-mail for them, and confirms the address."""

import re

import pytest
from playwright.sync_api import expect

from apps.accounts.contacts_on_file import mask_email

pytestmark = [pytest.mark.integration, pytest.mark.journey]


def test_a_new_tenant_signs_up_and_links_the_account_with_the_code(journey, live_sandbox, mailbox):
    customer = live_sandbox.unlinked
    walk = journey("signup")
    page = walk.page
    walk.open("/konto/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Skapa konto")
    walk.check("signup")

    page.get_by_label("Kundnummer").fill(customer.number)
    page.get_by_label("Personnummer").fill(customer.personnummer)
    page.get_by_label("E-postadress").fill("ny.hyresgast@example.se")
    page.get_by_label("Välj ett lösenord").fill("Grön-tomat-på-balkongen")
    page.get_by_label("Skriv lösenordet igen").fill("Grön-tomat-på-balkongen")
    page.get_by_role("button", name="Skapa konto").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Koppla ditt konto")
    expect(page.get_by_text(mask_email(customer.email))).to_be_visible()
    walk.check("code")
    code = re.search(r"^\s+(\d{6})$", mailbox.wait_for(customer.email), re.MULTILINE).group(1)

    page.get_by_label("Kod", exact=True).fill("000000" if code != "000000" else "111111")
    page.get_by_role("button", name="Koppla kontot").click()
    expect(page).to_have_title(re.compile(r"^Fel:"))  # waits for the answer; title() would not
    expect(page.get_by_role("alert")).to_contain_text("Koden stämmer inte.")
    walk.check("wrong code")

    page.get_by_label("Kod", exact=True).fill(code)
    page.get_by_role("button", name="Koppla kontot").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta din e-postadress")
    expect(page.get_by_role("status")).to_contain_text(f"Ditt konto är kopplat till kundnummer {customer.number}.")
    walk.check("linked")

    link = re.search(r"(/konto/confirm-email/\S+)", mailbox.wait_for("ny.hyresgast@example.se")).group(1)
    walk.open(link)
    page.get_by_role("button", name="Bekräfta", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")
    expect(page.get_by_text(f"Kundnummer: {customer.number}")).to_be_visible()
