"""A tenant reports a broken freezer, then follows the errand.

With JavaScript the wizard runs through htmx swaps, walked with the keyboard
alone: after each swap the focus must be on the new step's question. Without
JavaScript every step is a page of its own, walked with the mouse.
"""

import re

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

pytestmark = [pytest.mark.integration, pytest.mark.journey]

DESCRIPTION = "Frysen håller inte kylan, det bildas is på baksidan."


@pytest.fixture
def photo(tmp_path, settings):
    if settings.CELERY_TASK_ALWAYS_EAGER:  # a real worker reads the photos from the shared PORTAL_VAR_DIR
        settings.MEDIA_ROOT = tmp_path / "media"
    path = tmp_path / "frysen.jpg"
    Image.new("RGB", (640, 480), (120, 160, 200)).save(path, format="JPEG")
    return path


def test_a_tenant_reports_a_fault_and_follows_the_errand(journey, alice, live_sandbox, photo):
    walk = journey("fault-report")
    page = walk.page
    step = KeyboardSteps(page) if walk.javascript else MouseSteps(page)
    walk.log_in("alice@example.se", "Alice-password-1")

    page.get_by_role("link", name="Gör en felanmälan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Felanmälan")
    walk.check("start")
    step.press(page.get_by_role("button", name="Starta felanmälan"))

    # A page of its own (the start is a plain form), not a swap: no focus to check yet.
    expect(step.question("Var finns felet?")).to_be_visible()
    walk.check("object")
    step.choose("Var finns felet?", re.compile("^Lägenhet "))
    step.press(page.get_by_role("button", name="Fortsätt"))

    for question, answer in (
        ("Var är felet?", "Kök"),
        ("Vad gäller det?", "Kyl/Frys"),
        ("Vad gäller det?", "Frys - Standard"),
    ):
        step.arrived_at(question)
        walk.check(f"place {answer}")
        step.choose(question, answer)
        step.press(page.get_by_role("button", name="Fortsätt"))

    step.arrived_at("Vad är det för fel?")
    walk.check("fault")
    step.press(page.get_by_role("button", name="Fortsätt"))  # nothing answered yet
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("link", name="Beskriv felet.")).to_be_visible()
    expect(page.get_by_label("Beskriv felet")).to_have_attribute("aria-invalid", "true")
    expect(page).to_have_title(re.compile(r"^Fel: Vad är det för fel\?"))  # waits for the answer
    if walk.javascript:
        expect(summary, "the error summary takes the focus, not the heading").to_be_focused()
    walk.check("fault errors")
    step.choose("Vilket stämmer bäst?", "Kyler inte")
    step.type_into(page.get_by_label("Beskriv felet"), DESCRIPTION)
    step.press(page.get_by_role("button", name="Fortsätt"))

    step.arrived_at("Tillträde och husdjur")
    walk.check("access")
    step.choose("Hur kommer hantverkaren in?", None)  # the first way the landlord offers
    step.choose("Finns det husdjur hemma?", "Nej")
    expect(page.get_by_label("Vilka husdjur?")).to_be_hidden()
    step.press(page.get_by_role("button", name="Fortsätt"))

    step.arrived_at("Vem ska hantverkaren kontakta?")
    walk.check("contact")
    step.choose("Kontaktperson", "Mig")
    step.press(page.get_by_role("button", name="Fortsätt"))

    step.arrived_at("Bilder på felet")
    walk.check("photos")
    step.upload(page.get_by_label("Lägg till bilder"), photo)
    step.press(page.get_by_role("button", name="Lägg till", exact=True))
    step.arrived_at("Bilder på felet")
    expect(page.get_by_role("img", name="Bild 1")).to_be_visible()
    walk.check("photo added")
    step.press(page.get_by_role("button", name="Fortsätt", exact=True))

    step.arrived_at("Kontrollera dina svar")
    answers = page.locator("dl.answers")
    expect(answers).to_contain_text("Kök")
    expect(answers).to_contain_text("Frys - Standard")
    expect(answers).to_contain_text("Kyler inte")
    expect(answers).to_contain_text(DESCRIPTION)
    expect(answers.get_by_role("img", name="Bild 1")).to_be_visible()
    walk.check("check answers")
    step.press(page.get_by_role("button", name="Skicka felanmälan"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Felanmälan mottagen")
    number = errand_number_on_receipt(page, javascript=walk.javascript)
    walk.check("receipt")

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Felanmälan och ärenden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina ärenden")
    walk.check("errands")
    page.get_by_role("link", name=number, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Ärende {number}")
    expect(page.get_by_text(DESCRIPTION)).to_be_visible()
    walk.check("errand")


def errand_number_on_receipt(page: Page, *, javascript: bool, timeout: float = 60_000) -> str:
    """The errand number, once the report has reached the landlord.

    Eager tasks deliver before the receipt is shown; a real worker takes a moment.
    With JavaScript the receipt polls its status; without, the tenant reloads it.
    """
    number = page.locator(".errand-number")
    if javascript:
        expect(number).to_be_visible(timeout=timeout)
    else:
        for _ in range(int(timeout / 500)):
            if number.count():
                break
            expect(page.get_by_text("Mottagen — skickas till hyresvärden")).to_be_visible()
            page.wait_for_timeout(500)
            page.get_by_role("link", name="Uppdatera sidan").click()
    expect(page.get_by_text("Din felanmälan finns hos hyresvärden.")).to_be_visible()
    return number.inner_text().strip()


class MouseSteps:
    """Without JavaScript: each answer is clicked, each step a page load."""

    def __init__(self, page: Page):
        self.page = page

    def question(self, name: str) -> Locator:
        return self.page.get_by_role("group", name=name)

    def arrived_at(self, heading: str) -> None:
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(heading)

    def choose(self, question: str, answer: str | re.Pattern | None) -> None:
        radios = self.question(question).get_by_role("radio")
        (radios.first if answer is None else self.question(question).get_by_role("radio", name=answer)).check()

    def type_into(self, field: Locator, text: str) -> None:
        field.fill(text)

    def upload(self, field: Locator, path) -> None:
        field.set_input_files(path)

    def press(self, button: Locator) -> None:
        button.click()


class KeyboardSteps(MouseSteps):
    """With JavaScript: Tab, arrows, Space and Enter only; each step arrives by an htmx swap."""

    def arrived_at(self, heading: str) -> None:
        h1 = self.page.get_by_role("heading", level=1)
        expect(h1).to_contain_text(heading)
        expect(h1, "after a swap the focus is on the new step's question").to_be_focused()

    def tab_to(self, target: Locator, limit: int = 40) -> None:
        for _ in range(limit):
            if target.evaluate("element => element === document.activeElement"):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"{target} cannot be reached with Tab")

    def choose(self, question: str, answer: str | re.Pattern | None) -> None:
        radios = self.question(question).get_by_role("radio")
        self.tab_to(radios.first)  # Tab enters a group without a choice at its first radio
        if answer is None:
            self.page.keyboard.press("Space")
            target = radios.first
        else:
            target = self.question(question).get_by_role("radio", name=answer)
            for _ in range(radios.count()):
                if target.evaluate("element => element === document.activeElement"):
                    break
                self.page.keyboard.press("ArrowDown")  # moves and chooses
            self.page.keyboard.press("Space")
        expect(target).to_be_checked()

    def type_into(self, field: Locator, text: str) -> None:
        self.tab_to(field)
        self.page.keyboard.type(text)

    def upload(self, field: Locator, path) -> None:
        with self.page.expect_file_chooser(timeout=10_000) as chooser:
            self.tab_to(field)  # a round trip or more: the dialog is intercepted before the key opens it
            self.page.keyboard.press("Space")
        chooser.value.set_files(path)

    def press(self, button: Locator) -> None:
        self.tab_to(button)
        self.page.keyboard.press("Enter")
