"""Journeys in a real browser: Debian's chromium driven by Playwright, checked by axe.

Each journey runs twice, with JavaScript on and off. Every page state is
checked by axe-core for WCAG 2.1 A/AA violations, fails on anything the
Content-Security-Policy refused (Chromium says so on the console), and is photographed at 375 and
1280 px into test-artifacts/screenshots/ (ignored by git) for a reviewer.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Page, expect, sync_playwright

# Playwright's sync API runs an event loop in this thread; the test's own ORM
# calls are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WIDTHS = (375, 1280)
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Swedish date and time inputs (ÅÅÅÅ-MM-DD, 24 h) in the screenshots, as a Swedish tenant sees them.
    "--lang=sv-SE",
]
# Chromium on Linux ignores --lang and takes its locale from the environment; the
# Swedish strings come from Debian's chromium-l10n (scripts/system-deps installs it).
CHROMIUM_ENV = {**os.environ, "LANGUAGE": "sv_SE"}


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is needed for the journeys: scripts/system-deps installs it")
    return path


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, env=CHROMIUM_ENV)
        yield browser
        browser.close()


class Journey:
    """One person's walk through the portal, checking every page it reaches."""

    axe = Axe()
    # The footer's link to the accessibility statement, in the language the walk reads the portal in.
    statement_name = "Tillgänglighetsredogörelse"

    def __init__(self, page: Page, base_url: str, name: str, javascript: bool, csp_violations: list[str]):
        self.page = page
        self.base_url = base_url
        self.name = f"{name}-{'js' if javascript else 'nojs'}"
        self.javascript = javascript
        self.step = 0
        self.csp_violations = csp_violations

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + path)

    def check(self, label: str) -> None:
        """The footer links to the accessibility statement; axe finds no WCAG 2.1 A/AA violation; a screenshot at each width."""
        self.step += 1
        assert not self.csp_violations, f"{label}: the Content-Security-Policy refused {self.csp_violations}"
        statement = self.page.get_by_role("contentinfo").get_by_role("link", name=self.statement_name)
        expect(statement, f"{label}: the footer links to the accessibility statement").to_have_attribute(
            "href", "/tillganglighet/"
        )
        if self.javascript:  # axe runs as a script in the page
            results = self.axe.run(self.page, options=WCAG_AA)
            assert results.violations_count == 0, f"{label}: {results.generate_snapshot()}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        original = self.page.viewport_size
        for width in WIDTHS:
            self.page.set_viewport_size({"width": width, "height": 900})
            slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
            self.page.screenshot(path=SCREENSHOTS / f"{self.name}-{self.step:02d}-{slug}-{width}.png", full_page=True)
        self.page.set_viewport_size(original)

    def log_in(self, email: str, password: str) -> None:
        self.open("/konto/login/")
        self.check("login")
        self.page.get_by_label("E-postadress").fill(email)
        self.page.get_by_label("Lösenord", exact=True).fill(password)
        self.page.get_by_role("button", name="Logga in", exact=True).click()  # not "Logga in med BankID …"


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def journey(request, browser, live_server):
    javascript = request.param
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}, locale="sv-SE"
    )
    page = context.new_page()
    csp_violations: list[str] = []
    page.on("console", lambda message: _record_csp_violation(message, csp_violations))
    yield lambda name: Journey(page, live_server.url, name, javascript, csp_violations)
    context.close()
    assert not csp_violations, f"the Content-Security-Policy refused {csp_violations}"


def _record_csp_violation(message: ConsoleMessage, violations: list[str]) -> None:
    """Chromium reports what the Content-Security-Policy blocks on the console, with JavaScript on or off."""
    if "Content Security Policy" in message.text or "Refused to" in message.text:
        where = message.location
        violations.append(
            f"{message.text} (at {where.get('url')}:{where.get('lineNumber')}:{where.get('columnNumber')})"
        )
