"""A tenant reads a message from the landlord and its attachment, then shares an errand and takes the link back."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.journeys.conftest import Journey

pytestmark = [pytest.mark.integration, pytest.mark.journey]

NARROW = 320  # WCAG 1.4.10: no sideways scrolling at 320 CSS px


def no_sideways_scrolling(walk: Journey, label: str) -> None:
    if not walk.javascript:  # measured by a script in the page
        return
    page = walk.page
    original = page.viewport_size
    page.set_viewport_size({"width": NARROW, "height": 900})
    width = page.evaluate("document.documentElement.scrollWidth")
    # What sticks out, to say in the failure: the innermost elements whose right edge passes the viewport.
    wide = page.evaluate(
        """(limit) => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > limit || e.scrollWidth > limit)
            .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + '/' + e.scrollWidth)""",
        NARROW,
    )
    page.set_viewport_size(original)
    assert width <= NARROW, f"{label}: {width} px wide at {NARROW} px: {wide}"


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def test_a_tenant_reads_a_message_and_downloads_its_attachment(journey, alice, live_sandbox):
    walk = journey("messages")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")
    expect(page.get_by_text("Du har 3 olästa meddelanden.")).to_be_visible()

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Meddelanden").click()
    expect(heading(page)).to_have_text("Meddelanden")
    walk.check("inbox")
    no_sideways_scrolling(walk, "inbox")

    page.get_by_role("link", name=re.compile("^Vattenavstängning ")).click()
    expect(heading(page)).to_contain_text("Vattenavstängning")
    expect(page.get_by_text("Nyhet på Mina sidor")).to_be_visible()
    walk.check("message")
    no_sideways_scrolling(walk, "message")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Information om vattenavstängning.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "Information om vattenavstängning.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    page.get_by_role("link", name="Meddelanden", exact=True).first.click()
    expect(page.locator(".message-list li").last).to_contain_text("Vattenavstängning")  # read: last
    page.get_by_role("link", name="Översikt").click()
    expect(page.get_by_text("Du har 2 olästa meddelanden.")).to_be_visible()


def test_a_tenant_shares_an_errand_and_stops_sharing(journey, browser, alice, live_sandbox, live_server):
    walk = journey("share-errand")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Felanmälan och ärenden").click()
    page.locator(".errand-table a").first.click()
    page.get_by_role("link", name="Dela ärendet med en granne eller anhörig").click()
    expect(heading(page)).to_have_text(re.compile("^Dela ärende "))
    walk.check("share page")
    page.get_by_role("button", name="Skapa länk").click()
    link = page.get_by_label("Länk att dela")
    expect(link).to_have_value(re.compile(r"/delat/[A-Za-z0-9_-]+/$"))
    walk.check("shared link")
    no_sideways_scrolling(walk, "shared link")
    url = link.input_value()

    # A neighbour opens the link in a browser of their own, not logged in.
    context = browser.new_context(java_script_enabled=walk.javascript, locale="sv-SE")
    neighbour = Journey(context.new_page(), live_server.url, "shared-errand-neighbour", walk.javascript, [])
    try:
        neighbour.page.goto(url)
        expect(heading(neighbour.page)).to_contain_text("Ett ärende som delats med dig")
        expect(neighbour.page.get_by_role("button", name="Logga ut")).to_have_count(0)
        neighbour.check("shared errand")
        no_sideways_scrolling(neighbour, "shared errand")

        page.get_by_role("button", name="Sluta dela").click()
        expect(page.get_by_role("button", name="Skapa länk")).to_be_visible()

        response = neighbour.page.goto(url)
        assert response.status == 404
        expect(heading(neighbour.page)).to_have_text("Sidan finns inte")
    finally:
        context.close()
