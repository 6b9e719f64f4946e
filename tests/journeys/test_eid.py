"""A tenant without an account logs in with e-ID: the sandbox's provider, a wrong personnummer first, then the overview."""

import pytest
from playwright.sync_api import expect

from portal.settings import eid_providers
from tests.journeys.conftest import WCAG_AA

pytestmark = [pytest.mark.integration, pytest.mark.journey]

TOLVAN = "191212121212"  # Skatteverket's test person: valid, and no customer of the sandbox


def test_a_tenant_logs_in_with_e_id_and_gets_an_account_linked_at_once(journey, live_sandbox, live_server, settings):
    settings.SOCIALACCOUNT_PROVIDERS = eid_providers(f"{live_server.url}/sandbox/oidc")
    customer = live_sandbox.unlinked
    walk = journey("e-id")
    page = walk.page
    walk.open("/konto/login/")
    walk.check("login with e-ID")

    identify_at_the_provider(walk, TOLVAN)
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
    expect(page.get_by_role("status")).to_contain_text("Vi hittar ingen hyresgäst med ditt personnummer.")
    walk.check("unknown personnummer")

    identify_at_the_provider(walk, customer.personnummer)
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")
    expect(page.get_by_text(f"Kundnummer: {customer.number}")).to_be_visible()
    walk.check("overview after e-ID")


def identify_at_the_provider(walk, personnummer: str) -> None:
    """The e-ID button, then the sandbox's identify page: not the portal's, so axe only (it has no portal footer)."""
    page = walk.page
    page.get_by_role("button", name="Logga in med BankID eller Freja eID").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Legitimera dig")
    if walk.javascript:
        results = walk.axe.run(page, options=WCAG_AA)
        assert results.violations_count == 0, results.generate_snapshot()
    page.get_by_label("Personnummer").fill(personnummer)
    page.get_by_role("button", name="Legitimera", exact=True).click()
