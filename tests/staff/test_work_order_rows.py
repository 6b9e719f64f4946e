"""The Errands v2 rows on the staff work-order page, the staff-only remark and the reporter.

The work order's externtNr is the errand's number in Errands v2, its externtId
the row's GUID there; the page shows every row of the errand, its own marked.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration


def detail(work_order_id: int) -> str:
    return reverse("staff:work_order", args=[work_order_id])


def as_money(amount) -> str:
    """7 900,00 kr as the |money filter writes it, with non-breaking spaces."""
    whole, cents = f"{amount:.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return "\xa0".join(groups) + f",{cents}\xa0kr"


def invoiced_row():
    from apps.sandbox.models import IncomingReference

    return IncomingReference.objects.filter(invoices__isnull=False).order_by("pk").first().rows.get()


def test_it_shows_the_rows_with_participants_and_accounting(staff_client, live_sandbox):
    row = invoiced_row()
    group = row.incoming_reference
    manager = row.errand.participants.get(row=None, role="handler")
    html = staff_client.get(detail(row.pk)).content.decode()
    assert "Ärendets rader" in html
    assert "(den här arbetsordern)" in html
    for text in ("Handläggare", manager.display_name, "Leverantör", group.supplier, "Beställare", "Kontaktperson"):
        assert escape(text) in html
    assert as_money(row.estimated_cost) in html
    assert group.reference in html and group.invoices.get().number in html
    assert "Konto" in html and "4657" in html and "Verksamhet" in html
    assert escape(row.node.label) in html, "the entity path"


def test_every_row_of_the_errand_is_shown_and_only_its_own_is_marked(staff_client, live_sandbox):
    from apps.sandbox.models import Errand

    errand = next(e for e in Errand.objects.order_by("pk") if e.rows.count() == 2)
    first, second = errand.rows.order_by("pk")
    html = staff_client.get(detail(second.pk)).content.decode()
    assert "Rad 1" in html and "Rad 2 (den här arbetsordern)" in html
    assert html.count("(den här arbetsordern)") == 1
    assert "Inte skickad till leverantör" in html or "Ingen ekonomi registrerad" in html


def test_the_page_stays_when_errands_v2_is_down_and_says_so_calmly(staff_client, live_sandbox, settings, unreachable):
    row = invoiced_row()
    settings.ERRANDS_BASE_URL = f"{unreachable}/sandbox/errands"
    response = staff_client.get(detail(row.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert row.errand.number in html and "Avtalat slut" in html, "the rest of the page, from FAST2"
    assert "kan inte hämtas just nu" in html
    assert row.incoming_reference.reference not in html


def test_a_refused_token_gives_the_same_calm_note(staff_client, live_sandbox, settings):
    settings.ERRANDS_TOKEN = "sandbox-errands-inactive"
    response = staff_client.get(detail(invoiced_row().pk))
    assert response.status_code == 200
    assert "kan inte hämtas just nu" in response.content.decode()


def test_staff_see_the_remark_and_another_reporter(staff_client, live_sandbox):
    from apps.sandbox.models import ErrandRow

    with_remark = ErrandRow.objects.exclude(remark="").order_by("pk").first()
    html = staff_client.get(detail(with_remark.pk)).content.decode()
    assert "Anmärkning (endast personal)" in html and escape(with_remark.remark) in html

    reported = ErrandRow.objects.exclude(errand__reporter_name="").select_related("errand").first()
    html = staff_client.get(detail(reported.pk)).content.decode()
    errand = reported.errand
    assert "Anmälare" in html
    assert escape(errand.reporter_name) in html and errand.reporter_phone in html and errand.reporter_email in html


def test_without_another_reporter_the_customer_reported_it(staff_client, live_sandbox):
    row = a_row("PAGAR")
    assert row.errand.reporter_name == "" and row.errand.customer_id
    html = staff_client.get(detail(row.pk)).content.decode()
    assert "Anmälare" in html and "Kunden själv" in html


def test_the_tenants_errand_page_never_shows_the_remark(alice, live_sandbox):
    from apps.sandbox.models import ErrandRow

    row = ErrandRow.objects.filter(errand__customer__customer_number="15555").exclude(remark="").first()
    assert row is not None, "demo customer 1 has a row with a remark"
    tenant = Client()
    tenant.force_login(alice)
    response = tenant.get(reverse("faults:errand", args=[row.errand_id]))
    assert response.status_code == 200
    assert row.errand.number in response.text
    assert row.remark not in response.text and escape(row.remark) not in response.text
    assert "Anmärkning" not in response.text
