"""A tenant is warned before the session ends, gets more time, and is told when it has ended (WCAG 2.2.1).

The browser's clock is Playwright's: the warning's timers run when the test moves
that clock, never on the machine's luck (axe and the screenshots may take seconds
on a busy machine). The server's own expiry is real time only where nothing
else can show it: without JavaScript, where the session simply ends.
"""

import time
from importlib import import_module

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

pytestmark = [pytest.mark.integration, pytest.mark.journey]

# With JavaScript the server's session outlives the test: the browser's clock is moved instead.
SESSION_AGE = 600
WARN_BEFORE = 60
# Without JavaScript the test waits for the server's real expiry, so it is short.
SHORT_SESSION_AGE = 4


def test_the_warning_offers_more_time_and_then_says_the_session_ended(journey, alice, live_sandbox, settings):
    walk = journey("session-timeout")
    page = walk.page
    settings.SESSION_COOKIE_AGE = SESSION_AGE if walk.javascript else SHORT_SESSION_AGE
    settings.SESSION_TIMEOUT_WARNING_SECONDS = WARN_BEFORE
    if walk.javascript:
        page.clock.install()
    walk.log_in("alice@example.se", "Alice-password-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")

    if not walk.javascript:
        # Without JavaScript there is no warning: the session simply ends, as it always did.
        expect(page.get_by_role("dialog")).to_have_count(0)
        time.sleep(SHORT_SESSION_AGE + 1)  # past the expiry the server set at the last request
        page.reload()
        expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
        return

    # The heading is there before the deferred session-timeout.js has run; moving the clock
    # before it has started its countdown would start it from the moved time.
    page.wait_for_load_state("domcontentloaded")
    dialog = page.get_by_role("dialog", name="Du loggas snart ut")
    expect(dialog).to_be_hidden()
    page.clock.fast_forward((SESSION_AGE - WARN_BEFORE + 1) * 1000)
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("loggas du ut, om du inte väljer att fortsätta")
    extend = dialog.get_by_role("button", name="Fortsätt vara inloggad")
    expect(extend).to_be_focused()
    expect(dialog.get_by_role("button", name="Logga ut")).to_be_visible()
    walk.check("session warning")

    with page.expect_response("**/konto/forlang/") as extended:
        extend.click()
    assert extended.value.json() == {"expires_in": SESSION_AGE}
    expect(dialog).to_be_hidden()

    # More time means the whole session age again: no warning where the first one came.
    page.clock.fast_forward((SESSION_AGE - WARN_BEFORE - 10) * 1000)
    expect(dialog).to_be_hidden()

    # Escape closes the warning when it comes again; the session then ends.
    page.clock.fast_forward(11 * 1000)
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.clock.fast_forward(WARN_BEFORE * 1000)
    ended = page.get_by_role("dialog", name="Du har loggats ut")
    expect(ended).to_be_visible()
    expect(ended.get_by_role("heading", name="Du har loggats ut")).to_be_focused()
    walk.check("session ended")

    # The server's clock has not got there: end its session as its expiry would.
    _end_server_session(page.context.cookies())
    ended.get_by_role("link", name="Logga in igen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")


def _end_server_session(cookies) -> None:
    store = import_module(django_settings.SESSION_ENGINE).SessionStore
    (key,) = [c["value"] for c in cookies if c["name"] == django_settings.SESSION_COOKIE_NAME]
    store(session_key=key).delete()
