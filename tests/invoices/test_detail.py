"""One notice: amounts, how to pay (with the QR code), ledger periods, payments, distribution."""

import pytest
from django.urls import reverse

from tests.invoices.conftest import LANDLORD_NAME, LANDLORD_ORGANISATION_NUMBER, detail_url, yyyymmdd


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(detail_url("9213210"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_it_refuses_a_post(client, alice):
    client.force_login(alice)
    assert client.post(detail_url("9213210")).status_code == 405


def test_a_failing_backend_gets_a_calm_page(client, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    client.force_login(alice)
    response = client.get(detail_url("9213210"))
    assert response.status_code == 503
    assert "Vi kan inte visa dina fakturor just nu" in response.text


@pytest.mark.integration
def test_it_shows_what_a_tenant_needs_to_pay_a_notice(logged_in, live_sandbox, notices):
    notice = notices.repair()
    response = logged_in.get(detail_url(notice.number))

    assert response.status_code == 200
    html = response.text
    assert f"Faktura {notice.number}</h1>" in html
    assert notice.ocr in html
    assert _bankgiro(notice.bankgiro) in html, "bankgiro as printed: 5050-1055"
    assert "2\xa0450,00\xa0kr" in html
    assert f"{notice.due_date:%Y-%m-%d}" in html
    assert 'hx-history="false"' in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.integration
def test_with_the_session_data_cached_the_page_asks_the_backend_nothing(
    logged_in, live_sandbox, notices, backend_calls
):
    notice = notices.repair()
    first = logged_in.get(detail_url(notice.number))
    backend_calls.reset()

    again = logged_in.get(detail_url(notice.number))

    assert len(backend_calls) == 0
    assert again.context["detail"].qr_svg == first.context["detail"].qr_svg, "the same QR code"
    assert 'class="payment-qr"' in again.text


@pytest.mark.integration
def test_it_offers_the_pdf_to_download_and_to_view(logged_in, live_sandbox, notices):
    notice = notices.repair()
    html = logged_in.get(detail_url(notice.number)).text
    assert f'href="{reverse("invoices:pdf", args=[notice.number])}"' in html
    assert f'href="{reverse("invoices:pdf_inline", args=[notice.number])}"' in html
    assert "Ladda ner PDF" in html


@pytest.mark.integration
def test_the_qr_payload_of_the_repair_invoice_is_exactly_right(logged_in, live_sandbox, notices):
    notice = notices.repair()
    sent = notice.distributions.all()[0].sent_at
    from django.utils import timezone

    response = logged_in.get(detail_url(notice.number))

    expected = (
        '{"uqr":1,"tp":1,'
        f'"nme":"{LANDLORD_NAME}","cc":"SE","cid":"{LANDLORD_ORGANISATION_NUMBER}",'
        f'"iref":"{notice.ocr}","idt":"{yyyymmdd(timezone.localtime(sent).date())}",'
        f'"ddt":"{yyyymmdd(notice.due_date)}","due":2450,"cur":"SEK",'
        f'"pt":"BG","acc":"{_bankgiro(notice.bankgiro)}"'
        "}"
    )
    assert response.context["detail"].qr_payload == expected
    html = response.text
    assert '<svg role="img" aria-label="QR-kod för betalning med bankappen"' in html
    assert "Skanna koden med bankappen" in html, "the QR code's text equivalent is beside it"


@pytest.mark.integration
@pytest.mark.parametrize("case", ["paid", "credit", "debt_collection"])
def test_there_is_no_qr_code_when_nothing_is_to_be_paid_to_the_bankgiro(logged_in, live_sandbox, notices, case):
    notice = getattr(notices, case)()
    response = logged_in.get(detail_url(notice.number))
    assert response.context["detail"].qr_payload is None
    assert "<svg" not in response.text


@pytest.mark.integration
def test_every_unpaid_notice_has_a_qr_code(logged_in, live_sandbox, notices):
    for case in ("repair", "overdue", "partly_paid"):
        notice = getattr(notices, case)()
        response = logged_in.get(detail_url(notice.number))
        assert response.context["detail"].qr_payload, case
        assert f'"iref":"{notice.ocr}"' in response.context["detail"].qr_payload


@pytest.mark.integration
def test_without_a_configured_payee_the_numbers_are_shown_without_a_qr_code(logged_in, live_sandbox, notices, settings):
    settings.LANDLORD_NAME = ""
    notice = notices.repair()
    response = logged_in.get(detail_url(notice.number))
    assert response.context["detail"].qr_payload is None
    assert notice.ocr in response.text


@pytest.mark.integration
def test_it_shows_the_ledger_periods_rows_and_the_hot_water_specification(logged_in, live_sandbox, notices):
    notice = notices.several_periods()
    response = logged_in.get(detail_url(notice.number))

    html = response.text
    periods = list(notice.periods.all())
    assert len(periods) > 1
    for period in periods:
        assert f"Period {period.period_start:%Y-%m}" in html
        for row in period.rows.all():
            assert row.text in html
    assert "Grundhyra" in html and "Retroaktiv hyreshöjning" in html


@pytest.mark.integration
def test_a_metered_row_shows_readings_quantity_and_unit_price(logged_in, live_sandbox):
    from apps.sandbox.models import LedgerRowSpecification

    spec = (
        LedgerRowSpecification.objects.filter(row__period__notice__customer__customer_number=live_sandbox.alice.number)
        .select_related("row__period__notice")
        .order_by("-row__period__notice__due_date")
        .first()
    )
    if spec is None:
        pytest.skip("demo customer 1's apartment has no hot-water meter in this build")
    response = logged_in.get(detail_url(spec.row.period.notice.number))
    html = response.text
    assert f"{spec.value_from:.3f}".replace(".", ",") in html
    assert f"{spec.value_to:.3f}".replace(".", ",") in html
    assert f"{spec.quantity:.3f}".replace(".", ",") in html
    assert spec.source_identity in html


@pytest.mark.integration
def test_it_shows_payments_and_how_the_notice_was_sent(logged_in, live_sandbox, notices):
    notice = notices.partly_paid()
    response = logged_in.get(detail_url(notice.number))

    html = response.text
    payment = notice.payments.all()[0]
    assert f"{payment.paid_on:%Y-%m-%d}" in html
    assert payment.channel in html
    distribution = notice.distributions.all()[0]
    assert "Brev till" in html
    assert distribution.address in html


@pytest.mark.integration
def test_a_debt_sent_to_collection_says_so_and_when(logged_in, live_sandbox, notices):
    notice = notices.debt_collection()
    sent = next(p.sent_to_collection_on for p in notice.periods.all() if p.sent_to_collection_on)
    html = logged_in.get(detail_url(notice.number)).text
    assert f"skickades till inkasso {sent:%Y-%m-%d}" in html


@pytest.mark.integration
def test_it_rejects_another_tenants_invoice_without_asking_the_backend_for_it(
    logged_in, live_sandbox, bobs_notice, backend_calls
):
    # The tenant's own lists are cached, as after visiting the list page.
    logged_in.get(reverse("invoices:list"))
    logged_in.get(reverse("invoices:list"), {"manader": 36})
    backend_calls.reset()

    response = logged_in.get(detail_url(bobs_notice.number))

    assert response.status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_an_unknown_number_is_not_found(logged_in, live_sandbox):
    assert logged_in.get(detail_url("no-such-number")).status_code == 404


@pytest.mark.integration
def test_a_bookmarked_notice_older_than_twelve_months_is_still_found(logged_in, live_sandbox, notices):
    notice = notices.older_than(12)
    response = logged_in.get(detail_url(notice.number))
    assert response.status_code == 200
    assert response.context["months"] == 36
    assert f'href="{reverse("invoices:list")}?manader=36"' in response.text


def _bankgiro(number: str) -> str:
    return f"{number[:-4]}-{number[-4:]}"
