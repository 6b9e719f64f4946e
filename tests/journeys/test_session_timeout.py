"""A tenant is warned before the session ends, gets more time, and is told when it has ended (WCAG 2.2.1)."""

import time

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.integration, pytest.mark.journey]

# Short enough to wait for in a test, long enough for axe and the screenshots in between.
SESSION_AGE = 14
WARN_BEFORE = 11


@pytest.fixture
def short_sessions(settings):
    settings.SESSION_COOKIE_AGE = SESSION_AGE
    settings.SESSION_TIMEOUT_WARNING_SECONDS = WARN_BEFORE


def test_the_warning_offers_more_time_and_then_says_the_session_ended(journey, alice, pm5_live, short_sessions):
    walk = journey("session-timeout")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")
    # Unless extended, the session ends by then (a margin for the page's last requests).
    ends = time.monotonic() + SESSION_AGE + 2

    if not walk.javascript:
        # Without JavaScript there is no warning: the session simply ends, as it always did.
        expect(page.get_by_role("dialog")).to_have_count(0)
        page.wait_for_timeout((ends - time.monotonic()) * 1000)
        page.reload()
        expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
        return

    dialog = page.get_by_role("dialog", name="Du loggas snart ut")
    expect(dialog).to_be_visible(timeout=(SESSION_AGE - WARN_BEFORE + 2) * 1000)
    expect(dialog).to_contain_text("loggas du ut, om du inte väljer att fortsätta")
    extend = dialog.get_by_role("button", name="Fortsätt vara inloggad")
    expect(extend).to_be_focused()
    expect(dialog.get_by_role("button", name="Logga ut")).to_be_visible()
    walk.check("session warning")

    with page.expect_response("**/konto/forlang/") as extended:
        extend.click()
    assert extended.value.json() == {"expires_in": SESSION_AGE}
    expect(dialog).to_be_hidden()

    # Past the first expiry the person is still logged in (the page load counts anew).
    page.wait_for_timeout(max(0.0, ends - time.monotonic()) * 1000)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")

    # Escape closes the warning when it comes again; the session then ends.
    expect(dialog).to_be_visible(timeout=(SESSION_AGE - WARN_BEFORE + 2) * 1000)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    ended = page.get_by_role("dialog", name="Du har loggats ut")
    expect(ended).to_be_visible(timeout=(WARN_BEFORE + 2) * 1000)
    expect(ended.get_by_role("heading", name="Du har loggats ut")).to_be_focused()
    walk.check("session ended")

    ended.get_by_role("link", name="Logga in igen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
