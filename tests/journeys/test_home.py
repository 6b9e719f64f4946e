"""A tenant looks after the home: planned maintenance, a maintenance offer, and the water meters."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.integration, pytest.mark.journey]

NARROWEST = 320  # WCAG 1.4.10: nothing may make the page scroll sideways at this width


def test_a_tenant_answers_an_offer_and_reads_the_meters(journey, alice, live_sandbox):
    walk = journey("home")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")
    home = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Ditt hem"))
    expect(home).to_contain_text("Du har 2 erbjudanden att svara på.")

    home.get_by_role("link", name="Planerat underhåll").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Planerat underhåll")
    expect(page.get_by_role("heading", name="Kommande")).to_be_visible()
    _fits_at_320(walk, "maintenance")

    page.get_by_role("link", name="Erbjudanden om underhåll").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erbjudanden om underhåll")
    _fits_at_320(walk, "offers")

    page.get_by_role("link", name="Vardagsrum / Golv").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vardagsrum / Golv")
    _fits_at_320(walk, "offer")

    page.get_by_role("button", name="Skicka svaret").click()  # nothing chosen yet
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("link", name="Välj ett svar.")).to_be_visible()
    if walk.javascript:
        expect(summary).to_be_focused()
    walk.check("offer without an answer")

    page.get_by_role("radio", name="Läggs med laminat").check()
    page.get_by_role("button", name="Skicka svaret").click()
    expect(page.get_by_role("status")).to_contain_text("Ditt svar är sparat: du tackar ja till erbjudandet.")
    expect(page.get_by_text("Du valde ”Läggs med laminat”")).to_be_visible()
    expect(page.get_by_role("radio", name="Läggs med laminat")).to_be_checked()
    walk.check("offer answered")

    walk.open("/hemmet/forbrukning/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Din förbrukning")
    _fits_at_320(walk, "meters")

    page.get_by_role("link", name="Varmvatten badrum").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Varmvatten badrum")
    expect(page.get_by_role("img", name="Förbrukning per månad i m³")).to_be_visible()
    expect(page.get_by_role("table", name="Förbrukning per månad").get_by_role("row")).to_have_count(13)
    _fits_at_320(walk, "meter")


def _fits_at_320(walk, label: str) -> None:
    """The page is checked (axe, CSP, screenshots), then must not scroll sideways at 320 px."""
    walk.check(label)
    page = walk.page
    original = page.viewport_size
    page.set_viewport_size({"width": NARROWEST, "height": 800})
    overflow = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(original)
    assert overflow <= NARROWEST, f"{label}: {overflow} px wide at {NARROWEST} px"
