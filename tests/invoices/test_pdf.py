"""The notice PDF: streamed through from the backend, named per RFC 6266, only the tenant's own."""

import io

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from pypdf import PdfReader

from tests.invoices.conftest import detail_url


def pdf_url(number: str, *, inline: bool = False) -> str:
    return reverse("invoices:pdf_inline" if inline else "invoices:pdf", args=[number])


def read(response) -> bytes:
    try:
        return b"".join(response.streaming_content)
    finally:
        response.close()


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(pdf_url("9213210"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_it_refuses_a_post(client, alice):
    client.force_login(alice)
    assert client.post(pdf_url("9213210")).status_code == 405
    assert client.post(pdf_url("9213210", inline=True)).status_code == 405


@pytest.mark.integration
def test_the_pdf_is_a_streamed_pdf_that_holds_the_notices_ocr_and_amounts(logged_in, live_sandbox, notices):
    notice = notices.repair()
    response = logged_in.get(pdf_url(notice.number))

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse), "streamed through, never read whole"
    assert response["Content-Type"] == "application/pdf"
    body = read(response)
    assert body.startswith(b"%PDF-")
    assert int(response["Content-Length"]) == len(body)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    assert notice.ocr in text
    assert notice.number in text
    assert "Bostads AB Tallbacken" in text
    assert "Reparation av ytterdörr" in text
    assert "2 450,00 kr" in text.replace("\xa0", " ")
    assert f"{notice.bankgiro[:-4]}-{notice.bankgiro[-4:]}" in text


@pytest.mark.integration
def test_the_pdf_shows_every_period_and_the_hot_water_specification(logged_in, live_sandbox, notices):
    notice = notices.several_periods()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(read(logged_in.get(pdf_url(notice.number))))).pages)
    for period in notice.periods.all():
        assert f"Period {period.period_start:%Y-%m}" in text
    assert "Retroaktiv hyreshöjning" in text


@pytest.mark.integration
def test_the_download_is_an_attachment_named_after_kind_number_and_month(logged_in, live_sandbox, notices):
    notice = notices.repair()
    month = f"{notice.periods.all()[0].period_start:%Y-%m}"
    response = logged_in.get(pdf_url(notice.number))
    read(response)
    assert response["Content-Disposition"] == f'attachment; filename="faktura-{notice.number}-{month}.pdf"'


@pytest.mark.integration
def test_visa_shows_the_pdf_in_the_browser(logged_in, live_sandbox, notices):
    notice = notices.overdue()
    response = logged_in.get(pdf_url(notice.number, inline=True))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('inline; filename="avi-')
    assert read(response).startswith(b"%PDF-")


@pytest.mark.integration
def test_it_rejects_another_tenants_invoice_without_asking_the_backend_for_it(
    logged_in, live_sandbox, bobs_notice, backend_calls
):
    logged_in.get(reverse("invoices:list"))
    logged_in.get(reverse("invoices:list"), {"manader": 36})
    backend_calls.reset()

    assert logged_in.get(pdf_url(bobs_notice.number)).status_code == 404
    assert logged_in.get(pdf_url(bobs_notice.number, inline=True)).status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_the_backend_id_is_never_taken_from_the_browser(logged_in, live_sandbox, bobs_notice, backend_calls):
    # Bob's AviseringId in place of a number finds nothing: only printed numbers are looked up.
    response = logged_in.get(pdf_url(str(bobs_notice.pk)))
    assert response.status_code == 404
    assert not any(str(bobs_notice.pk) in url for _, url in backend_calls.calls)


@pytest.mark.integration
def test_a_failing_backend_gets_a_calm_message_on_the_invoice_page(logged_in, live_sandbox, notices):
    from apps.sandbox.models import SandboxBehaviour

    notice = notices.repair()
    logged_in.get(detail_url(notice.number))  # the session data is cached
    SandboxBehaviour.objects.update_or_create(pk=1, defaults={"outage": True})

    response = logged_in.get(pdf_url(notice.number), follow=True)

    assert response.redirect_chain == [(detail_url(notice.number), 302)]
    assert response.status_code == 200
    assert "Vi kunde inte hämta PDF:en just nu" in response.text
    assert f"Faktura {notice.number}" in response.text


@pytest.mark.integration
def test_a_pdf_from_the_longer_list_keeps_its_months_on_the_way_back(logged_in, live_sandbox, notices):
    from apps.sandbox.models import SandboxBehaviour

    notice = notices.older_than(12)
    logged_in.get(detail_url(notice.number, manader=36))
    SandboxBehaviour.objects.update_or_create(pk=1, defaults={"outage": True})

    response = logged_in.get(pdf_url(notice.number) + "?manader=36")

    assert response.status_code == 302
    assert response["Location"] == detail_url(notice.number, manader=36)


@pytest.mark.integration
def test_a_backend_that_answers_something_else_than_a_pdf_gets_the_calm_message(
    logged_in, live_sandbox, notices, monkeypatch
):
    from apps.backends.errors import BackendInvalid
    from apps.backends.pm5.economy import EconomyApi

    def not_a_pdf(self, key, notice_id):
        raise BackendInvalid("PM5 get notice pdf: answered text/html, not a PDF")

    monkeypatch.setattr(EconomyApi, "notice_pdf", not_a_pdf)
    notice = notices.repair()
    response = logged_in.get(pdf_url(notice.number))
    assert response.status_code == 302
    assert response["Location"] == detail_url(notice.number)
