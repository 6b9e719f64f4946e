"""A tenant reports a disturbance, follows it, and fetches the protocol of their move-in inspection.

With JavaScript the wizard runs through htmx swaps, walked with the keyboard (focus on
each new step's question); without JavaScript every step is a page of its own. Every
page is checked by axe and, at 320 px, for sideways scrolling.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.journeys.test_faults import KeyboardSteps, MouseSteps

pytestmark = [pytest.mark.integration, pytest.mark.journey]

DESCRIPTION = "Hög musik från lägenheten ovanför efter midnatt."


def no_sideways_scrolling(page: Page, label: str) -> None:
    """WCAG 1.4.10: at 320 px wide the page reflows instead of scrolling sideways."""
    original = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 900})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(original)
    assert width <= 320, f"{label}: {width} px wide at 320 px"


def test_a_tenant_reports_a_disturbance_and_fetches_an_inspection_protocol(journey, alice, live_sandbox):
    walk = journey("general-errand")
    page = walk.page
    step = KeyboardSteps(page) if walk.javascript else MouseSteps(page)

    def check(label: str) -> None:
        walk.check(label)
        no_sideways_scrolling(page, label)

    walk.log_in("alice@example.se", "Alice-password-1")
    walk.open("/arenden/")
    page.get_by_role("link", name="Störning eller önskemål").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmäl en störning eller lämna ett önskemål")
    expect(page.get_by_role("heading", name="Vem ser din störningsanmälan?")).to_be_visible()
    check("general start")
    step.choose("Vad vill du göra?", "Störning")
    step.press(page.get_by_role("button", name="Fortsätt"))

    # A page of its own (the start is a plain form), not a swap: no focus to check yet.
    expect(step.question("Vilket boende gäller det?")).to_be_visible()
    check("object")
    step.choose("Vilket boende gäller det?", re.compile("^Lägenhet "))
    step.press(page.get_by_role("button", name="Fortsätt"))

    for question, answer in (("Vad gäller det?", "Buller"), ("Vad stämmer bäst?", "Musik eller fest")):
        step.arrived_at(question)
        check(f"place {answer}")
        step.choose(question, answer)
        step.press(page.get_by_role("button", name="Fortsätt"))

    step.arrived_at("Beskriv ärendet")
    expect(page.get_by_role("heading", name="Vem ser din störningsanmälan?")).to_be_visible()
    check("what")
    step.press(page.get_by_role("button", name="Fortsätt"))  # nothing answered yet
    summary = page.get_by_role("alert").filter(has_text="Det finns ett problem")
    expect(summary.get_by_role("link", name="Beskriv vad det gäller.")).to_be_visible()
    expect(page.get_by_label("Beskriv vad det gäller")).to_have_attribute("aria-invalid", "true")
    check("what errors")
    step.type_into(page.get_by_label("Beskriv vad det gäller"), DESCRIPTION)
    page.get_by_label("Datum").fill("2026-01-10")
    page.get_by_label("Klockslag").fill("23:30")
    step.press(page.get_by_role("button", name="Fortsätt"))

    step.arrived_at("Vem ska hyresvärden kontakta?")
    check("contact")
    step.choose("Kontaktperson", "Mig")
    step.press(page.get_by_role("button", name="Fortsätt"))

    step.arrived_at("Kontrollera dina svar")
    answers = page.locator("dl.answers")
    expect(answers).to_contain_text("Musik eller fest")
    expect(answers).to_contain_text(DESCRIPTION)
    expect(answers).to_contain_text("Inträffat: 2026-01-10 23:30")
    check("check answers")
    step.press(page.get_by_role("button", name="Skicka ärendet"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Störning: ärendet mottaget")
    number = page.locator(".errand-number")
    for _ in range(120):  # eager tasks deliver at once; a real worker takes a moment
        if number.count():
            break
        page.wait_for_timeout(500)
        page.get_by_role("link", name="Uppdatera sidan").click()
    number = number.inner_text().strip()
    check("receipt")

    walk.open("/arenden/")
    check("errands")
    expect(page.get_by_role("cell", name="Inflyttningsbesiktning").first).to_be_visible()
    page.get_by_role("link", name=number, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Ärende {number}")
    expect(page.get_by_text(DESCRIPTION)).to_be_visible()
    check("disturbance errand")

    walk.open("/arenden/")
    row = page.get_by_role("row").filter(has_text="Inflyttningsbesiktning").filter(has_text="Avslutat")
    row.get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Besiktningsprotokoll")).to_be_visible()
    check("inspection")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Ladda ner protokollet")).click()
    assert download.value.suggested_filename.startswith("besiktningsprotokoll-")
    assert download.value.path().read_bytes().startswith(b"%PDF")
