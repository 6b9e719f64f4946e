"""A staff member's first day: turning on TOTP, then moving a work order along.

The work-order page grows other sections (photos, errand rows); this journey uses
the summary, the status buttons, the event forms (add, then change), the planning
form and the time form.
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

    page.get_by_label("Rubrik", exact=True).fill("Ringt hyresgästen")
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

    times = page.locator("#tider")
    times.get_by_label("Aktivitet").select_option(label="Reparation")
    times.get_by_label("Timmar").fill("1")
    times.get_by_label("Minuter").fill("30")
    times.get_by_role("button", name="Spara tiden").click()
    expect(page.get_by_role("status")).to_have_text("Tiden är sparad.")
    expect(page.get_by_role("table", name="Bokad tid")).to_contain_text("Reparation")
    expect(page.get_by_role("table", name="Bokad tid").locator("tfoot")).to_contain_text("1\u00a0tim\u00a030 min")
    walk.check("time added")

    page.get_by_role("link", name="Ändra Ringt hyresgästen").click()
    expect(page.get_by_role("group", name="Ändra händelsen Ringt hyresgästen")).to_be_visible()
    walk.check("event opened for change")
    page.get_by_label("Rubrik", exact=True).fill("Ringt hyresgästen igen")
    page.get_by_label("Aktiv till och med").fill((visit + timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Spara ändringen").click()
    expect(page.get_by_role("status")).to_have_text("Händelsen är ändrad.")
    expect(page.locator("ol.timeline")).to_contain_text("Ringt hyresgästen igen")
    walk.check("event changed")

    attach = page.get_by_role("group", name="Bifoga en bild eller PDF")
    attach.get_by_label("Fil", exact=True).set_input_files(
        {"name": "kranen.png", "mimeType": "image/png", "buffer": a_png()}
    )
    attach.get_by_role("button", name="Bifoga filen").click()
    expect(page.get_by_role("status")).to_have_text("kranen.png är bifogad.")
    expect(page.locator("ol.timeline")).to_contain_text("kranen.png")
    walk.check("file attached")


def a_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_staff_member_registers_a_work_order_for_a_tenant_who_calls(journey, staff_demo, live_sandbox):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    secret = generate_totp_secret()
    TOTP.activate(get_user_model().objects.get(email=staff_demo.email), secret)
    walk = journey("staff-new-work-order")
    page = walk.page
    walk.log_in(staff_demo.email, staff_demo.password)
    page.get_by_label("Kod", exact=True).fill(totp_code(secret))
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("arbetsorder", re.IGNORECASE))

    walk.open("/personal/")
    page.get_by_role("link", name="Arbetar du som utförare? Ange din resurs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Min resurs i FAST2")
    walk.check("my resource")
    page.get_by_role("button", name="Spara min resurs").click()
    expect(page.get_by_role("alert")).to_contain_text("Välj din resurs.")
    walk.check("my resource not chosen")
    page.get_by_label("Din FAST2-resurs (utförare)").select_option(index=1)
    page.get_by_role("button", name="Spara min resurs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina arbetsorder")

    page.get_by_role("link", name="Ny arbetsorder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ny arbetsorder")
    walk.check("new work order")

    page.get_by_label("Kundnummer").fill(live_sandbox.alice.number)
    page.get_by_role("button", name="Hämta kund").click()
    expect(page.get_by_role("status")).to_contain_text("som hyr")
    expect(page.get_by_label("Objekt", exact=True)).to_have_value("142-043-01")
    walk.check("customer found")

    def choose(label: str, value: str = "", *, option: str = "", then: str = "") -> None:
        field = page.get_by_label(label, exact=True)
        field.select_option(value=value) if value else field.select_option(label=option)
        if not walk.javascript:
            page.get_by_role("button", name="Visa val").click()
        if then:  # the next level's choices have come
            expect(page.get_by_label(then, exact=True).locator("option")).not_to_have_count(1)

    choose("Utrymme", "512431", then="Enhet")
    choose("Enhet", "422831", then="Fel")
    choose("Fel", option="Kyler inte")
    walk.check("walked to the fault")

    page.get_by_role("group", name="Prioritet").get_by_label("Akut").check()
    page.get_by_role("group", name="Tillträde").get_by_label("Ja, utföraren får gå in").check()
    page.get_by_role("button", name="Skapa arbetsorder").click()
    expect(page.get_by_role("alert")).to_contain_text("Beskriv felet.")
    expect(page.get_by_label("Fel", exact=True)).to_have_value(re.compile(r"\d+"))
    walk.check("description missing")

    page.get_by_label("Beskrivning").fill("Frysen kyler inte, maten har börjat tina.")
    page.get_by_role("button", name="Skapa arbetsorder").click()
    expect(page.get_by_role("status")).to_contain_text("är skapad.")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Arbetsorder \d+$"))
    expect(page.locator("dl.summary-list").first).to_contain_text("Kyler inte")
    walk.check("work order created")
