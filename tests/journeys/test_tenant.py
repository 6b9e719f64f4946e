"""A tenant's journeys through the portal, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.integration, pytest.mark.journey]


def test_a_tenant_logs_in_and_sees_the_overview(journey, alice, live_sandbox):
    walk = journey("overview")
    walk.log_in("alice@example.se", "Alice-password-1")

    expect(walk.page.get_by_role("heading", level=1)).to_have_text("Översikt")
    expect(walk.page.get_by_text(f"Kundnummer: {live_sandbox.alice.number}")).to_be_visible()
    walk.check("overview")

    walk.page.get_by_role("button", name="Logga ut").click()
    expect(walk.page.get_by_role("heading", level=1)).to_have_text("Logga in")


def test_a_wrong_password_is_explained_next_to_the_form(journey, alice, live_sandbox):
    walk = journey("wrong-password")
    walk.log_in("alice@example.se", "not the password")

    expect(walk.page).to_have_title(re.compile(r"^Fel:"))  # waits for the answer; title() would not
    expect(walk.page.get_by_role("alert")).to_be_visible()
    walk.check("login error")
