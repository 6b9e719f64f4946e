"""A staff member's first day: turning on TOTP, then moving a work order along.

The work-order page grows other sections (photos, errand rows); this journey uses
only the summary, the status buttons, the event form and the planning form.
"""

import re
import time
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.utils import timezone
from playwright.sync_api import expect

from apps.accounts.services import create_linked_account

pytestmark = [pytest.mark.integration, pytest.mark.journey]


@pytest.fixture
def staff_demo(live_sandbox):
    """The demo's staff login, as `sandbox_demo_data` creates it: no TOTP yet."""
    from apps.sandbox.demo.personas import DEMO_LOGINS

    login = next(login for login in DEMO_LOGINS if login.is_staff)
    create_linked_account(email=login.email, password=login.password, customer_number="", is_staff=True)
    return login


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now for this secret (RFC 6238, allauth's own helpers)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_a_staff_member_turns_on_totp_and_moves_a_work_order_along(journey, staff_demo):
    walk = journey("staff")
    page = walk.page
    walk.log_in(staff_demo.email, staff_demo.password)
    expect(page).not_to_have_url(re.compile("/konto/login/"))

    walk.open("/personal/")  # sent to turn TOTP on, which first asks for the password again
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta att det är du")
    expect(page.get_by_role("status")).to_contain_text("Personalsidorna kräver tvåstegsverifiering")
    walk.check("confirm password")
    page.get_by_label("Lösenord", exact=True).fill(staff_demo.password)
    page.get_by_role("button", name="Fortsätt").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Slå på autentiseringsappen")
    walk.check("turn on totp")
    secret = page.locator("main code").inner_text().strip()
    page.get_by_label("Kod från appen").fill(totp_code(secret))
    page.get_by_role("button", name="Slå på").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Slå på autentiseringsappen")

    walk.open("/personal/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Arbetsorder")
    queue = page.get_by_role("table", name=re.compile("^Arbetsorder, sida 1"))
    expect(queue).to_be_visible()
    walk.check("queue")

    filters = page.get_by_role("group", name="Filtrera")
    filters.get_by_label("Status", exact=True).select_option(label="Registrerad")
    filters.get_by_role("button", name="Visa").click()
    expect(page).to_have_url(re.compile(r"status=REG"))
    rows = queue.locator("tbody tr")
    expect(rows.first).to_be_visible()
    for status in rows.locator("td:nth-child(7)").all_inner_texts():
        assert status == "Registrerad"
    walk.check("queue filtered")

    number = rows.first.get_by_role("link").inner_text()
    rows.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Arbetsorder {number}")
    summary = page.locator("dl.summary-list").first
    expect(summary).to_contain_text("Registrerad")
    walk.check("work order")

    page.get_by_role("button", name="Ändra till Beställd").click()
    expect(page.get_by_role("status")).to_have_text("Statusen är nu Beställd.")
    expect(summary).to_contain_text("Beställd")
    walk.check("status moved")

    page.get_by_label("Rubrik").fill("Ringt hyresgästen")
    page.get_by_label("Text", exact=True).fill("Hyresgästen är hemma på förmiddagen.")
    page.get_by_role("button", name="Spara händelsen").click()
    expect(page.get_by_role("status")).to_have_text("Händelsen är sparad.")
    expect(page.locator("ol.timeline")).to_contain_text("Ringt hyresgästen")
    walk.check("event added")

    visit = timezone.localdate() + timedelta(days=3)
    page.get_by_label("Datum", exact=True).fill(visit.isoformat())
    page.get_by_label("Från klockan").fill("08:00")
    page.get_by_label("Till klockan").fill("12:00")
    page.get_by_role("button", name="Spara planering").click()
    expect(page.get_by_role("status")).to_have_text("Arbetsordern är planerad.")
    expect(summary).to_contain_text(f"{visit.isoformat()} 08:00–12:00")
    walk.check("planned")
