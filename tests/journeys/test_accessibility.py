"""The accessibility statement, reached from the footer before logging in."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.integration, pytest.mark.journey]


def test_a_visitor_reads_the_accessibility_statement_from_the_login_page(journey, live_server, settings):
    walk = journey("accessibility")
    page = walk.page
    walk.open("/konto/login/")

    page.get_by_role("contentinfo").get_by_role("link", name="Tillgänglighetsredogörelse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tillgänglighet för Mina sidor")
    expect(page.get_by_text(f"{settings.LANDLORD_NAME} står bakom Mina sidor")).to_be_visible()
    expect(page.get_by_role("link", name=settings.ACCESSIBILITY_CONTACT_EMAIL).first).to_have_attribute(
        "href", f"mailto:{settings.ACCESSIBILITY_CONTACT_EMAIL}"
    )
    expect(page.get_by_role("link", name="Anmäl bristande tillgänglighet till Digg")).to_be_visible()
    walk.check("statement")
