"""A tenant whose lease is in Kobo gives notice and withdraws it, in Norwegian and in Swedish.

On the production path a real worker takes the notice to Kobo after the page has answered:
the page shows it received, and the tenant reloads it until it is registered (the page does
not poll). With tasks run in-process it is registered before the page answers.
"""

import re
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from apps.kobo import rules
from tests.kobo.conftest import kobo_caught_up

pytestmark = [pytest.mark.integration, pytest.mark.journey]


def earliest():
    return rules.earliest_end(timezone.localdate(), rules.Period(months=3, by_law=True))


def reload_until_visible(page: Page, shown: Locator, timeout: float = 60.0) -> None:
    """The tenant reloads the page until it shows what Kobo now holds."""
    deadline = time.monotonic() + timeout
    while not shown.is_visible():
        if time.monotonic() > deadline:
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(shown).to_be_visible()


@pytest.fixture
def kobo_registered(live_sandbox):
    call_command("kobo_register_webhook")  # Kobo's messages fill the portal's copy of the units
    kobo_caught_up()
    return live_sandbox


def test_a_tenant_gives_notice_in_norwegian_and_withdraws_it(journey, alice, kobo_registered):
    walk = journey("kobo-notice-nb")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")
    page.get_by_label("Språk").select_option("nb")
    page.get_by_role("button", name="Byt språk").click()
    walk.statement_name = "Tilgjengelighetserklæring"

    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Si opp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Si opp leieforholdet")
    expect(page.get_by_text("3 måneder, slik loven sier")).to_be_visible()
    walk.check("notice page")

    page.get_by_label("Siste dag i leieforholdet").fill((earliest() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Si opp leieforholdet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekreft at det er deg")
    walk.check("password again")
    page.get_by_label("Passord", exact=True).fill("Alice-password-1")
    page.get_by_role("button", name="Fortsett").click()

    expect(page.locator("#id_end_date_error")).to_contain_text("Oppsigelsestiden rekker ikke")
    walk.check("too early")
    page.get_by_label("Siste dag i leieforholdet").fill(earliest().isoformat())
    page.get_by_role("button", name="Si opp leieforholdet").click()

    reload_until_visible(page, page.get_by_role("heading", level=2, name="Oppsigelsen er registrert"))
    walk.check("receipt")
    page.get_by_role("button", name="Angre oppsigelsen").click()

    reload_until_visible(page, page.get_by_text("Du angret oppsigelsen din"))
    walk.check("withdrawn")


def test_a_tenant_gives_notice_in_swedish(journey, alice, kobo_registered):
    walk = journey("kobo-notice-sv")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Säg upp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Säg upp hyresavtalet")
    walk.check("notice page")

    page.get_by_label("Sista dag för hyresavtalet").fill((timezone.localdate() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Säg upp hyresavtalet").click()
    page.get_by_label("Lösenord", exact=True).fill("Alice-password-1")
    page.get_by_role("button", name="Fortsätt").click()
    expect(page.get_by_role("alert")).to_contain_text("Dagen har redan varit")
    walk.check("a day in the past")

    page.get_by_label("Sista dag för hyresavtalet").fill((earliest() + timedelta(days=31)).isoformat())
    page.get_by_role("button", name="Säg upp hyresavtalet").click()

    reload_until_visible(page, page.get_by_role("heading", level=2, name="Uppsägningen är registrerad"))
    walk.check("receipt")


def test_staff_see_the_units_in_kobo_and_mark_a_new_allocation_seen(journey, kobo_registered):
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

    from apps.accounts.services import create_linked_account

    staff = create_linked_account(
        email="kobo-staff@example.se", password="Staff-password-1", customer_number="", is_staff=True
    )
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    walk = journey("kobo-staff")
    page = walk.page
    walk.log_in("kobo-staff@example.se", "Staff-password-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Skriv koden från appen")
    page.locator("main input[name=code]").fill(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
    page.get_by_role("button", name="Logga in").click()

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Kobo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bostäder i Kobo")
    expect(page.get_by_text("1 ny tilldelning.")).to_be_visible()
    walk.check("units in kobo")

    page.get_by_role("button", name=re.compile("^Markera tilldelningen av .* som sedd$")).click()
    expect(page.get_by_text("1 ny tilldelning.")).to_have_count(0)
    walk.check("allocation seen")
