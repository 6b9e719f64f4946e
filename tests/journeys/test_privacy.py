"""The tenant's own data: the privacy page from the footer, the export, and deleting the account."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from apps.faults.models import FaultReport

pytestmark = [pytest.mark.integration, pytest.mark.journey]


def test_a_tenant_reads_the_privacy_page_and_downloads_what_the_portal_holds(journey, alice, live_sandbox):
    walk = journey("privacy")
    page = walk.page
    walk.open("/konto/login/")

    page.get_by_role("contentinfo").get_by_role("link", name="Integritet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Integritet på Mina sidor")
    expect(page.get_by_role("heading", name="Det här sparar Mina sidor")).to_be_visible()
    walk.check("privacy page before login")

    walk.log_in("alice@example.se", "Alice-password-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")
    page.get_by_role("contentinfo").get_by_role("link", name="Integritet").click()
    walk.check("privacy page signed in")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ladda ner dina uppgifter").click()
    download = download_info.value
    assert download.suggested_filename.startswith("mina-sidor-mina-uppgifter-")
    with open(download.path(), encoding="utf-8") as exported:
        data = json.load(exported)
    assert data["account"]["email"] == "alice@example.se"
    assert data["customer_link"]["customer_number"] == live_sandbox.alice.number


def test_a_tenant_deletes_the_account_and_chooses_what_becomes_of_a_waiting_report(journey, alice, live_sandbox):
    FaultReport.objects.create(
        user=alice,
        customer_number=live_sandbox.alice.number,
        description="Diskmaskinen läcker.",
        status=FaultReport.Status.QUEUED,
        next_attempt_at=timezone.now() + timedelta(hours=1),
    )
    walk = journey("delete-account")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")
    page.get_by_role("contentinfo").get_by_role("link", name="Integritet").click()

    page.get_by_role("link", name="Ta bort ditt konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta att det är du")
    page.get_by_label("Lösenord", exact=True).fill("Alice-password-1")
    page.get_by_role("button", name="Fortsätt").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ta bort ditt konto")
    expect(page.get_by_text("Hos hyresvärden är du kund som förut")).to_be_visible()
    walk.check("what happens")

    page.get_by_role("button", name="Ta bort mitt konto").click()  # the waiting report's fate not chosen
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Välj om felanmälningarna ska skickas eller slängas.")
    if walk.javascript:
        expect(summary).to_be_focused()
    walk.check("nothing chosen")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Skicka dem till hyresvärden ändå")).to_be_focused()

    page.get_by_label("Släng dem, de ska inte skickas").check()
    page.get_by_role("button", name="Ta bort mitt konto").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
    expect(page.get_by_role("status")).to_contain_text("Ditt konto på Mina sidor är borttaget och du är utloggad.")
    expect(page.get_by_role("status")).to_contain_text("Din felanmälan som väntade är slängd.")
    walk.check("account deleted")
    assert not get_user_model().objects.filter(email="alice@example.se").exists()
    assert not FaultReport.objects.filter(customer_number=live_sandbox.alice.number).exists()
